package io.backupdesk.ui.shell;

import io.backupdesk.ui.Styles;
import io.backupdesk.ui.shell.Navigation;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.RunningJob;
import io.backupdesk.ui.Views;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The main window's content: the sidebar with one entry per screen that exists, the shown screen, and the status
 * bar. Screens are built on first visit.
 */
public final class MainView {
    private static final Map<Navigation.Screen, Ikon> ICONS = new EnumMap<>(Map.of(
            Navigation.Screen.DASHBOARD, Feather.ACTIVITY,
            Navigation.Screen.BACKUPS, Feather.ARCHIVE,
            Navigation.Screen.SCHEDULES, Feather.CLOCK,
            Navigation.Screen.CONNECTIONS, Feather.SERVER,
            Navigation.Screen.SETTINGS, Feather.SETTINGS));

    @FXML private BorderPane root;
    @FXML private VBox nav;
    @FXML private StackPane content;
    @FXML private Label status;
    @FXML private Label jobMessage;
    @FXML private ProgressBar jobProgress;
    @FXML private Button cancel;

    private final ShellViewModel model;
    private final Map<Navigation.Screen, Supplier<Node>> screens;
    private final Map<Navigation.Screen, Node> built = new EnumMap<>(Navigation.Screen.class);
    private final Map<Navigation.Screen, ToggleButton> buttons = new EnumMap<>(Navigation.Screen.class);

    /** @param screens the screens to offer, in sidebar order; a screen not given has no entry */
    public MainView(ShellViewModel model, LinkedHashMap<Navigation.Screen, Supplier<Node>> screens) {
        this.model = model;
        this.screens = screens;
        Views.load(this);
        buildNav();
        bindStatus();
        model.navigation().currentProperty().addListener((o, was, now) -> show(now));
        show(model.navigation().current());
    }

    public Parent node() {
        return root;
    }

    private void buildNav() {
        ToggleGroup group = new ToggleGroup();
        screens.keySet().forEach(screen -> {
            ToggleButton button = new ToggleButton(Messages.get("nav." + screen.name().toLowerCase(Locale.ROOT)),
                    new FontIcon(ICONS.get(screen)));
            button.getStyleClass().add(Styles.NAV_BUTTON);
            button.setId("nav-" + screen.name().toLowerCase(Locale.ROOT));
            button.setToggleGroup(group);
            button.setOnAction(e -> {
                model.go(screen);
                button.setSelected(true);
            });
            buttons.put(screen, button);
            nav.getChildren().add(button);
        });
    }

    private void show(Navigation.Screen screen) {
        Supplier<Node> factory = screens.get(screen);
        if (factory == null) {
            return;
        }
        content.getChildren().setAll(built.computeIfAbsent(screen, s -> factory.get()));
        buttons.get(screen).setSelected(true);
    }

    private void bindStatus() {
        status.textProperty().bind(model.statusText());
        jobProgress.visibleProperty().bind(model.busy());
        jobProgress.managedProperty().bind(model.busy());
        cancel.visibleProperty().bind(model.busy());
        cancel.managedProperty().bind(model.busy());
        cancel.setOnAction(e -> model.cancelFirst());
        model.firstJob().addListener((o, was, now) -> follow(now));
    }

    private void follow(RunningJob job) {
        jobProgress.progressProperty().unbind();
        jobMessage.textProperty().unbind();
        if (job == null) {
            jobMessage.setText("");
            // never left indeterminate while hidden: its animation would keep the toolkit pulsing, idle
            jobProgress.setProgress(0);
            return;
        }
        jobProgress.progressProperty().bind(job.progressProperty());
        jobMessage.textProperty().bind(job.messageProperty());
    }
}

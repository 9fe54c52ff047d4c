package io.backupdesk.app;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.ui.WindowSizes;
import io.backupdesk.ui.schedules.ScheduleRowViewModel;
import io.backupdesk.ui.shell.Navigation;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The main window over a demo configuration, on one screen and brought to the state a screenshot shows by looking
 * nodes up, never by clicks whose places move with the window manager: the schedules with one selected, the editor
 * of a new schedule, the backup list with a scheduled backup's details, or a connection's form scrolled to its
 * default backup options. For screenshots ({@code docs/screenshots/schedules.sh}), never for tests.
 *
 * <p>Usage: {@code SchedulesPreview CONFIG_DIR light|dark schedules|editor|backups|connections}
 */
public final class SchedulesPreview {
    /** The whole screen, sized as the app sizes its windows so that a window manager keeps it (decision 0019). */
    private static final WindowSizes.Request FULL = new WindowSizes.Request(1280, 800, 800, 600);

    private SchedulesPreview() { }

    public static void main(String[] args) {
        // launched through a class of its own: a main class that is an Application needs JavaFX on the module path
        Application.launch(Preview.class, args);
    }

    /** The window. */
    public static final class Preview extends Application {
        private AppContext context;

        @Override
        @SuppressWarnings("unchecked")
        public void start(Stage stage) {
            BackupDeskApp.applyTheme(getParameters().getRaw().get(1));
            context = new AppContext(AppPaths.forCurrentUser(Path.of(getParameters().getRaw().get(0))), w -> { });
            String state = getParameters().getRaw().get(2);
            context.navigation().go(switch (state) {
                case "backups" -> Navigation.Screen.BACKUPS;
                case "connections" -> Navigation.Screen.CONNECTIONS;
                default -> Navigation.Screen.SCHEDULES;
            });
            Scene scene = MainWindow.build(context, stage, folder -> { });
            stage.setTitle("Backup Desk");
            stage.setScene(scene);
            WindowSizes.size(stage, FULL);
            stage.show();
            // each step waits for what the screen reads off the UI thread; "ready" tells the script to take the shot
            switch (state) {
                case "schedules" -> when(() -> table(scene).map(t -> !t.getItems().isEmpty()).orElse(false), () -> {
                    selectRow(scene, "nightly", r -> ((ScheduleRowViewModel) r).name());
                    ready();
                });
                case "editor" -> when(() -> table(scene).map(t -> !t.getItems().isEmpty()).orElse(false), () -> {
                    ((Button) scene.lookup("#addButton")).fire();
                    when(() -> Window.getWindows().size() > 1, () -> {
                        Scene editor = Window.getWindows().stream().filter(w -> w != stage).findFirst()
                                .orElseThrow().getScene();
                        ComboBox<ConnectionProfile> profile = (ComboBox<ConnectionProfile>) editor.lookup("#profile");
                        profile.getItems().stream().filter(p -> p.name().equals("prod-1")).findFirst()
                                .ifPresent(profile::setValue);
                        TextArea command = (TextArea) editor.lookup("#command");
                        // the backup's part: how it dumps and the command that makes
                        when(() -> command.getText().contains("pg_dump"), () -> {
                            ((ScrollPane) editor.lookup(".editor-scroll")).setVvalue(0.75);
                            // its end, where the preset's own switches are
                            command.setScrollTop(Double.MAX_VALUE);
                            ready();
                        });
                    });
                });
                case "backups" -> when(() -> table(scene).map(t -> t.getItems().size() > 10).orElse(false),
                        () -> showDetails(scene));
                case "connections" -> {
                    ListView<?> list = (ListView<?>) scene.lookup("#list");
                    when(() -> list.getItems().size() > 2, () -> {
                        list.getSelectionModel().select(indexOf(list, "prod-1"));
                        when(() -> true, () -> {
                            ((ScrollPane) scene.lookup(".form-scroll")).setVvalue(1);
                            ready();
                        });
                    });
                }
                default -> throw new IllegalArgumentException(state);
            }
        }

        /**
         * Selects the first backup until its details show: the list is read again when the window shows, and a read
         * that ends after the selection clears it.
         */
        private static void showDetails(Scene scene) {
            selectRow(scene, "0", r -> "0");
            when(() -> true, () -> {
                if (scene.getRoot().lookupAll(".label").stream()
                        .anyMatch(n -> n instanceof Label label && "SHA-256".equals(label.getText()))) {
                    ready();
                } else {
                    showDetails(scene);
                }
            });
        }

        /** Once drawn. */
        private static void ready() {
            when(() -> true, () -> System.out.println("ready"));
        }

        private static int indexOf(ListView<?> list, String profile) {
            for (int i = 0; i < list.getItems().size(); i++) {
                if (((ConnectionProfile) list.getItems().get(i)).name().equals(profile)) {
                    return i;
                }
            }
            return 0;
        }

        /** The screen's table. */
        @SuppressWarnings("unchecked")
        private static Optional<TableView<Object>> table(Scene scene) {
            return scene.getRoot().lookupAll("#table").stream().filter(n -> n instanceof TableView<?> && n.isVisible())
                    .map(n -> (TableView<Object>) n).findFirst();
        }

        /** Selects the first row of the screen's table whose key is the one given ("0": the first row). */
        private static void selectRow(Scene scene, String key, Function<Object, String> keyOf) {
            table(scene).ifPresent(rows -> {
                for (int i = 0; i < rows.getItems().size(); i++) {
                    if (key.equals(keyOf.apply(rows.getItems().get(i)))) {
                        rows.getSelectionModel().select(i);
                        rows.requestFocus();
                        return;
                    }
                }
            });
        }

        /** Once the condition holds, looked at every half second, and a second more for the screen to draw. */
        private static void when(BooleanSupplier condition, Runnable action) {
            PauseTransition wait = new PauseTransition(Duration.millis(500));
            wait.setOnFinished(e -> {
                if (condition.getAsBoolean()) {
                    PauseTransition drawn = new PauseTransition(Duration.seconds(1));
                    drawn.setOnFinished(d -> action.run());
                    drawn.play();
                } else {
                    when(condition, action);
                }
            });
            wait.play();
        }

        @Override
        public void stop() throws InterruptedException {
            context.close();
        }
    }
}

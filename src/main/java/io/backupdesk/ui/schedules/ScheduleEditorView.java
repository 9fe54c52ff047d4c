package io.backupdesk.ui.schedules;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Schedule;
import io.backupdesk.ui.CompressionChoices;
import io.backupdesk.ui.CopyChoiceView;
import io.backupdesk.ui.EncryptionChoiceView;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.RetentionFormViewModel;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import io.backupdesk.ui.WindowSizes;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Window;
import javafx.util.Duration;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** The schedule editor as a dialog: when, how, and the retention rules beside the preview of what they delete. */
final class ScheduleEditorView {
    private static final Map<Preset, String> PRESETS = Map.of(Preset.HOURLY, "schedules.editor.preset.hourly",
            Preset.DAILY, "schedules.editor.preset.daily", Preset.WEEKLY, "schedules.editor.preset.weekly",
            Preset.MONTHLY, "schedules.editor.preset.monthly", Preset.CUSTOM, "schedules.editor.preset.custom");
    private static final Map<Schedule.CatchUp, String> CATCH_UP = Map.of(
            Schedule.CatchUp.RUN_ONCE, "schedules.editor.catchUp.runOnce", Schedule.CatchUp.SKIP, "schedules.editor.catchUp.skip");

    /** Both columns side by side; narrower, the editor scrolls sideways rather than squeeze its fields. */
    private static final WindowSizes.Request SIZE = new WindowSizes.Request(1100, 760, 640, 420);
    /** A cell's padding on both sides, which a wrapped text must leave free. */
    private static final double CELL_PADDING = 16;

    @FXML private ScrollPane root;
    @FXML private TextField name;
    @FXML private Label nameError;
    @FXML private ComboBox<ConnectionProfile> profile;
    @FXML private Label profileError;
    @FXML private ComboBox<Preset> preset;
    @FXML private Label atMinuteLabel;
    @FXML private TextField minute;
    @FXML private Label onLabel;
    @FXML private ComboBox<DayOfWeek> weekday;
    @FXML private Label onDayLabel;
    @FXML private TextField dayOfMonth;
    @FXML private Label atLabel;
    @FXML private TextField time;
    @FXML private Label presetError;
    @FXML private Label presetNote;
    @FXML private TextField cron;
    @FXML private Label cronError;
    @FXML private ComboBox<String> zone;
    @FXML private Label zoneError;
    @FXML private VBox runSummary;
    @FXML private Label description;
    @FXML private VBox nextRuns;
    @FXML private ComboBox<ScheduleOptionsViewModel.Choice> optionsChoice;
    @FXML private Label optionsNote;
    @FXML private ComboBox<BackupFormat> format;
    @FXML private ComboBox<String> compression;
    @FXML private Label optionsError;
    @FXML private TextArea command;
    @FXML private Label commandProblem;
    @FXML private Button copyCommand;
    @FXML private VBox encryptionBox;
    @FXML private VBox copiesBox;
    @FXML private ComboBox<Schedule.CatchUp> catchUp;
    @FXML private CheckBox testRestore;
    @FXML private CheckBox enabled;
    @FXML private TextField keepLast;
    @FXML private Label keepLastError;
    @FXML private TextField daily;
    @FXML private Label dailyError;
    @FXML private TextField weekly;
    @FXML private Label weeklyError;
    @FXML private TextField monthly;
    @FXML private Label monthlyError;
    @FXML private TextField maxAge;
    @FXML private Label maxAgeError;
    @FXML private Label retentionNote;
    @FXML private Label previewSummary;
    @FXML private TableView<PreviewRow> preview;
    @FXML private TableColumn<PreviewRow, String> createdColumn;
    @FXML private TableColumn<PreviewRow, String> sizeColumn;
    @FXML private TableColumn<PreviewRow, PreviewRow> verdictColumn;
    @FXML private TableColumn<PreviewRow, String> reasonColumn;
    @FXML private Label editorError;

    private final SchedulesViewModel screen;
    private final ScheduleEditorViewModel model;
    private Dialog<ButtonType> dialog;
    /** Lets the next runs follow the clock while the editor shows; stopped with it, so an idle app has no pulse. */
    private final Timeline clockTicks = new Timeline();

    ScheduleEditorView(SchedulesViewModel screen) {
        this.screen = screen;
        this.model = screen.editor();
        Views.load(this);
        root.getStylesheets().add(SchedulesView.class.getResource("SchedulesView.css").toExternalForm());
        bindWhen();
        bindBackup();
        bindRetention();
    }

    /** Shows the dialog over the window, once; it closes when the screen's editor closes. */
    void show(Window owner) {
        if (dialog != null) {
            return;
        }
        dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.titleProperty().bind(model.titleProperty());
        ButtonType save = new ButtonType(Messages.get("schedules.editor.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, save);
        dialog.getDialogPane().setContent(root);
        dialog.getDialogPane().getStylesheets().addAll(root.getStylesheets());
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("save-schedule");
        saveButton.disableProperty().bind(screen.canSave().not());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes once the schedule is stored
            screen.save();
        });
        clockTicks.getKeyFrames().setAll(new KeyFrame(Duration.seconds(5), e -> model.when().tick()));
        clockTicks.setCycleCount(Animation.INDEFINITE);
        clockTicks.play();
        dialog.setOnHidden(e -> {
            clockTicks.stop();
            dialog = null;
            screen.closeEditor();
        });
        WindowSizes.size(dialog, SIZE);
        dialog.show();
        name.requestFocus();
    }

    void close() {
        if (dialog != null) {
            dialog.close();
        }
    }

    private void bindWhen() {
        CronEditorViewModel when = model.when();
        name.textProperty().bindBidirectional(model.nameProperty());
        Views.bindError(nameError, model.nameError());
        profile.setItems(model.profiles());
        profile.setConverter(Views.showing(p -> p.name() + "  (" + p.describe() + ")"));
        profile.valueProperty().bindBidirectional(model.profileProperty());
        Views.bindError(profileError, model.profileError());
        preset.getItems().setAll(Preset.values());
        preset.setConverter(Views.showing(p -> Messages.get(PRESETS.get(p))));
        preset.valueProperty().bindBidirectional(when.presetProperty());
        showFor(when, p -> p == Preset.HOURLY, atMinuteLabel, minute);
        showFor(when, p -> p == Preset.WEEKLY, onLabel, weekday);
        showFor(when, p -> p == Preset.MONTHLY, onDayLabel, dayOfMonth);
        showFor(when, p -> p == Preset.DAILY || p == Preset.WEEKLY || p == Preset.MONTHLY, atLabel, time);
        minute.textProperty().bindBidirectional(when.minuteProperty());
        weekday.getItems().setAll(DayOfWeek.values());
        weekday.setConverter(Views.showing(ScheduleShape::weekdayName));
        weekday.valueProperty().bindBidirectional(when.weekdayProperty());
        dayOfMonth.textProperty().bindBidirectional(when.dayOfMonthProperty());
        time.textProperty().bindBidirectional(when.timeProperty());
        Views.bindError(presetError, Bindings.when(when.presetProperty().isEqualTo(Preset.CUSTOM)).then("")
                .otherwise(when.presetError()));
        Views.bindError(presetNote, when.presetNote());
        cron.textProperty().bindBidirectional(when.cronProperty());
        Views.bindError(cronError, when.cronError());
        zone.setItems(when.zones());
        zone.valueProperty().bindBidirectional(when.zoneProperty());
        Views.bindError(zoneError, when.zoneError());
        description.textProperty().bind(when.description());
        // a cron with an error has no words and no runs: the error under the field says it all
        runSummary.visibleProperty().bind(when.description().isNotEmpty());
        runSummary.managedProperty().bind(runSummary.visibleProperty());
        when.nextRuns().addListener((ListChangeListener<String>) c -> renderNextRuns(when));
        renderNextRuns(when);
    }

    /** The preset's own fields show only for it, and take no room otherwise. */
    private static void showFor(CronEditorViewModel when, Predicate<Preset> shown, Node... nodes) {
        BooleanBinding visible = Bindings.createBooleanBinding(() -> shown.test(when.presetProperty().get()),
                when.presetProperty());
        for (Node node : nodes) {
            node.visibleProperty().bind(visible);
            node.managedProperty().bind(visible);
        }
    }

    private void renderNextRuns(CronEditorViewModel when) {
        nextRuns.getChildren().setAll(when.nextRuns().stream().map(text -> {
            Label line = new Label(text);
            line.getStyleClass().add(Styles.NEXT_RUN);
            return line;
        }).toList());
    }

    private void bindBackup() {
        ScheduleOptionsViewModel how = model.how();
        optionsChoice.setItems(how.choices());
        optionsChoice.setConverter(Views.showing(how::describe));
        optionsChoice.valueProperty().bindBidirectional(how.choiceProperty());
        optionsNote.textProperty().bind(how.note());
        format.getItems().setAll(BackupFormat.values());
        format.setConverter(Views.showing(BackupFormat::cliName));
        format.valueProperty().bindBidirectional(how.formatProperty());
        compression.setItems(how.compressions());
        compression.setConverter(Views.showing(CompressionChoices::label));
        compression.valueProperty().bindBidirectional(how.compressionProperty());
        // what a preset or the connection says is shown, not typed: only options of its own are
        format.disableProperty().bind(how.own().not());
        compression.disableProperty().bind(how.own().not());
        Views.bindError(optionsError, model.optionsError());
        command.textProperty().bind(how.commandProperty());
        command.visibleProperty().bind(how.commandProperty().isNotEmpty());
        command.managedProperty().bind(command.visibleProperty());
        Views.bindError(commandProblem, how.commandProblemProperty());
        copyCommand.disableProperty().bind(how.commandProperty().isEmpty());
        copyCommand.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(how.commandProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        encryptionBox.getChildren().setAll(new EncryptionChoiceView(model.encryption(),
                Messages.get("encryption.help.run")).node());
        copiesBox.getChildren().setAll(new CopyChoiceView(model.copies(), Messages.get("copy.help.run")).node());
        catchUp.getItems().setAll(Schedule.CatchUp.values());
        catchUp.setConverter(Views.showing(c -> Messages.get(CATCH_UP.get(c))));
        catchUp.valueProperty().bindBidirectional(model.catchUpProperty());
        testRestore.selectedProperty().bindBidirectional(model.testRestoreProperty());
        enabled.selectedProperty().bindBidirectional(model.enabledProperty());
    }

    private void bindRetention() {
        RetentionFormViewModel rules = model.retention();
        keepLast.textProperty().bindBidirectional(rules.keepLastProperty());
        daily.textProperty().bindBidirectional(rules.dailyProperty());
        weekly.textProperty().bindBidirectional(rules.weeklyProperty());
        monthly.textProperty().bindBidirectional(rules.monthlyProperty());
        maxAge.textProperty().bindBidirectional(rules.maxAgeDaysProperty());
        Views.bindError(keepLastError, rules.keepLastError());
        Views.bindError(dailyError, rules.dailyError());
        Views.bindError(weeklyError, rules.weeklyError());
        Views.bindError(monthlyError, rules.monthlyError());
        Views.bindError(maxAgeError, rules.maxAgeError());
        retentionNote.textProperty().bind(rules.note());
        retentionNote.visibleProperty().bind(rules.note().isNotEmpty());
        retentionNote.managedProperty().bind(retentionNote.visibleProperty());
        previewSummary.textProperty().bind(model.previewSummaryProperty());
        text(createdColumn, PreviewRow::created);
        text(sizeColumn, PreviewRow::size);
        reasonColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().reason()));
        reasonColumn.setCellFactory(c -> wrapping(reasonColumn));
        verdictColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        verdictColumn.setSortable(false);
        verdictColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(PreviewRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll(Styles.VERDICT_DELETE, Styles.VERDICT_KEEP);
                setText(empty || row == null ? null : row.verdict());
                if (!empty && row != null) {
                    getStyleClass().add(row.delete() ? Styles.VERDICT_DELETE : Styles.VERDICT_KEEP);
                }
            }
        });
        preview.setItems(model.preview());
        preview.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        preview.getStyleClass().add(Styles.Theme.DENSE);
        preview.setPlaceholder(new Label(""));
        Views.bindError(editorError, screen.editorErrorProperty());
    }

    /** A cell whose text wraps onto more lines within the column, rather than being cut: the reasons are long. */
    private static TableCell<PreviewRow, String> wrapping(TableColumn<PreviewRow, String> column) {
        Text text = new Text();
        text.getStyleClass().add(Styles.WRAPPED_CELL);
        TableCell<PreviewRow, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        };
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(CELL_PADDING));
        cell.setPrefHeight(Control.USE_COMPUTED_SIZE);
        return cell;
    }

    private static void text(TableColumn<PreviewRow, String> column, Function<PreviewRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }
}

package io.backupdesk.ui.schedules;

import io.backupdesk.ui.Confirm;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** The schedules list with its actions; the editor opens as a dialog over it. */
public final class SchedulesView {
    @FXML private BorderPane root;
    @FXML private Button addButton;
    @FXML private Button editButton;
    @FXML private Button runNowButton;
    @FXML private Button toggleButton;
    @FXML private Button deleteButton;
    @FXML private Label message;
    @FXML private Button pauseAllButton;
    @FXML private Label pausedNotice;
    @FXML private TableView<ScheduleRowViewModel> table;
    @FXML private TableColumn<ScheduleRowViewModel, String> nameColumn;
    @FXML private TableColumn<ScheduleRowViewModel, String> profileColumn;
    @FXML private TableColumn<ScheduleRowViewModel, String> optionsColumn;
    @FXML private TableColumn<ScheduleRowViewModel, String> whenColumn;
    @FXML private TableColumn<ScheduleRowViewModel, String> zoneColumn;
    @FXML private TableColumn<ScheduleRowViewModel, ScheduleRowViewModel> nextColumn;
    @FXML private TableColumn<ScheduleRowViewModel, ScheduleRowViewModel> lastColumn;

    private final SchedulesViewModel model;
    private final Runnable goToConnections;
    private final ScheduleEditorView editor;

    /** @param goToConnections shows the connections screen, for a first schedule that has no connection yet */
    public SchedulesView(SchedulesViewModel model, Runnable goToConnections) {
        this.model = model;
        this.goToConnections = goToConnections;
        Views.load(this);
        this.editor = new ScheduleEditorView(model);
        columns();
        bind();
    }

    public Node node() {
        return root;
    }

    private void columns() {
        text(nameColumn, ScheduleRowViewModel::name);
        text(profileColumn, ScheduleRowViewModel::profile);
        text(optionsColumn, ScheduleRowViewModel::options);
        text(whenColumn, ScheduleRowViewModel::when);
        whenColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String words, boolean empty) {
                super.updateItem(words, empty);
                setText(empty ? null : words);
                ScheduleRowViewModel row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : new Tooltip(row.cron()));
            }
        });
        text(zoneColumn, ScheduleRowViewModel::zone);
        nextColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        nextColumn.setSortable(false);
        nextColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ScheduleRowViewModel row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove(Styles.NEXT_RUNNING);
                setText(empty || row == null ? null : row.nextRun());
                if (!empty && row != null && row.running()) {
                    getStyleClass().add(Styles.NEXT_RUNNING);
                }
            }
        });
        lastColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        lastColumn.setSortable(false);
        lastColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ScheduleRowViewModel row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeIf(s -> s.startsWith(Styles.STATUS_PREFIX));
                setText(empty || row == null ? null : row.lastResult());
                setTooltip(empty || row == null || row.lastError().isEmpty() ? null : new Tooltip(row.lastError()));
                if (!empty && row != null && row.lastStatus() != null) {
                    getStyleClass().add(Styles.status(row.lastStatus()));
                }
            }
        });
        table.setRowFactory(t -> {
            TableRow<ScheduleRowViewModel> row = new TableRow<>() {
                @Override
                protected void updateItem(ScheduleRowViewModel item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove(Styles.SWITCHED_OFF);
                    if (!empty && item != null && !item.enabled()) {
                        getStyleClass().add(Styles.SWITCHED_OFF);
                    }
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.edit();
                }
            });
            return row;
        });
    }

    private static void text(TableColumn<ScheduleRowViewModel, String> column,
                             Function<ScheduleRowViewModel, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    private void bind() {
        table.setItems(model.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.Theme.STRIPED);
        table.setPlaceholder(emptyState());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != model.selectedProperty().get()) {
                model.select(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && model.canAct().get()) {
                model.edit();
            } else if (e.getCode() == KeyCode.DELETE && model.canAct().get()) {
                confirmDelete();
            }
        });
        addButton.disableProperty().bind(model.hasProfilesProperty().not());
        addButton.setOnAction(e -> model.add());
        editButton.disableProperty().bind(model.canAct().not());
        editButton.setOnAction(e -> model.edit());
        runNowButton.disableProperty().bind(model.canAct().not());
        runNowButton.setOnAction(e -> model.runNow());
        toggleButton.disableProperty().bind(model.canAct().not());
        toggleButton.textProperty().bind(model.toggleText());
        toggleButton.setOnAction(e -> model.toggleEnabled());
        deleteButton.disableProperty().bind(model.canAct().not());
        deleteButton.setOnAction(e -> confirmDelete());
        pauseAllButton.textProperty().bind(model.pauseAllText());
        pauseAllButton.setOnAction(e -> model.togglePauseAll());
        pausedNotice.textProperty().bind(model.pausedNotice());
        pausedNotice.visibleProperty().bind(model.pausedNotice().isNotEmpty());
        pausedNotice.managedProperty().bind(pausedNotice.visibleProperty());
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        model.messageIsWarningProperty().addListener((o, was, now) -> toneMessage(now));
        toneMessage(model.messageIsWarningProperty().get()); // a warning may be there before the screen is

        model.editorOpenProperty().addListener((o, was, now) -> {
            if (now) {
                editor.show(root.getScene().getWindow());
            } else {
                editor.close();
            }
        });
    }

    /** What the empty list says: how to add the first schedule, or that a connection must come first. */
    private Node emptyState() {
        Label text = new Label();
        text.setWrapText(true);
        text.getStyleClass().add(Styles.MUTED);
        Button action = new Button();
        action.setId("empty-action");
        action.getStyleClass().add(Styles.Theme.ACCENT);
        Runnable update = () -> {
            boolean profiles = model.hasProfilesProperty().get();
            text.setText(Messages.get(profiles ? "schedules.empty" : "schedules.empty.noProfiles"));
            action.setText(Messages.get(profiles ? "schedules.add" : "schedules.empty.goToConnections"));
        };
        action.setOnAction(e -> {
            if (model.hasProfilesProperty().get()) {
                model.add();
            } else {
                goToConnections.run();
            }
        });
        model.hasProfilesProperty().addListener((o, was, now) -> update.run());
        update.run();
        VBox box = new VBox(text, action);
        box.getStyleClass().add(Styles.EMPTY_STATE);
        box.visibleProperty().bind(model.loadedProperty());
        return box;
    }

    private void confirmDelete() {
        Confirm.before(root, model.deleteQuestion(), model::delete);
    }

    private void toneMessage(boolean warning) {
        message.getStyleClass().remove(Styles.NOTICE_WARNING);
        if (warning) {
            message.getStyleClass().add(Styles.NOTICE_WARNING);
        }
    }
}

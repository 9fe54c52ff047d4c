package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets.SetEntry;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.ui.Confirm;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import io.backupdesk.ui.WindowSizes;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/** The backup list: a sortable, filterable table over the catalog with a details pane and the row actions. */
public final class BackupsView {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    /** The import's question, which connection the dump belongs to: a line and a list. */
    private static final WindowSizes.Request IMPORT_SIZE = new WindowSizes.Request(440, 0, 340, 150);

    @FXML private BorderPane root;
    @FXML private Label summary;
    @FXML private Button importButton;
    @FXML private Button backupButton;
    @FXML private Button refresh;
    @FXML private Button sync;
    @FXML private TextField filter;
    @FXML private ComboBox<String> profile;
    @FXML private ComboBox<String> database;
    @FXML private ComboBox<BackupStatus> status;
    @FXML private Button restoreButton;
    @FXML private Button verify;
    @FXML private Button retryCopies;
    @FXML private Button pin;
    @FXML private Button delete;
    @FXML private Button reveal;
    @FXML private Button copyPath;
    @FXML private Label error;
    @FXML private Label notice;
    @FXML private TableView<BackupRowViewModel> table;
    @FXML private TableColumn<BackupRowViewModel, Boolean> pinnedColumn;
    @FXML private TableColumn<BackupRowViewModel, BackupRowViewModel> databaseColumn;
    @FXML private TableColumn<BackupRowViewModel, String> serverColumn;
    @FXML private TableColumn<BackupRowViewModel, String> createdColumn;
    @FXML private TableColumn<BackupRowViewModel, BackupRowViewModel> sizeColumn;
    @FXML private TableColumn<BackupRowViewModel, String> formatColumn;
    @FXML private TableColumn<BackupRowViewModel, BackupRowViewModel> encryptedColumn;
    @FXML private TableColumn<BackupRowViewModel, BackupRowViewModel> durationColumn;
    @FXML private TableColumn<BackupRowViewModel, BackupRowViewModel> statusColumn;
    @FXML private TableColumn<BackupRowViewModel, BackupRowViewModel> copiesColumn;
    @FXML private TableColumn<BackupRowViewModel, String> labelColumn;
    @FXML private TableColumn<BackupRowViewModel, String> originColumn;
    @FXML private VBox details;
    @FXML private VBox job;

    private final BackupsViewModel model;
    /** Set while the table is made to show the model's selection, so that it is not reported back. */
    private boolean syncing;
    private final Consumer<Path> revealInFileManager;
    private final Runnable backUpNow;
    private final Consumer<BackupCatalog.Entry> restore;
    /** Opens the restore wizard on a set; null where sets are not restored from here. */
    private final Consumer<SetEntry> restoreSet;

    /**
     * @param revealInFileManager opens a folder in the system's file manager
     * @param backUpNow           opens the "back up now" dialog
     * @param restore             opens the restore wizard on a backup
     */
    public BackupsView(BackupsViewModel model, Consumer<Path> revealInFileManager, Runnable backUpNow,
                       Consumer<BackupCatalog.Entry> restore) {
        this(model, revealInFileManager, backUpNow, restore, null);
    }

    /** @param restoreSet opens the restore wizard on a whole-server set */
    public BackupsView(BackupsViewModel model, Consumer<Path> revealInFileManager, Runnable backUpNow,
                       Consumer<BackupCatalog.Entry> restore, Consumer<SetEntry> restoreSet) {
        this.model = model;
        this.revealInFileManager = revealInFileManager;
        this.backUpNow = backUpNow;
        this.restore = restore;
        this.restoreSet = restoreSet;
        Views.load(this);
        columns();
        bind();
        keys();
    }

    public Node node() {
        return root;
    }

    private void columns() {
        databaseColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        databaseColumn.setComparator(Comparator.comparing(BackupRowViewModel::listName));
        databaseColumn.setCellFactory(c -> new SetRowCell(model::toggleOpen, model::isOpen));
        text(serverColumn, BackupRowViewModel::server);
        text(createdColumn, BackupRowViewModel::created);
        text(formatColumn, BackupRowViewModel::format);
        encryptedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        encryptedColumn.setCellFactory(c -> new LockCell());
        text(labelColumn, BackupRowViewModel::label);
        text(originColumn, row -> model.origins().of(row));
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        statusColumn.setComparator(Comparator.comparing(BackupRowViewModel::status));
        statusColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BackupRowViewModel row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeIf(s -> s.startsWith(Styles.STATUS_PREFIX));
                setText(empty || row == null ? null : row.status());
                if (!empty && row != null) {
                    getStyleClass().add(row.statusStyle());
                }
                setTooltip(!empty && row != null && row.remote()
                        ? new Tooltip(Messages.get("backups.remote.only", row.destination())) : null);
            }
        });
        copiesColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        copiesColumn.setComparator(Comparator.comparing(BackupRowViewModel::copiesText));
        copiesColumn.setCellFactory(c -> new CopiesCell());
        pinnedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pinned()));
        pinnedColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Boolean pinned, boolean empty) {
                super.updateItem(pinned, empty);
                FontIcon icon = new FontIcon(Feather.BOOKMARK);
                icon.getStyleClass().add(Styles.PIN_ICON);
                setGraphic(!empty && Boolean.TRUE.equals(pinned) ? icon : null);
            }
        });
        measured(sizeColumn, BackupRowViewModel::size, BackupRowViewModel::sizeBytes);
        measured(durationColumn, BackupRowViewModel::duration, BackupRowViewModel::durationMillis);
    }

    /**
     * A lock on an encrypted backup, in a column of its own beside the pin: what a restore of it will need is seen in
     * the list, and no text column is narrowed for it.
     */
    private static final class LockCell extends TableCell<BackupRowViewModel, BackupRowViewModel> {
        private final FontIcon lock = new FontIcon(Feather.LOCK);
        private final Tooltip why = new Tooltip(Messages.get("backups.encrypted.marker"));

        LockCell() {
            lock.getStyleClass().add(Styles.ENCRYPTED_ICON);
        }

        @Override
        protected void updateItem(BackupRowViewModel row, boolean empty) {
            super.updateItem(row, empty);
            boolean encrypted = !empty && row != null && row.encrypted();
            setGraphic(encrypted ? lock : null);
            setTooltip(encrypted ? why : null);
        }
    }

    /** "2 ok", "1 pending", "1 failed", coloured by the worst; each destination in the tooltip. */
    private static final class CopiesCell extends TableCell<BackupRowViewModel, BackupRowViewModel> {
        @Override
        protected void updateItem(BackupRowViewModel row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll(Styles.TONE_GOOD, Styles.TONE_WARNING, Styles.TONE_BAD);
            boolean shown = !empty && row != null && !row.copies().isEmpty();
            setText(shown ? row.copiesText() : null);
            setTooltip(shown ? new Tooltip(row.copiesEach()) : null);
            if (shown) {
                row.copiesStatus().ifPresent(status -> getStyleClass().add(BackupDetailsPane.tone(status)));
            }
        }
    }

    private static void text(TableColumn<BackupRowViewModel, String> column, Function<BackupRowViewModel, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    /** A column that shows a formatted text but sorts by the number behind it. */
    private static void measured(TableColumn<BackupRowViewModel, BackupRowViewModel> column,
                                 Function<BackupRowViewModel, String> text, Function<BackupRowViewModel, Long> number) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setComparator((a, b) -> Long.compare(number.apply(a), number.apply(b)));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(BackupRowViewModel row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
            }
        });
    }

    private void bind() {
        SortedList<BackupRowViewModel> sorted = new SortedList<>(model.shown());
        // a set's databases stay under it whichever column sorts the list
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(() -> model.groupsProperty().get()
                .ordered(table.getComparator()), table.comparatorProperty(), model.groupsProperty()));
        table.setRowFactory(t -> SetRowCell.row(model::toggleOpen));
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(Styles.Theme.DENSE, Styles.Theme.STRIPED);
        table.setPlaceholder(new Label(Messages.get("backups.empty")));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<BackupRowViewModel>) c -> {
            if (!syncing) {
                model.select(List.copyOf(table.getSelectionModel().getSelectedItems()));
            }
        });
        // reading the catalog again replaces the rows, which clears the table's selection; the model keeps the
        // backups that are still there, and the table shows them selected again
        model.selection().addListener((ListChangeListener<BackupRowViewModel>) c -> {
            if (!model.selection().equals(table.getSelectionModel().getSelectedItems())) {
                syncing = true;
                try {
                    table.getSelectionModel().clearSelection();
                    model.selection().forEach(row -> table.getSelectionModel().select(row));
                } finally {
                    syncing = false;
                }
            }
        });
        summary.textProperty().bind(model.summary());
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        choices(profile, model.profiles(), model.profileFilterProperty(), Messages.get("backups.filter.allProfiles"));
        choices(database, model.databases(), model.databaseFilterProperty(), Messages.get("backups.filter.allDatabases"));
        status.getItems().add(null);
        status.getItems().addAll(Arrays.asList(BackupStatus.values()));
        status.setButtonCell(cell(s -> s == null ? Messages.get("backups.filter.allStatuses") : s.name().toLowerCase(Locale.ROOT)));
        status.setCellFactory(l -> cell(s -> s == null ? Messages.get("backups.filter.allStatuses") : s.name().toLowerCase(Locale.ROOT)));
        status.valueProperty().bindBidirectional(model.statusFilterProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        verify.disableProperty().bind(model.canAct().not());
        pin.disableProperty().bind(model.canAct().not());
        delete.disableProperty().bind(model.canDelete().not());
        reveal.disableProperty().bind(model.canActOnOne().not());
        copyPath.disableProperty().bind(model.canActOnOne().not());
        verify.setOnAction(e -> model.verifySelected());
        retryCopies.disableProperty().bind(model.canRetryCopies().not());
        retryCopies.setOnAction(e -> model.retryCopiesSelected());
        restoreButton.disableProperty().bind(model.canRestore().not().or(Bindings.createBooleanBinding(() ->
                restoreSet == null && model.selection().stream().anyMatch(BackupRowViewModel::isSet), model.selection())));
        restoreButton.setOnAction(e -> {
            BackupRowViewModel row = model.selection().get(0);
            if (row.isSet()) {
                restoreSet.accept(row.set());
            } else {
                restore.accept(row.entry());
            }
        });
        pin.setOnAction(e -> model.togglePinSelected());
        delete.setOnAction(e -> confirmDelete());
        reveal.setOnAction(e -> revealInFileManager.accept(Path.of(model.selection().get(0).path()).getParent()));
        copyPath.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.selection().get(0).path());
            Clipboard.getSystemClipboard().setContent(content);
        });
        refresh.setOnAction(e -> model.refresh());
        sync.disableProperty().bind(model.canSync().not());
        sync.setOnAction(e -> model.syncCatalogs());
        sync.setTooltip(new Tooltip(Messages.get("backups.sync.tooltip")));
        importButton.setOnAction(e -> importDump());
        backupButton.setOnAction(e -> backUpNow.run());
        model.detailsProperty().addListener(o -> renderDetails());
        model.setDetailsProperty().addListener(o -> renderDetails());
        renderDetails();
        model.jobLogProperty().addListener((o, was, now) -> BackupDetailsPane.renderJob(job, now,
                model.origins()::text));
    }

    /** A set's details when a set is in focus, else the backup's (or the hint to select one). */
    private void renderDetails() {
        if (model.setDetailsProperty().get() != null) {
            SetDetailsPane.render(details, model.setDetailsProperty().get());
        } else {
            BackupDetailsPane.render(details, model.detailsProperty().get());
        }
    }

    /** A filter list of the values seen, "all" first, keeping the choice when the values are read again. */
    private static void choices(ComboBox<String> box, ObservableList<String> values, StringProperty chosen, String all) {
        box.getItems().add(null);
        values.addListener((ListChangeListener<String>) c -> {
            String kept = chosen.get();
            List<String> items = new ArrayList<>();
            items.add(null);
            items.addAll(values);
            box.getItems().setAll(items);
            box.setValue(kept);
        });
        box.setButtonCell(cell(v -> v == null ? all : v));
        box.setCellFactory(l -> cell(v -> v == null ? all : v));
        box.valueProperty().bindBidirectional(chosen);
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : text.apply(item));
            }
        };
    }

    private void keys() {
        // right opens a set, left closes it, as in a tree; a filter, since the table takes both keys for itself
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if ((e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.LEFT) && model.selection().size() == 1
                    && model.selection().get(0).isSet()
                    && model.isOpen(model.selection().get(0)) == (e.getCode() == KeyCode.LEFT)) {
                model.toggleOpen(model.selection().get(0));
                table.refresh();
                e.consume();
            }
        });
        root.setOnKeyPressed(e -> {
            if (FIND.match(e)) {
                filter.requestFocus();

            } else if (e.getCode() == KeyCode.DELETE && table.isFocused() && model.canDelete().get()) {
                confirmDelete();
            }
        });
    }

    private void confirmDelete() {
        Confirm.before(root, model.deleteQuestion(), model::deleteSelected);
    }

    private void importDump() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("backups.import.title"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        List<String> names = model.profileNames();
        if (file == null || names.isEmpty()) {
            return;
        }
        ChoiceDialog<String> which = new ChoiceDialog<>(names.get(0), names);
        which.initOwner(root.getScene().getWindow());
        WindowSizes.size(which, IMPORT_SIZE);
        which.setTitle(Messages.get("backups.import.title"));
        which.setHeaderText(null);
        which.setContentText(Messages.get("backups.import.profile"));
        which.showAndWait().ifPresent(name -> model.importDump(file.toPath(), name));
    }
}

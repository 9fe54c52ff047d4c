package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.QualifiedName;
import io.backupdesk.core.TableCount;
import io.backupdesk.restore.CheckId;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckBoxTreeItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeView;
import javafx.scene.control.cell.CheckBoxTreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Builds the wizard's pages, one per step, bound to the ViewModel and its draft. */
final class WizardPages {
    private final RestoreWizardViewModel model;
    private final RestoreDraft draft;
    private final Runnable openLog;
    private final Label sourceText = wrapped("");
    private final Label confirmText = wrapped("");
    private final Label cancelText = wrapped("");

    WizardPages(RestoreWizardViewModel model, Runnable openLog) {
        this.model = model;
        this.draft = model.draft();
        this.openLog = openLog;
        draft.source.addListener((o, was, now) -> sourceText.setText(describe(now)));
        model.remoteAtProperty().addListener((o, was, now) -> sourceText.setText(describe(draft.source.get())));
    }

    Node build(WizardStep step) {
        return switch (step) {
            case SOURCE -> source();
            case TARGET -> target();
            case OPTIONS -> options();
            case PREFLIGHT -> preflight();
            case CONFIRM -> confirm();
            case RUN -> run();
            case REPORT -> new ReportPage(model, openLog).node();
        };
    }

    /** Texts that depend on what was chosen before the step was reached. */
    void entered(WizardStep step) {
        switch (step) {
            case SOURCE -> sourceText.setText(describe(draft.source.get()));
            case CONFIRM -> confirmText.setText(model.confirmation().summary());
            case RUN -> cancelText.setText(model.confirmation().cancelMeaning());
            default -> { }
        }
    }

    private String describe(BackupCatalog.Entry entry) {
        if (entry == null) {
            return "";
        }
        BackupRecord r = entry.record();
        String line = Messages.get("restore.source.line", r.profile() + "/" + r.database(), r.host(),
                Formats.time(r.createdAt()), r.format().cliName(), Formats.bytes(r.sizeBytes()));
        // a check without the key keeps an encrypted backup verified, but dates the check, not the full read
        String state = entry.status() == BackupStatus.VERIFIED && r.verification() != null
                ? Messages.get(r.encrypted() ? "restore.encrypted.verified" : "restore.source.verified",
                Formats.time(r.verification().at()))
                // checked without its key: the file is intact, the contents unread; the pre-flight reads them
                : entry.status() == BackupStatus.OK && r.encrypted() && r.verification() != null
                ? Messages.get("restore.encrypted.checksumOnly", Formats.time(r.verification().at()))
                : entry.status() == BackupStatus.OK ? Messages.get("restore.source.unverified")
                : entry.status() == BackupStatus.REMOTE
                ? Messages.get("restore.source.remote", model.remoteAtProperty().get())
                : Messages.get("restore.source.unusable", entry.status().name().toLowerCase(Locale.ROOT));
        return line + "\n\n" + state;
    }

    private Node source() {
        Button file = new Button(Messages.get("restore.source.file"));
        file.setId("choose-file");
        file.getStyleClass().add(Styles.Theme.FLAT);
        file.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            File chosen = chooser.showOpenDialog(file.getScene().getWindow());
            if (chosen != null) {
                model.openFile(chosen.toPath());
            }
        });
        return new VBox(10, sourceText, new UnlockPane(model.unlock()).node(), file);
    }

    private Node target() {
        ToggleGroup group = new ToggleGroup();
        RadioButton original = radio(group, "restore.target.original", "target-original");
        RadioButton fresh = radio(group, "restore.target.new", "target-new");
        RadioButton other = radio(group, "restore.target.other", "target-other");
        original.setSelected(true);
        Map<Toggle, RestoreDraft.TargetKind> kinds = Map.of(original, RestoreDraft.TargetKind.ORIGINAL,
                fresh, RestoreDraft.TargetKind.NEW_DATABASE, other, RestoreDraft.TargetKind.OTHER_PROFILE);
        // the selection, not the action: arrow keys select a radio button without firing it
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.choose(kinds.get(now));
            }
        });
        ComboBox<ConnectionProfile> profile = new ComboBox<>(model.profiles());
        profile.setConverter(Views.showing(p -> p.name() + "  (" + p.describe() + ")"));
        profile.valueProperty().bindBidirectional(draft.profile);
        profile.disableProperty().bind(other.selectedProperty().not());
        TextField database = new TextField();
        database.setId("target-database");
        database.textProperty().bindBidirectional(draft.database);
        return new VBox(10, original, fresh, other, new Label(Messages.get("restore.target.profile")), profile,
                new Label(Messages.get("restore.target.database")), database);
    }

    private Node options() {
        ToggleGroup group = new ToggleGroup();
        RadioButton safe = radio(group, "restore.mode.safeReplace", "mode-safe-replace");
        RadioButton inPlace = radio(group, "restore.mode.inPlace", "mode-in-place");
        RadioButton fresh = radio(group, "restore.mode.newDatabase", "mode-new-database");
        Map<RestoreMode, RadioButton> modes = Map.of(RestoreMode.SAFE_REPLACE, safe, RestoreMode.IN_PLACE, inPlace,
                RestoreMode.NEW_DATABASE, fresh);
        draft.mode.addListener((o, was, now) -> modes.get(now).setSelected(true));
        modes.get(draft.mode.get()).setSelected(true);
        // the selection, not the action: arrow keys select a radio button without firing it, and the mode that
        // runs must be the one shown
        group.selectedToggleProperty().addListener((o, was, now) -> modes.forEach((mode, button) -> {
            if (button == now) {
                draft.mode.set(mode);
            }
        }));
        Spinner<Integer> jobs = new Spinner<>(1, 16, Math.max(1, draft.jobs.get()));
        Runnable fit = () -> {
            safe.setDisable(!model.targetExists());
            inPlace.setDisable(!model.targetExists());
            fresh.setDisable(model.targetExists());
            // plain SQL and tar backups are restored by one worker
            jobs.setDisable(!model.jobsApply() || model.switches().rowsInKeyOrder().get());
        };
        model.stepProperty().addListener((o, was, now) -> fit.run());
        fit.run();
        jobs.valueProperty().addListener((o, was, now) -> draft.jobs.set(now));
        draft.jobs.addListener((o, was, now) -> jobs.getValueFactory().setValue(now.intValue()));
        CheckBox single = check("restore.options.single", draft.singleTransaction);
        single.disableProperty().bind(model.singleTransactionAllowed().not());
        Label why = wrapped(Messages.get("restore.options.single.why"));
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.getStyleClass().add(Styles.MUTED);
        why.visibleProperty().bind(single.disabledProperty());
        HBox jobsRow = new HBox(8, new Label(Messages.get("restore.options.jobs")), jobs);
        jobsRow.setAlignment(Pos.CENTER_LEFT);
        // rows into tables that keep their foreign keys go one job at a time
        model.switches().rowsInKeyOrder().addListener((o, was, now) -> fit.run());
        SwitchesPane switches = new SwitchesPane(model);
        VBox page = new VBox(8, section("restore.mode.title"), safe, inPlace, fresh, keeps(), jobsRow, single, why,
                check("restore.options.noOwner", draft.noOwner), check("restore.options.noPrivileges", draft.noPrivileges),
                check("restore.options.stop", draft.exitOnError), switches.rolesFirst(), switches.options(),
                section("restore.options.selection"), new SelectionTree(draft).node());
        // opened, the pg_restore options take the room of the tree of tables, and past its least height they scroll
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add(Styles.Theme.EDGE_TO_EDGE);
        scroll.setId("options-page");
        return scroll;
    }

    private Node preflight() {
        ListView<PreflightCheck> list = new ListView<>(model.checks());
        list.setId("checks");
        list.setCellFactory(l -> new PreflightCell());
        Button endSessions = new Button(Messages.get("restore.preflight.endSessions"));
        endSessions.setId("end-sessions");
        endSessions.setOnAction(e -> {
            draft.terminateSessions.set(true);
            model.runPreflight();
        });
        Button noOwner = new Button(Messages.get("restore.preflight.noOwner"));
        noOwner.setOnAction(e -> {
            draft.noOwner.set(true);
            model.runPreflight();
        });
        Runnable offer = () -> {
            endSessions.setVisible(has(CheckId.SESSIONS, PreflightCheck.Level.BLOCK));
            noOwner.setVisible(has(CheckId.ROLES, PreflightCheck.Level.WARN));
        };
        model.checks().addListener((ListChangeListener<PreflightCheck>) c -> offer.run());
        offer.run();
        // hidden offers leave no gap, and the findings take the height the page has
        endSessions.managedProperty().bind(endSessions.visibleProperty());
        noOwner.managedProperty().bind(noOwner.visibleProperty());
        VBox.setVgrow(list, Priority.ALWAYS);
        return new VBox(10, list, new HBox(8, endSessions, noOwner), new RolesFirstPreview(model).node(), keeps());
    }

    /** What the chosen mode keeps of the current database: said where the mode is chosen, and again before going on. */
    private Label keeps() {
        Label keeps = wrapped("");
        keeps.getStyleClass().add(Styles.MUTED);
        keeps.setId("mode-keeps");
        keeps.setMinHeight(Region.USE_PREF_SIZE);
        keeps.textProperty().bind(model.safetyCostProperty());
        keeps.visibleProperty().bind(keeps.textProperty().isNotEmpty());
        keeps.managedProperty().bind(keeps.visibleProperty());
        return keeps;
    }

    private boolean has(CheckId id, PreflightCheck.Level level) {
        return model.checks().stream().anyMatch(c -> c.id() == id && c.level() == level);
    }

    private Node confirm() {
        TextField typed = new TextField();
        typed.setId("typed-name");
        typed.textProperty().bindBidirectional(model.typedNameProperty());
        Label prompt = wrapped("");
        prompt.textProperty().bind(Bindings.createStringBinding(() ->
                Messages.get("restore.confirm.type", draft.database.get()), draft.database));
        return new VBox(12, confirmText, prompt, typed, new CommandBox(model.confirmation().commandProperty()).node());
    }

    private Node run() {
        ProgressBar bar = new ProgressBar(-1);
        bar.setMaxWidth(Double.MAX_VALUE);
        Label current = wrapped("");
        ListView<String> lines = new ListView<>();
        lines.getStyleClass().add(Styles.LOG_LINES);
        model.jobProperty().addListener((o, was, job) -> {
            if (job != null) {
                bar.progressProperty().bind(job.progressProperty());
                current.textProperty().bind(job.messageProperty());
            }
        });
        model.logProperty().addListener((o, was, log) -> {
            if (log != null) {
                lines.setItems(log.lines());
            }
        });
        return new VBox(10, bar, current, cancelText, new Label(Messages.get("restore.run.log")), lines);
    }

    private static RadioButton radio(ToggleGroup group, String key, String id) {
        RadioButton button = new RadioButton(Messages.get(key));
        button.setToggleGroup(group);
        button.setWrapText(true);
        // a full page gives up the tree's height, never the end of a mode's sentence
        button.setMinHeight(Region.USE_PREF_SIZE);
        button.setId(id);
        return button;
    }

    private static CheckBox check(String key, BooleanProperty value) {
        CheckBox box = new CheckBox(Messages.get(key));
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    private static Label section(String key) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add(Styles.SECTION_TITLE);
        return label;
    }

    static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    /** A pre-flight finding with its icon, its sentence and what would fix it. */
    private static final class PreflightCell extends ListCell<PreflightCheck> {
        @Override
        protected void updateItem(PreflightCheck check, boolean empty) {
            super.updateItem(check, empty);
            if (empty || check == null) {
                setGraphic(null);
                return;
            }
            FontIcon icon = new FontIcon(switch (check.level()) {
                case OK -> Feather.CHECK_CIRCLE;
                case WARN -> Feather.ALERT_TRIANGLE;
                case BLOCK -> Feather.X_CIRCLE;
            });
            icon.getStyleClass().add(Styles.check(check.level()));
            Label message = wrapped(check.message());
            message.setMaxWidth(760);
            VBox text = new VBox(2, message);
            if (!check.fix().isBlank()) {
                Label fix = wrapped(check.fix());
                fix.getStyleClass().add(Styles.MUTED);
                fix.setMaxWidth(760);
                text.getChildren().add(fix);
            }
            setGraphic(new HBox(8, icon, text));
        }
    }

    /** The backup's tables grouped by schema, to tick for a selective restore. */
    private static final class SelectionTree {
        private final TreeView<String> tree = new TreeView<>();

        SelectionTree(RestoreDraft draft) {
            CheckBoxTreeItem<String> root = new CheckBoxTreeItem<>("");
            Map<String, CheckBoxTreeItem<String>> schemas = new TreeMap<>();
            if (draft.source.get() != null) {
                for (TableCount t : draft.source.get().record().tables()) {
                    CheckBoxTreeItem<String> schema = schemas.computeIfAbsent(t.schema(), s -> {
                        CheckBoxTreeItem<String> item = new CheckBoxTreeItem<>(s);
                        item.selectedProperty().addListener((o, was, now) -> {
                            if (now) {
                                draft.schemas.add(s);
                            } else {
                                draft.schemas.remove(s);
                            }
                        });
                        return item;
                    });
                    CheckBoxTreeItem<String> table = new CheckBoxTreeItem<>(t.name());
                    table.selectedProperty().addListener((o, was, now) -> {
                        if (now && !schema.isSelected()) {
                            draft.tables.add(QualifiedName.format(t.schema(), t.name()));
                        } else {
                            draft.tables.remove(QualifiedName.format(t.schema(), t.name()));
                        }
                    });
                    schema.getChildren().add(table);
                }
            }
            root.getChildren().setAll(schemas.values());
            tree.setRoot(root);
            tree.setShowRoot(false);
            tree.setCellFactory(view -> {
                CheckBoxTreeCell<String> cell = new CheckBoxTreeCell<>();
                // each row's box took a Tab of its own: Tab leaves the tree, Space ticks (below)
                cell.graphicProperty().addListener((o, was, now) -> {
                    if (now != null) {
                        now.setFocusTraversable(false);
                    }
                });
                return cell;
            });
            tree.setId("selection-tree");
            tree.setPrefHeight(160);
            // below this the page scrolls rather than squeeze the tree to a row or two
            tree.setMinHeight(120);
            VBox.setVgrow(tree, Priority.ALWAYS);
            // CheckBoxTreeCell ticks by mouse only; Space ticks the chosen row, so a selection needs no mouse
            tree.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.SPACE
                        && tree.getSelectionModel().getSelectedItem() instanceof CheckBoxTreeItem<String> item) {
                    item.setSelected(!item.isSelected());
                    e.consume();
                }
            });
        }

        Node node() {
            return tree;
        }
    }
}

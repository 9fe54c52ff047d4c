package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.ui.KeyNames;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Question;
import io.backupdesk.ui.RunningJob;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The backup list: every backup of the catalog, filtered by words, profile, database and status, a selection with its
 * actions, and the details of the focused backup. Reading and changing the catalog run as jobs off the UI thread.
 */
public final class BackupsViewModel {
    private final CatalogOperations catalog;
    private final TaskRunner runner;
    private final ObservableList<BackupRowViewModel> rows = FXCollections.observableArrayList();
    private final FilteredList<BackupRowViewModel> shown = new FilteredList<>(rows);
    private final ObservableList<BackupRowViewModel> selection = FXCollections.observableArrayList();
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final BackupFilters filters = new BackupFilters(this::refilter);
    private final ObservableList<String> databases = FXCollections.observableArrayList();
    private final ObjectProperty<CatalogOperations.JobLog> jobLog = new SimpleObjectProperty<>();
    private final ObjectProperty<BackupDetails> details = new SimpleObjectProperty<>();
    private final ObjectProperty<SetDetails> setDetails = new SimpleObjectProperty<>();
    private final ObjectProperty<SetGroups> groups = new SimpleObjectProperty<>(new SetGroups(List.of()));
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    /** The stored keys' names, read with the catalog, for the public keys of encrypted backups. */
    private KeyNames keyNames = KeyNames.NONE;
    private OriginText origins = OriginText.NONE;
    private final StringBinding summary;
    private List<String> configuredProfiles = List.of();
    private final BooleanBinding canAct;
    private final BooleanBinding canDelete;
    private final BooleanBinding canActOnOne;
    private final BooleanBinding canRestore;
    private final BooleanBinding canRetryCopies;
    private final BooleanBinding canSync;
    private final BooleanProperty hasDestinations = new SimpleBooleanProperty();
    private List<String> destinationNames = List.of();

    public BackupsViewModel(CatalogOperations catalog, TaskRunner runner) {
        this.catalog = catalog;
        this.runner = runner;
        selection.addListener((ListChangeListener<BackupRowViewModel>) c -> focus());
        summary = Bindings.createStringBinding(() -> CatalogRead.summary(shown, rows), shown, rows);
        // a backup only at a destination has no file here to read, pin, delete or show: it can only be restored
        BooleanBinding allHere = Bindings.createBooleanBinding(() -> selection.stream()
                .noneMatch(BackupRowViewModel::remote), selection);
        canAct = Bindings.isNotEmpty(selection).and(busy.not()).and(allHere);
        canDelete = canAct.and(Bindings.createBooleanBinding(() -> !targets().anyPinned(), selection));
        canActOnOne = Bindings.size(selection).isEqualTo(1).and(allHere);
        canSync = hasDestinations.and(busy.not());
        canRestore = Bindings.size(selection).isEqualTo(1).and(Bindings.createBooleanBinding(() -> selection.size() == 1
                && selection.get(0).restorable(), selection));
        canRetryCopies = canAct.and(Bindings.createBooleanBinding(() -> selection.stream()
                .anyMatch(BackupRowViewModel::retryableCopies), selection));
        // a job that ended may have added, verified, copied or removed backups
        runner.jobs().addListener((ListChangeListener<RunningJob>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    refresh();
                }
            }
        });
    }

    /** Who made a backup or set, in words: "Schedule 'nightly'", "Back up now", "Removed schedule 'weekly'". */
    public OriginText origins() {
        return origins;
    }

    /** Reads the catalog again, keeping the selection where the same backups are still there. */
    public void refresh() {
        List<String> selected = selection.stream().map(BackupRowViewModel::id).toList();
        runner.runInBackground((progress, cancel) -> CatalogRead.of(catalog), read -> {
                    List<BackupRowViewModel> loaded = read.rows();
                    configuredProfiles = read.profileNames();
                    keyNames = read.keys();
                    origins = new OriginText(read.schedules());
                    destinationNames = read.destinations();
                    hasDestinations.set(!destinationNames.isEmpty());
                    groups.set(new SetGroups(loaded));
                    rows.setAll(loaded);
                    refilter();
                    profiles.setAll(new TreeSet<>(loaded.stream().map(BackupRowViewModel::profile).toList()));
                    databases.setAll(new TreeSet<>(loaded.stream().filter(r -> !r.isSet())
                            .map(BackupRowViewModel::database).toList()));
                    selection.setAll(loaded.stream().filter(r -> selected.contains(r.id())).toList());
                }, this::failed);
    }

    private void refilter() {
        shown.setPredicate(filters.predicate(groups.get()));
    }

    /** Opens a set's row into its databases, or closes it; nothing for a backup's row. */
    public void toggleOpen(BackupRowViewModel row) {
        filters.toggleOpen(row);
    }

    public boolean isOpen(BackupRowViewModel row) {
        return filters.isOpen(row);
    }

    private Targets targets() {
        return Targets.of(selection, groups.get());
    }

    /** Shows the first selected backup's details at once, and its job's log when read. */
    private void focus() {
        BackupRowViewModel row = selection.isEmpty() ? null : selection.get(0);
        setDetails.set(row != null && row.isSet() ? SetDetails.of(row, keyNames) : null);
        details.set(row == null || row.isSet() ? null : BackupDetails.of(row, keyNames, origins));
        jobLog.set(null);
        if (row != null && !row.isSet()) {
            runner.runInBackground((progress, cancel) -> catalog.madeBy(row.id(), row.entry()), log -> {
                if (!selection.isEmpty() && selection.get(0).id().equals(row.id())) {
                    jobLog.set(log);
                }
            }, failure -> jobLog.set(new CatalogOperations.JobLog(null,
                    List.of(Messages.get("backups.job.log.unreadable", String.valueOf(failure.getMessage()))))));
        }
    }

    /** The view reports what is selected in the table. */
    public void select(List<BackupRowViewModel> rowsSelected) {
        selection.setAll(rowsSelected);
    }

    /**
     * Reads the selected backups back in full and records the outcome; the list shows it when done. Encrypted ones
     * no key here opens get their checksum checked only, and the notice says so.
     */
    public void verifySelected() {
        List<BackupCatalog.Entry> entries = selection.stream().flatMap(r -> r.entries().stream()).distinct().toList();
        act(Messages.get("backups.job.verify", entries.size()), (progress, cancel) -> {
            List<BackupCatalog.Entry> done = new ArrayList<>();
            for (BackupCatalog.Entry e : entries) {
                done.add(catalog.verify(e, progress, cancel));
            }
            return done;
        }, done -> {
            long checksumOnly = done.stream().map(BackupRowViewModel::new).filter(BackupRowViewModel::checksumOnly).count();
            if (checksumOnly > 0) {
                notice.set(Messages.get("backups.encrypted.verifiedChecksumOnly", checksumOnly));
            }
        });
    }

    /**
     * Tries again now the copies of the selected backups that wait for a retry or failed; the notice says how many
     * are confirmed now, and why one is not. The list is read again when the job ends.
     */
    public void retryCopiesSelected() {
        // a set's copies are its databases' copies
        List<String> ids = selection.stream().filter(BackupRowViewModel::retryableCopies)
                .flatMap(r -> r.entries().stream()).map(e -> e.record().id()).distinct().toList();
        busy.set(true);
        error.set("");
        notice.set("");
        runner.run(Messages.get("backups.job.retryCopies", ids.size()), (progress, cancel) -> {
            List<CopyState> outcomes = new ArrayList<>();
            for (String id : ids) {
                outcomes.addAll(catalog.retryCopies(id, progress, cancel));
            }
            return outcomes;
        }, outcomes -> {
            busy.set(false);
            notice.set(CopiesText.retried(outcomes));
        }, failure -> {
            busy.set(false);
            failed(failure);
        });
    }

    /**
     * Reads every destination's catalog into this desk's mirror of it, so that backups only there are listed; the
     * notice says what each held. The list is read again when the job ends.
     */
    public void syncCatalogs() {
        List<String> names = destinationNames;
        busy.set(true);
        error.set("");
        notice.set("");
        runner.run(Messages.get("backups.job.sync", names.size()), (progress, cancel) -> {
            List<String> outcomes = new ArrayList<>();
            for (String name : names) {
                int found = catalog.sync(name, cancel).backups().size();
                long onlyThere = catalog.remoteOnly().stream().filter(r -> r.destination().equals(name)).count();
                outcomes.add(Messages.get("backups.sync.outcome", name, found, onlyThere));
            }
            return outcomes;
        }, outcomes -> {
            busy.set(false);
            notice.set(String.join("; ", outcomes));
        }, failure -> {
            busy.set(false);
            failed(failure);
        });
    }

    /**
     * Pins the selection, or unpins it when all of it is pinned already; a set's row, or one of its databases', pins
     * the whole set.
     */
    public void togglePinSelected() {
        Targets targets = targets();
        boolean pin = targets.anyUnpinned();
        act(Messages.get(pin ? "backups.job.pin" : "backups.job.unpin", targets.count()), (progress, cancel) -> {
            targets.sets().forEach(s -> catalog.setPinned(s, pin));
            return targets.backups().stream().map(e -> catalog.setPinned(e, pin)).toList();
        });
    }

    /** The question to ask before deleting the selection, naming what goes; a set goes whole. */
    public Question deleteQuestion() {
        return targets().deleteQuestion();
    }

    /** Deletes the selection, sets whole; call once the user has answered {@link #deleteQuestion()} with yes. */
    public void deleteSelected() {
        Targets targets = targets();
        act(Messages.get("backups.job.delete", targets.count()), (progress, cancel) -> {
            targets.sets().forEach(catalog::delete);
            targets.backups().forEach(catalog::delete);
            return List.of();
        });
    }

    /**
     * The connection "Back up now" should offer first: that of the backup in focus, so that backing up again what
     * one is looking at takes no choosing; null with nothing selected.
     */
    public String profileToBackUp() {
        return selection.isEmpty() ? null : selection.get(0).profile();
    }

    /** The profiles an imported dump can be filed under, as read with the catalog. */
    public List<String> profileNames() {
        return configuredProfiles;
    }

    /** Adds a dump made elsewhere to the catalog under the profile. */
    public void importDump(Path file, String profile) {
        act(Messages.get("backups.job.import", file.getFileName()), (progress, cancel) ->
                List.of(catalog.importDump(file, profile)));
    }

    /** Runs a change to the catalog as a job; the list is read again when any job ends. */
    private void act(String title, TaskRunner.Work<List<BackupCatalog.Entry>> work) {
        act(title, work, changed -> { });
    }

    private void act(String title, TaskRunner.Work<List<BackupCatalog.Entry>> work,
                     Consumer<List<BackupCatalog.Entry>> then) {
        busy.set(true);
        error.set("");
        notice.set("");
        runner.run(title, work, changed -> {
            busy.set(false);
            then.accept(changed);
        }, failure -> {
            busy.set(false);
            failed(failure);
        });
    }

    /** The failure as a sentence and, for our own errors, what to do about it. */
    private void failed(Throwable failure) {
        String message = Objects.requireNonNullElse(failure.getMessage(), failure.toString());
        String hint = failure instanceof BackupDeskException e ? e.hint() : "";
        error.set(hint.isBlank() ? message : message + " " + hint);
    }

    public ObservableList<BackupRowViewModel> shown() {
        return shown;
    }

    public ObservableList<BackupRowViewModel> selection() {
        return selection;
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    public StringProperty filterTextProperty() {
        return filters.text();
    }

    public ObservableList<String> databases() {
        return databases;
    }

    public StringProperty databaseFilterProperty() {
        return filters.database();
    }

    /** The focused backup's run and its log lines; null until read, or with nothing selected. */
    public ReadOnlyObjectProperty<CatalogOperations.JobLog> jobLogProperty() {
        return jobLog;
    }

    public StringProperty profileFilterProperty() {
        return filters.profile();
    }

    public ObjectProperty<BackupStatus> statusFilterProperty() {
        return filters.status();
    }

    /** The focused backup's details; null with nothing selected or a set in focus. */
    public ReadOnlyObjectProperty<BackupDetails> detailsProperty() {
        return details;
    }

    /** The focused set's details; null unless a set's row is in focus. */
    public ReadOnlyObjectProperty<SetDetails> setDetailsProperty() {
        return setDetails;
    }

    /** How rows are grouped under their sets, read with the catalog; the list sorts through it. */
    public ReadOnlyObjectProperty<SetGroups> groupsProperty() {
        return groups;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** What a finished action found that the list alone does not say; empty when nothing. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public StringBinding summary() {
        return summary;
    }

    /** Verify and pin: something selected, all of it on this desk, nothing running from here. */
    public BooleanBinding canAct() {
        return canAct;
    }

    /** Delete: as {@link #canAct()}, and nothing pinned among the selection. */
    public BooleanBinding canDelete() {
        return canDelete;
    }

    /** Restore: exactly one selected, and not damaged or gone. */
    public BooleanBinding canRestore() {
        return canRestore;
    }

    /** Retry copies: a selected backup has a copy that waits for a retry or failed, and nothing runs from here. */
    public BooleanBinding canRetryCopies() {
        return canRetryCopies;
    }

    /** Sync catalogs: a destination is set up, and nothing runs from here. */
    public BooleanBinding canSync() {
        return canSync;
    }

    /** Reveal in the file manager and copy the path: exactly one selected, and on this desk. */
    public BooleanBinding canActOnOne() {
        return canActOnOne;
    }
}

package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.ui.Formats;
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
import java.util.Locale;
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
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty profileFilter = new SimpleStringProperty();
    private final StringProperty databaseFilter = new SimpleStringProperty();
    private final ObservableList<String> databases = FXCollections.observableArrayList();
    private final ObjectProperty<CatalogOperations.JobLog> jobLog = new SimpleObjectProperty<>();
    private final ObjectProperty<BackupStatus> statusFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<BackupDetails> details = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    /** The stored keys' names, read with the catalog, for the public keys of encrypted backups. */
    private KeyNames keyNames = KeyNames.NONE;
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
        filterText.addListener(o -> refilter());
        profileFilter.addListener(o -> refilter());
        databaseFilter.addListener(o -> refilter());
        statusFilter.addListener(o -> refilter());
        selection.addListener((ListChangeListener<BackupRowViewModel>) c -> focus());
        summary = Bindings.createStringBinding(() -> CatalogRead.summary(shown, rows), shown, rows);
        // a backup only at a destination has no file here to read, pin, delete or show: it can only be restored
        BooleanBinding allHere = Bindings.createBooleanBinding(() -> selection.stream()
                .noneMatch(BackupRowViewModel::remote), selection);
        canAct = Bindings.isNotEmpty(selection).and(busy.not()).and(allHere);
        canDelete = canAct.and(Bindings.createBooleanBinding(() -> selection.stream().noneMatch(BackupRowViewModel::pinned),
                selection));
        canActOnOne = Bindings.size(selection).isEqualTo(1).and(allHere);
        canSync = hasDestinations.and(busy.not());
        canRestore = Bindings.size(selection).isEqualTo(1).and(Bindings.createBooleanBinding(() -> selection.size() == 1
                && selection.get(0).statusValue() != BackupStatus.CORRUPT
                && selection.get(0).statusValue() != BackupStatus.MISSING, selection));
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

    /** Reads the catalog again, keeping the selection where the same backups are still there. */
    public void refresh() {
        List<String> selected = selection.stream().map(BackupRowViewModel::id).toList();
        runner.runInBackground((progress, cancel) -> CatalogRead.of(catalog), read -> {
                    List<BackupRowViewModel> loaded = read.rows();
                    configuredProfiles = read.profileNames();
                    keyNames = read.keys();
                    destinationNames = read.destinations();
                    hasDestinations.set(!destinationNames.isEmpty());
                    rows.setAll(loaded);
                    profiles.setAll(new TreeSet<>(loaded.stream().map(BackupRowViewModel::profile).toList()));
                    databases.setAll(new TreeSet<>(loaded.stream().map(BackupRowViewModel::database).toList()));
                    selection.setAll(loaded.stream().filter(r -> selected.contains(r.id())).toList());
                }, this::failed);
    }

    private void refilter() {
        String[] words = filterText.get() == null || filterText.get().isBlank() ? new String[0]
                : filterText.get().toLowerCase(Locale.ROOT).trim().split("\\s+");
        String profile = profileFilter.get();
        String database = databaseFilter.get();
        BackupStatus status = statusFilter.get();
        shown.setPredicate(row -> row.matches(words) && (profile == null || profile.equals(row.profile()))
                && (database == null || database.equals(row.database()))
                && (status == null || status == row.statusValue()));
    }

    /** Shows the first selected backup's details at once, and its job's log when read. */
    private void focus() {
        BackupRowViewModel row = selection.isEmpty() ? null : selection.get(0);
        details.set(row == null ? null : BackupDetails.of(row, keyNames));
        jobLog.set(null);
        if (row != null) {
            runner.runInBackground((progress, cancel) -> catalog.jobLog(row.id()), log -> {
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
        List<BackupCatalog.Entry> entries = selection.stream().map(BackupRowViewModel::entry).toList();
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
        List<String> ids = selection.stream().filter(BackupRowViewModel::retryableCopies).map(BackupRowViewModel::id)
                .toList();
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

    /** Pins the selection, or unpins it when every selected backup is pinned already. */
    public void togglePinSelected() {
        boolean pin = selection.stream().anyMatch(r -> !r.pinned());
        List<BackupCatalog.Entry> entries = selection.stream().map(BackupRowViewModel::entry).toList();
        act(Messages.get(pin ? "backups.job.pin" : "backups.job.unpin", entries.size()), (progress, cancel) ->
                entries.stream().map(e -> catalog.setPinned(e, pin)).toList());
    }

    /** The question to ask before deleting the selection, naming what goes. */
    public Question deleteQuestion() {
        StringBuilder text = new StringBuilder(Messages.get("backups.delete.question", selection.size(),
                Formats.bytes(selection.stream().mapToLong(BackupRowViewModel::sizeBytes).sum())));
        selection.stream().limit(8).forEach(r -> text.append("\n  ").append(r.path()).append("  (").append(r.size()).append(')'));
        if (selection.size() > 8) {
            text.append("\n  ").append(Messages.get("backups.delete.more", selection.size() - 8));
        }
        return new Question(Messages.get("backups.delete.title"), text.toString(), Messages.get("backups.delete"));
    }

    /** Deletes the selection; call once the user has answered {@link #deleteQuestion()} with yes. */
    public void deleteSelected() {
        List<BackupCatalog.Entry> entries = selection.stream().map(BackupRowViewModel::entry).toList();
        act(Messages.get("backups.job.delete", entries.size()), (progress, cancel) -> {
            entries.forEach(catalog::delete);
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
        return filterText;
    }

    public ObservableList<String> databases() {
        return databases;
    }

    public StringProperty databaseFilterProperty() {
        return databaseFilter;
    }

    /** The focused backup's run and its log lines; null until read, or with nothing selected. */
    public ReadOnlyObjectProperty<CatalogOperations.JobLog> jobLogProperty() {
        return jobLog;
    }

    public StringProperty profileFilterProperty() {
        return profileFilter;
    }

    public ObjectProperty<BackupStatus> statusFilterProperty() {
        return statusFilter;
    }

    public ReadOnlyObjectProperty<BackupDetails> detailsProperty() {
        return details;
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

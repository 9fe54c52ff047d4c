package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.jobs.SetRestorePreview;
import io.backupdesk.jobs.SetRestoreReport;
import io.backupdesk.jobs.SetRestoreRequest;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.RunningJob;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The restore wizard for a whole-server set: choose the target, the databases (all by default), the mode and what
 * becomes of the roles; see the roles' preview and each database's checks before anything changes; restore; read the
 * report per step and per database. The steps' state is derived from these properties; the work runs off the UI
 * thread through the task runner.
 */
public final class SetRestoreWizardViewModel {
    /** The wizard's pages, in order. */
    public enum Step { CHOOSE, PREVIEW, RUN, REPORT }

    /** One database of the set, ticked to be restored. */
    public static final class DatabaseChoice {
        private final String database;
        private final BooleanProperty chosen = new SimpleBooleanProperty(true);

        DatabaseChoice(String database) {
            this.database = database;
        }

        public String database() {
            return database;
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }
    }

    private final SetRestoreOperations operations;
    private final TaskRunner runner;
    private final BackupSets.SetEntry set;
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CHOOSE);
    private final ObservableList<ConnectionProfile> targets = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> target = new SimpleObjectProperty<>();
    private final ObservableList<DatabaseChoice> databases = FXCollections.observableArrayList(
            c -> new Observable[] {c.chosenProperty()});
    private final ObjectProperty<RestoreMode> mode = new SimpleObjectProperty<>(RestoreMode.NEW_DATABASE);
    private final ObjectProperty<RolesMode> roles = new SimpleObjectProperty<>(RolesMode.CREATE_MISSING);
    private final BooleanProperty terminateSessions = new SimpleBooleanProperty();
    private final ObjectProperty<SetRestorePreview> preview = new SimpleObjectProperty<>();
    private final ObjectProperty<SetRestoreReport> report = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty progress = new SimpleStringProperty("");
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;
    private final BooleanBinding canRestore;
    private final UnlockViewModel unlock;
    private RunningJob running;

    public SetRestoreWizardViewModel(BackupSets.SetEntry set, SetRestoreOperations operations, TaskRunner runner) {
        this.set = set;
        this.operations = operations;
        this.runner = runner;
        // the members and the roles file share the set's keys: what opens one member opens them all
        this.unlock = new UnlockViewModel(operations, runner);
        set.set().members().stream().filter(m -> m.written() && set.member(m.database()).isPresent())
                .forEach(m -> databases.add(new DatabaseChoice(m.database())));
        canNext = step.isEqualTo(Step.CHOOSE).and(target.isNotNull()).and(busy.not()).and(unlock.opened())
                .and(Bindings.createBooleanBinding(() -> databases.stream().anyMatch(d -> d.chosen.get()), databases));
        canBack = step.isEqualTo(Step.PREVIEW).and(busy.not());
        canRestore = step.isEqualTo(Step.PREVIEW).and(busy.not()).and(Bindings.createBooleanBinding(() ->
                preview.get() != null && !preview.get().blocked(Set.of(), roles.get() == RolesMode.CREATE_MISSING),
                preview, roles));
        // a preview is of the choices it was made for
        target.addListener(o -> preview.set(null));
        mode.addListener(o -> preview.set(null));
        roles.addListener(o -> preview.set(null));
    }

    /**
     * Reads the connections; the set's own connection is the target until another is chosen. An encrypted set is
     * looked at on its first member: opened by a stored key, or what it needs (a passphrase, a key file).
     */
    public void load() {
        unlock.check(set.set().members().stream().filter(m -> m.written()).map(m -> set.member(m.database()))
                .flatMap(java.util.Optional::stream).findFirst().orElse(null));
        runner.runInBackground((p, cancel) -> operations.profiles(), profiles -> {
            // server connections first: a set is restored onto a server
            targets.setAll(profiles.stream().sorted(Comparator.comparing((ConnectionProfile c) -> !c.wholeServer())
                    .thenComparing(ConnectionProfile::name)).toList());
            target.set(targets.stream().filter(c -> c.name().equals(set.set().profile())).findFirst()
                    .orElse(targets.stream().filter(ConnectionProfile::wholeServer).findFirst().orElse(null)));
        }, this::failed);
    }

    /** The request as chosen; null while it cannot be made, with the reason in {@link #problemProperty()}. */
    SetRestoreRequest request() {
        List<String> chosen = databases.stream().filter(d -> d.chosen.get()).map(DatabaseChoice::database).toList();
        SetRestoreRequest.Source source = SetRestoreRequest.Source.of(set);
        return new SetRestoreRequest(source, target.get(), SetRestoreRequest.choose(source, chosen,
                java.util.Optional.empty()), mode.get(), roles.get(), false, false,
                mode.get() == RestoreMode.SAFE_REPLACE && terminateSessions.get(), Set.of());
    }

    /** From the choices to the preview: reads the roles' preview and each database's checks; changes nothing. */
    public void next() {
        SetRestoreRequest request;
        try {
            request = request();
        } catch (BackupDeskException e) {
            failed(e);
            return;
        }
        problem.set("");
        preview.set(null);
        busy.set(true);
        step.set(Step.PREVIEW);
        runner.run(Messages.get("restore.set.job.preview", set.set().profile()), (p, cancel) ->
                operations.preview(request, unlock.secrets(), cancel), read -> {
                    busy.set(false);
                    preview.set(read);
                }, failure -> {
                    busy.set(false);
                    failed(failure);
                });
    }

    public void back() {
        problem.set("");
        step.set(Step.CHOOSE);
    }

    /** Restores as previewed: the roles, then each database; the report follows. */
    public void restore() {
        SetRestoreRequest request = request();
        problem.set("");
        busy.set(true);
        step.set(Step.RUN);
        running = runner.run(Messages.get("restore.set.job.restore", set.set().profile(), request.target().name()),
                (p, cancel) -> operations.restore(request, unlock.secrets(), p, line -> { }, cancel), done -> {
                    unlock.close();
                    progress.unbind();
                    busy.set(false);
                    report.set(done);
                    step.set(Step.REPORT);
                }, failure -> {
                    progress.unbind();
                    busy.set(false);
                    failed(failure);
                    step.set(Step.PREVIEW);
                });
        // the step the restore is at, as the job says it ("Database 2 of 3: app_us")
        if (!progress.isBound() && step.get() == Step.RUN) {
            progress.bind(running.messageProperty());
        }
    }

    /** Stops the restore at the next database; those done stay done, the report says which. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** Unlocking an encrypted set: its keys named, a passphrase asked, a key file offered. */
    public UnlockViewModel unlock() {
        return unlock;
    }

    /** The wizard closed: a passphrase typed is not kept past it. */
    public void closed() {
        unlock.close();
    }

    private void failed(Throwable failure) {
        String hint = failure instanceof BackupDeskException e ? e.hint() : "";
        problem.set(String.valueOf(failure.getMessage()) + (hint == null || hint.isBlank() ? "" : " " + hint));
    }

    /** "cluster-a, the whole server, 2026-12-06 14:12: 2 of 3 databases and the roles". */
    public String setSummary() {
        long written = databases.size();
        return Messages.get("restore.set.source", set.set().profile(), Formats.time(set.set().createdAt()), written,
                set.set().members().size(), set.set().globalsFile() == null
                        ? Messages.get("restore.set.source.noRoles") : Messages.get("restore.set.source.roles"));
    }

    /** The roles' preview and each database's checks, as sections; empty until the preview is read. */
    List<SetRestoreTexts.Section> previewSections() {
        SetRestorePreview p = preview.get();
        if (p == null) {
            return List.of();
        }
        List<SetRestoreTexts.Section> sections = new java.util.ArrayList<>(SetRestoreTexts.roles(p.roles(),
                roles.get() == RolesMode.CREATE_MISSING));
        sections.addAll(SetRestoreTexts.databases(p));
        return sections;
    }

    List<SetRestoreTexts.Section> reportSections() {
        return report.get() == null ? List.of() : SetRestoreTexts.report(report.get());
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step;
    }

    public ObservableList<ConnectionProfile> targets() {
        return targets;
    }

    public ObjectProperty<ConnectionProfile> targetProperty() {
        return target;
    }

    public ObservableList<DatabaseChoice> databases() {
        return databases;
    }

    public ObjectProperty<RestoreMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<RolesMode> rolesProperty() {
        return roles;
    }

    /** Consent to end other sessions on a database a safe replace swaps out. */
    public BooleanProperty terminateSessionsProperty() {
        return terminateSessions;
    }

    public ReadOnlyObjectProperty<SetRestorePreview> previewProperty() {
        return preview;
    }

    public ReadOnlyObjectProperty<SetRestoreReport> reportProperty() {
        return report;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /** What the restore is doing now, while it runs. */
    public ReadOnlyStringProperty progressProperty() {
        return progress;
    }

    public BooleanBinding canNext() {
        return canNext;
    }

    public BooleanBinding canBack() {
        return canBack;
    }

    /** The preview is read and nothing in it stops the restore. */
    public BooleanBinding canRestore() {
        return canRestore;
    }
}

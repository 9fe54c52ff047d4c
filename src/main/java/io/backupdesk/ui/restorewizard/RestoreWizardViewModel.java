package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.ui.LiveLog;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.RunningJob;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.Observable;
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
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The one-click restore: one ViewModel over the steps of {@link WizardStep}, a shared {@link RestoreDraft}, and
 * derived Next, Back and Restore states. Restore freezes the draft into a plan that the engine validates again. The
 * common case really is one click: a verified backup onto its own database goes through the defaults, the typed
 * name, and Restore.
 */
public final class RestoreWizardViewModel {
    private static final int LOG_LINES = 500;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final RestoreOperations restores;
    private final TaskRunner runner;
    private final RestoreDraft draft = new RestoreDraft();
    private final ObjectProperty<WizardStep> step = new SimpleObjectProperty<>(WizardStep.SOURCE);
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObservableList<PreflightCheck> checks = FXCollections.observableArrayList();
    private final BooleanProperty working = new SimpleBooleanProperty();
    private final BooleanProperty targetExists = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty("");
    /** The destination a backup only there is downloaded from; empty for a backup on this desk. */
    private final StringProperty remoteAt = new SimpleStringProperty("");

    private final StringProperty typedName = new SimpleStringProperty("");
    /** How long the last backup of the target took, an estimate of its safety backup; empty when unknown. */
    private final ObjectProperty<Optional<Duration>> safetyDuration =
            new SimpleObjectProperty<>(Optional.empty());
    private final StringBinding safetyCost;
    private final ObjectProperty<RunningJob> job = new SimpleObjectProperty<>();
    private final ObjectProperty<LiveLog> log = new SimpleObjectProperty<>();
    private final ObjectProperty<RestoreReport> report = new SimpleObjectProperty<>();
    private final BooleanBinding blocked;
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;
    private final BooleanBinding canRestore;
    private final BooleanBinding singleTransactionAllowed;
    private final RestoreReportViewModel reportActions;
    private final UnlockViewModel unlock;
    private final SwitchesViewModel switches = new SwitchesViewModel(draft);
    private final ConfirmationViewModel confirmation;

    public RestoreWizardViewModel(RestoreOperations restores, TaskRunner runner) {
        this.restores = restores;
        this.runner = runner;
        this.unlock = new UnlockViewModel(restores, runner);
        this.confirmation = new ConfirmationViewModel(restores, runner, draft, remoteAt);
        ObjectProperty<RolesPreview> rolesPreview = confirmation.rolesPreview;
        blocked = Bindings.createBooleanBinding(() -> checks.stream().anyMatch(c -> c.level() == PreflightCheck.Level.BLOCK
                && !draft.overrides.contains(c.id())) || rolesPreview.get() != null && rolesPreview.get().blocked(),
                checks, draft.overrides, rolesPreview);
        singleTransactionAllowed = draft.jobs.lessThanOrEqualTo(1);
        canNext = Bindings.createBooleanBinding(this::stepComplete, step, draft.source, draft.profile, draft.database,
                checks, draft.overrides, working, draft.jobs, draft.singleTransaction, blocked, unlock.opened())
                .and(working.not());
        canBack = Bindings.createBooleanBinding(() -> step.get().ordinal() > 0 && step.get().ordinal() < WizardStep.RUN.ordinal(),
                step).and(working.not());
        canRestore = step.isEqualTo(WizardStep.CONFIRM).and(Bindings.createBooleanBinding(() ->
                typedName.get().equals(draft.database.get().trim()) && !typedName.get().isEmpty(), typedName, draft.database))
                .and(unlock.opened());
        safetyCost = Bindings.createStringBinding(() -> ConfirmTexts.keeps(draft, targetExists.get(),
                safetyDuration.get()), draft.mode, safetyDuration, targetExists);
        reportActions = new RestoreReportViewModel(restores, runner, report, draft.profile, problem);
        draft.jobs.addListener((o, was, now) -> {
            if (now.intValue() > 1) {
                draft.singleTransaction.set(false);
            }
        });
        // a refusal of the options is about the choices made then: once they change it no longer applies
        Observable[] choices = {draft.mode, draft.schemas, draft.tables, draft.jobs, draft.singleTransaction,
                draft.preData, draft.data, draft.postData, draft.create, draft.excludeSchemas, draft.disableTriggers,
                draft.noDataForFailedTables, draft.role, draft.rolesFirst};
        for (Observable choice : choices) {
            choice.addListener(o -> {
                if (step.get() == WizardStep.OPTIONS) {
                    problem.set("");
                }
            });
        }
    }

    /** Opens the wizard on a backup of the catalog, its own profile and database as the target. */
    public void open(BackupCatalog.Entry source) {
        draft.source.set(source);
        remoteAt.set("");
        unlock.check(source);
        if (source.status() == BackupStatus.REMOTE) {
            runner.runInBackground((progress, cancel) -> restores.destinationOf(source), at ->
                    remoteAt.set(at.orElse("?")), failure -> problem.set(failure.getMessage()));
        }
        runner.runInBackground((progress, cancel) -> restores.profiles(), loaded -> {
            profiles.setAll(loaded);
            choose(RestoreDraft.TargetKind.ORIGINAL);
        }, failure -> problem.set(failure.getMessage()));
    }

    /**
     * Opens the wizard on a dump file from elsewhere (chosen, or dropped on the window): it is imported into the
     * catalog under the first profile on the way, then restored like any backup.
     */
    public void openFile(Path file) {
        working.set(true);
        runner.runInBackground((progress, cancel) -> {
            List<ConnectionProfile> all = restores.profiles();
            if (all.isEmpty()) {
                throw new BackupDeskException(ErrorKind.CONFIGURATION, Messages.get("restore.file.noProfile"), "",
                        List.of(), null);
            }
            return restores.importFile(file, all.get(0).name());
        }, entry -> {
            working.set(false);
            open(entry);
        }, failure -> {
            working.set(false);
            problem.set(failure.getMessage());
        });
    }

    /** Sets where the backup goes, proposing the profile and the database name that fit. */
    public void choose(RestoreDraft.TargetKind kind) {
        BackupCatalog.Entry source = draft.source.get();
        draft.targetKind.set(kind);
        String db = source == null ? "" : source.record().database();
        ConnectionProfile own = source == null ? null
                : profiles.stream().filter(p -> p.name().equals(source.record().profile())).findFirst().orElse(null);
        if (kind != RestoreDraft.TargetKind.OTHER_PROFILE || draft.profile.get() == null) {
            draft.profile.set(own != null ? own : profiles.isEmpty() ? null : profiles.get(0));
        }
        draft.database.set(kind == RestoreDraft.TargetKind.NEW_DATABASE
                ? db + "_restored_" + LocalDate.now().format(STAMP) : db);
    }

    private boolean stepComplete() {
        return switch (step.get()) {
            case SOURCE -> draft.source.get() != null && usable(draft.source.get()) && unlock.opened().get();
            case TARGET -> draft.profile.get() != null && !draft.database.get().isBlank();
            case OPTIONS -> !(draft.singleTransaction.get() && draft.jobs.get() > 1);
            case PREFLIGHT -> !checks.isEmpty() && !blocked.get();
            case CONFIRM, RUN, REPORT -> false;
        };
    }

    private static boolean usable(BackupCatalog.Entry entry) {
        return entry.status() != BackupStatus.CORRUPT && entry.status() != BackupStatus.MISSING;
    }

    /** Goes one step on; leaving the target checks the name, and arriving at pre-flight runs its checks. */
    public void next() {
        problem.set("");
        switch (step.get()) {
            case SOURCE -> {
                // a damaged backup, or an encrypted one nothing here opens, goes no further even if asked
                if (stepComplete()) {
                    step.set(WizardStep.TARGET);
                }
            }
            case TARGET -> checkTarget();
            case OPTIONS -> {
                try {
                    draft.plan();
                } catch (BackupDeskException e) {
                    problem.set(e.getMessage() + " " + e.hint());
                    return;
                }
                step.set(WizardStep.PREFLIGHT);
                runPreflight();
            }
            case PREFLIGHT -> {
                step.set(WizardStep.CONFIRM);
                confirmation.showCommand();
            }
            default -> { }
        }
    }

    public void back() {
        problem.set("");
        if (step.get().ordinal() > 0 && step.get().ordinal() < WizardStep.RUN.ordinal()) {
            step.set(WizardStep.values()[step.get().ordinal() - 1]);
        }
    }

    private void checkTarget() {
        ConnectionProfile profile = draft.profile.get();
        String db = draft.database.get().trim();
        working.set(true);
        runner.runInBackground((progress, cancel) -> restores.databaseExists(profile, db), exists -> {
            working.set(false);
            targetExists.set(exists);
            if (draft.targetKind.get() == RestoreDraft.TargetKind.NEW_DATABASE && exists) {
                problem.set(Messages.get("restore.target.taken", db));
                return;
            }
            draft.mode.set(exists ? RestoreMode.SAFE_REPLACE : RestoreMode.NEW_DATABASE);
            draft.jobs.set(RestorePlan.defaultJobs(draft.source.get().record()));
            safetyDuration.set(Optional.empty());
            step.set(WizardStep.OPTIONS);
            if (exists) {
                runner.runInBackground((p, c) -> restores.backupDuration(profile, db), safetyDuration::set,
                        failure -> safetyDuration.set(Optional.empty()));
            }
        }, failure -> {
            working.set(false);
            problem.set(failure.getMessage());
        });
    }

    /** Runs the pre-flight again, e.g. after choosing to end the sessions or to restore without owners. */
    public void runPreflight() {
        RestorePlan plan = draft.plan();
        checks.clear();
        confirmation.rolesPreview.set(null);
        working.set(true);
        runner.runInBackground((progress, cancel) -> restores.check(plan, unlock.secrets()), found -> {
            working.set(false);
            confirmation.rolesPreview.set(found.roles().orElse(null));
            checks.setAll(found.checks());
        }, failure -> {
            working.set(false);
            problem.set(failure.getMessage());
        });
    }

    /** What the confirmation step shows: what will happen, what Cancel does, the command. */
    public ConfirmationViewModel confirmation() {
        return confirmation;
    }

    /** The destination a backup only there is downloaded from, once known; empty for a backup on this desk. */
    public ReadOnlyStringProperty remoteAtProperty() {
        return remoteAt;
    }

    /** Restores: the draft is frozen into a plan, the engine runs it, and the report follows. */
    public void restore() {
        if (!canRestore.get()) {
            return;
        }
        RestorePlan plan = draft.plan();
        LiveLog lines = runner.liveLog(LOG_LINES);
        log.set(lines);
        step.set(WizardStep.RUN);
        job.set(runner.run(Messages.get("restore.job", plan.database()), (progress, cancel) ->
                restores.restore(plan, unlock.secrets(), progress, lines, cancel), done -> {
                    unlock.close();
                    report.set(done);
                    step.set(WizardStep.REPORT);
                }, failure -> {
                    unlock.close();
                    boolean cancelled = failure instanceof BackupDeskException e && e.kind() == ErrorKind.CANCELLED;
                    problem.set(cancelled ? Messages.get("restore.cancelled", failure.getMessage()) : failure.getMessage());
                    step.set(WizardStep.REPORT);
                }));
    }

    /** Cancels the running restore; see {@link #cancelMeaning()}. */
    public void cancel() {
        if (job.get() != null) {
            job.get().cancel();
        }
    }

    /** Wipes a passphrase typed for the backup when the wizard closes; a restore running wipes it when it ends. */
    public void close() {
        if (step.get() != WizardStep.RUN) {
            unlock.close();
        }
    }

    /** Whether the backup is encrypted, and the secret that opens it. */
    public UnlockViewModel unlock() {
        return unlock;
    }

    /** The report's way back: rollback and drop, each asked first by the view. */
    public RestoreReportViewModel reportActions() {
        return reportActions;
    }

    /** Plain SQL and tar backups are restored by one worker. */
    public boolean jobsApply() {
        return SwitchesViewModel.jobsApply(draft.source.get());
    }

    public RestoreDraft draft() {
        return draft;
    }

    /** The pg_restore switches as they fit together. */
    public SwitchesViewModel switches() {
        return switches;
    }


    public ReadOnlyObjectProperty<WizardStep> stepProperty() {
        return step;
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public ObservableList<PreflightCheck> checks() {
        return checks;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public StringProperty typedNameProperty() {
        return typedName;
    }

    public StringBinding safetyCostProperty() {
        return safetyCost;
    }

    public ReadOnlyObjectProperty<RunningJob> jobProperty() {
        return job;
    }

    public ReadOnlyObjectProperty<LiveLog> logProperty() {
        return log;
    }

    public ReadOnlyObjectProperty<RestoreReport> reportProperty() {
        return report;
    }

    public boolean targetExists() {
        return targetExists.get();
    }

    public BooleanBinding blocked() {
        return blocked;
    }

    public BooleanBinding canNext() {
        return canNext;
    }

    public BooleanBinding canBack() {
        return canBack;
    }

    public BooleanBinding canRestore() {
        return canRestore;
    }

    /** Single transaction stays off while more than one job restores. */
    public BooleanBinding singleTransactionAllowed() {
        return singleTransactionAllowed;
    }
}

package io.backupdesk.ui.restorewizard;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Question;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableObjectValue;

/**
 * The report's way back, after a restore: roll it back, and drop the database it kept. Which database that is
 * changes with the rollback: before it the previous database (set aside by a safe replace), after it the restored
 * one that the rollback kept. Both actions destroy or replace a database, so the view asks first, with the
 * questions this model words.
 */
public final class RestoreReportViewModel {
    private final RestoreOperations restores;
    private final TaskRunner runner;
    private final ObservableObjectValue<RestoreReport> report;
    private final ObservableObjectValue<ConnectionProfile> target;
    private final StringProperty problem;
    /** What went well: a rollback or a drop done. Not a problem, and not shown as one. */
    private final StringProperty notice = new SimpleStringProperty("");
    /** The database "drop the old copy" would drop; empty when there is none (any more). */
    private final StringProperty keptDatabase = new SimpleStringProperty("");
    private final BooleanProperty rolledBack = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canRollback;
    private final BooleanBinding canDropOldCopy;

    /** @param problem where a failure is told: the wizard's own line */
    RestoreReportViewModel(RestoreOperations restores, TaskRunner runner, ObservableObjectValue<RestoreReport> report,
                           ObservableObjectValue<ConnectionProfile> target, StringProperty problem) {
        this.restores = restores;
        this.runner = runner;
        this.report = report;
        this.target = target;
        this.problem = problem;
        canRollback = Bindings.createBooleanBinding(this::somethingToGoBackTo, report).and(rolledBack.not())
                .and(busy.not());
        canDropOldCopy = keptDatabase.isNotEmpty().and(busy.not());
        report.addListener((o, was, now) -> {
            keptDatabase.set(now == null || now.asideDatabase() == null ? "" : now.asideDatabase());
            rolledBack.set(false);
            notice.set("");
        });
    }

    private boolean somethingToGoBackTo() {
        RestoreReport r = report.get();
        return r != null && r.outcome() != RestoreReport.Outcome.FAILED
                && (r.asideDatabase() != null || r.safetyBackupId() != null);
    }

    /** Whether the report offers a rollback: something was kept to go back to, and it was not gone back to yet. */
    public BooleanBinding canRollback() {
        return canRollback;
    }

    /** Whether there is a kept database to drop; see {@link #keptDatabaseProperty()}. */
    public BooleanBinding canDropOldCopy() {
        return canDropOldCopy;
    }

    /** The question before a rollback: what comes back, and that what is there now is kept, not dropped. */
    public Question rollbackQuestion() {
        RestoreReport r = report.get();
        return new Question(Messages.get("restore.rollback.title"), Messages.get(r.asideDatabase() != null
                ? "restore.rollback.question.swap" : "restore.rollback.question.safety", r.database(), profileName()),
                Messages.get("restore.rollback.action"));
    }

    /** The question before the drop, naming the one database that goes. */
    public Question dropQuestion() {
        return new Question(Messages.get("restore.drop.title"), Messages.get(rolledBack.get()
                ? "restore.drop.question.restored" : "restore.drop.question.previous", keptDatabase.get(), profileName()),
                Messages.get("restore.drop.action", keptDatabase.get()));
    }

    private String profileName() {
        return target.get() == null ? "" : target.get().name();
    }

    /**
     * Puts back what was there before the restore. What the restore made is kept under a new name, which "drop the
     * old copy" then names.
     */
    public void rollback() {
        if (!canRollback.get()) {
            return;
        }
        RestoreReport r = report.get();
        ConnectionProfile profile = target.get();
        problem.set("");
        notice.set("");
        busy.set(true);
        runner.run(Messages.get("restore.job.rollback", r.database()), (p, c) -> restores.rollback(r.restoreId(), profile),
                done -> {
                    busy.set(false);
                    rolledBack.set(true);
                    String kept = done == null || done.restoredCopy() == null ? "" : done.restoredCopy();
                    keptDatabase.set(kept);
                    notice.set(kept.isEmpty() ? Messages.get("restore.rolledBack", r.database())
                            : Messages.get("restore.rolledBack.kept", r.database(), kept));
                }, failure -> {
                    busy.set(false);
                    problem.set(failure.getMessage());
                });
    }

    /** Drops the kept database: before a rollback the previous one, after it the restored one. */
    public void dropOldCopy() {
        if (!canDropOldCopy.get()) {
            return;
        }
        RestoreReport r = report.get();
        ConnectionProfile profile = target.get();
        String dropped = keptDatabase.get();
        problem.set("");
        notice.set("");
        busy.set(true);
        runner.run(Messages.get("restore.job.drop", dropped), (p, c) -> restores.dropOldCopy(r.restoreId(), profile),
                done -> {
                    busy.set(false);
                    keptDatabase.set("");
                    notice.set(Messages.get("restore.dropped", dropped));
                }, failure -> {
                    busy.set(false);
                    problem.set(failure.getMessage());
                });
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public ReadOnlyStringProperty keptDatabaseProperty() {
        return keptDatabase;
    }
}

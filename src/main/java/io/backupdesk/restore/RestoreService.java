package io.backupdesk.restore;

import io.backupdesk.backup.ArchiveDecryption;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.ActiveRun;
import io.backupdesk.backup.BackupService;
import io.backupdesk.backup.RunRegistry;
import io.backupdesk.backup.VerifyService;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Ids;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.core.RestoreRecord;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.ConnectionFactory;
import io.backupdesk.pg.Credentials;
import io.backupdesk.pg.PgEnvironment;
import io.backupdesk.pg.PgVersion;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.TargetServer;
import io.backupdesk.pg.ToolSelection;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.RestoreStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Restores backups, checks them first and validates them after, and rolls them back. Safe replace restores into a
 * temporary database and swaps names only once the copy is complete and its rows match; until then the original is
 * untouched and a failure or cancel drops the temporary database. Thread-safe; every call blocks until done.
 */
public final class RestoreService {
    /** Shared parts every restore works with. */
    record Services(ToolSelection tools, ConnectionFactory connections, Credentials credentials, ProcessRunner runner,
                    BackupCatalog catalog, BackupService backups, VerifyService verifier, RestoreStore store,
                    JobHistory history, RunRegistry runs, Path workDir, Clock clock) { }

    private static final Logger LOG = LoggerFactory.getLogger(RestoreService.class);
    private static final String MAINTENANCE_DB = "postgres";
    private static final String FALLBACK_DB = "template1";

    private final Services services;

    /**
     * @param runs    where runs in progress are noted, so that the databases of a restore killed with its app are
     *                dropped at the next start ({@link #dropLeftover})
     * @param workDir a private folder for the lists of objects a selective restore writes
     */
    public RestoreService(ToolSelection tools, ConnectionFactory connections, Credentials credentials, ProcessRunner runner,
                          BackupCatalog catalog, BackupService backups, VerifyService verifier, RestoreStore store,
                          JobHistory history, RunRegistry runs, Path workDir, Clock clock) {
        this.services = new Services(tools, connections, credentials, runner, catalog, backups, verifier, store, history,
                runs, workDir, clock);
    }

    /**
     * The pre-flight report: every check, ok, warn or block. Reads the backup and the target server; changes nothing.
     *
     * @param password a password asked for at run time; empty for the stored one
     */
    public List<PreflightCheck> preflight(RestorePlan plan, Optional<String> password, Cancellation cancel) {
        return preflight(plan, null, password, cancel);
    }

    /**
     * The same for an encrypted backup, read as it is decrypted (its table of contents, or a plain dump's SQL).
     *
     * @param decryption opens the plan's backup when it is encrypted; null for one that is not
     */
    public List<PreflightCheck> preflight(RestorePlan plan, ArchiveDecryption decryption, Optional<String> password,
                                          Cancellation cancel) {
        return new RestoreRun(services, plan, decryption, password, Ids.newId(), Progress.NONE, line -> { }, cancel,
                Journal.NONE).preflight();
    }

    /**
     * Runs the plan: pre-flight (a blocking check not overridden by the plan stops it before anything changes), the
     * restore in the plan's mode, the row-count validation, and the report.
     *
     * @param log receives the tool's output lines as they come, from a worker thread
     * @return the report; a restore that ran and failed is a {@code FAILED} report, with everything it made removed
     * @throws BackupDeskException {@code PREFLIGHT_BLOCKED} when a check blocks, {@code CANCELLED} after a cancel
     *                             (the target then is as it was), or what kept the restore from starting
     */
    public RestoreReport restore(RestorePlan plan, Optional<String> password, Progress progress, Consumer<String> log,
                                 Cancellation cancel) {
        return restore(plan, "manual", password, progress, log, cancel);
    }

    /** The same, recorded in the history with another origin than "manual", e.g. a schedule's test restore. */
    public RestoreReport restore(RestorePlan plan, String origin, Optional<String> password, Progress progress,
                                 Consumer<String> log, Cancellation cancel) {
        return restore(plan, origin, null, password, progress, log, cancel);
    }

    /**
     * The same for an encrypted backup, decrypted as it streams into pg_restore or psql: its plaintext never reaches
     * the disk. pg_restore reads it from its stdin, so the plan must be {@link RestorePlan#streamable()} (the jobs layer
     * decrypts to a file where parallel workers need one, and passes that copy as an unencrypted backup).
     *
     * @param decryption opens the plan's backup when it is encrypted; null for one that is not
     */
    public RestoreReport restore(RestorePlan plan, String origin, ArchiveDecryption decryption,
                                 Optional<String> password, Progress progress, Consumer<String> log,
                                 Cancellation cancel) {
        if (plan.source().record().encrypted() && !plan.streamable()) {
            throw new IllegalArgumentException("An encrypted backup streams into pg_restore, which this plan cannot"
                    + " read from a pipe; decrypt it to a file first");
        }
        String id = Ids.newId();
        Instant started = services.clock().instant();
        JobRun run = JobRun.builder().id(id).kind(JobRun.KIND_RESTORE).profile(plan.target().name())
                .database(plan.database()).origin(origin).startedAt(started).backupId(plan.source().record().id())
                .build();
        return tracked(run, journal -> {
            try {
                RestoreReport report = new RestoreRun(services, plan, decryption, password, id, origin, progress, log,
                        cancel, journal).execute();
                boolean failed = !report.succeeded();
                services.history().append(ended(run, failed ? JobStatus.FAILED : JobStatus.OK, null,
                        failed ? report.summary() : null));
                return report;
            } catch (BackupDeskException e) {
                services.history().append(ended(run, e.kind() == ErrorKind.CANCELLED ? JobStatus.CANCELLED
                        : JobStatus.FAILED, e.kind(), e.getMessage()));
                throw e;
            }
        });
    }

    /**
     * The pg_restore (or psql) command line this plan runs, with what Backup Desk does around it in comment lines,
     * for a person to read and copy (see {@link ShownRestore}). Reads nothing and connects nowhere.
     */
    public String commandLine(RestorePlan plan) {
        return ShownRestore.of(plan, java.time.LocalDateTime.now(services.clock()));
    }

    /** The steps of a whole-server restore around its databases' restores: the roles, each database's own settings. */
    public ServerSteps serverSteps() {
        return new ServerSteps(services);
    }

    /** Whether the database exists on the profile's server, asked over its maintenance database. */
    public boolean databaseExists(ConnectionProfile target, String database, Optional<String> password) {
        try (TargetServer server = openServer(services, target, database, password)) {
            return server.exists(database);
        }
    }

    /**
     * Drops a database that a restore killed with its app had made on this profile's server. For the start-up
     * cleanup ({@link RunRegistry#recoverInterrupted(RunRegistry.DatabaseDropper)}); uses the stored password.
     */
    public void dropLeftover(ConnectionProfile target, String database) {
        dropLeftover(target, database, null);
    }

    /**
     * The same, only while the database of that name is still the one with this oid (null: any).
     *
     * @return false when the name now belongs to another database, which is left alone
     */
    public boolean dropLeftover(ConnectionProfile target, String database, Long oid) {
        try (TargetServer server = openServer(services, target, database, Optional.empty())) {
            Optional<Long> now = server.oid(database);
            if (oid != null && now.isPresent() && !now.get().equals(oid)) {
                return false;
            }
            if (now.isPresent()) {
                LOG.info("DROP DATABASE {} on {}: left by a restore that did not finish", database, target.describe());
                server.drop(database);
            }
            return true;
        }
    }

    /** Runs the body as a run in progress that the next start cleans up after if the app dies meanwhile. */
    private <T> T tracked(JobRun run, Function<Journal, T> body) {
        ActiveRun active;
        try {
            active = services.runs().beginRestore(run);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not note the restore in the configuration folder: "
                    + e.getMessage(), "Check free space and permissions of the configuration folder.", List.of(), e);
        }
        JobStatus endedAs = JobStatus.FAILED;
        try {
            T result = body.apply(Journal.of(active));
            endedAs = JobStatus.OK;
            return result;
        } finally {
            active.settled();
            try {
                active.close(endedAs);
            } catch (IOException e) {
                LOG.warn("Could not close the marker of restore {}: {}", run.id(), e.getMessage());
            }
        }
    }

    /**
     * Undoes a restore: after a safe replace the previous database is swapped back (the restored one is kept under
     * another name); after a clean in place the safety backup is restored by safe replace.
     *
     * @return the restore as recorded now
     */
    public RestoreRecord rollback(String restoreId, ConnectionProfile target, Optional<String> password, Progress progress,
                                  Cancellation cancel) {
        RestoreRecord record = services.store().require(restoreId);
        JobRun run = JobRun.builder().id(Ids.newId()).kind(JobRun.KIND_RESTORE).profile(target.name())
                .database(record.database()).origin("rollback:" + restoreId).startedAt(services.clock().instant())
                .backupId(record.backupId()).build();
        return tracked(run, journal -> new Rollback(services).rollback(record, target, password, progress, cancel, journal));
    }

    /** The restore as recorded, for rolling it back. */
    public RestoreRecord record(String restoreId) {
        return services.store().require(restoreId);
    }

    /** Drops the database a safe replace kept aside, once the user is satisfied; never done on our own. */
    public RestoreRecord dropOldCopy(String restoreId, ConnectionProfile target, Optional<String> password) {
        RestoreRecord record = services.store().require(restoreId);
        return new Rollback(services).dropOldCopy(record, target, password);
    }

    /** The pg_restore or psql that can read this backup. */
    static ClientInstallation clientFor(ToolSelection tools, BackupCatalog.Entry source) {
        PgVersion dumpedBy = Optional.ofNullable(source.record().pgDumpVersion()).flatMap(PgVersion::fromText)
                .orElse(PgVersion.ofMajor(0));
        return tools.forRestore(source.record().format() == BackupFormat.PLAIN ? ClientTool.PSQL : ClientTool.PG_RESTORE, dumpedBy);
    }

    static Map<String, String> env(ConnectionProfile target, String database, Credentials.PassFile passFile) {
        return PgEnvironment.forProfile(target.withDatabase(database), passFile.path());
    }

    /**
     * A connection to the target server's maintenance database: "postgres", or "template1" where that is missing or
     * is the database being restored (a database cannot be renamed or dropped while we are connected to it). Logs in
     * with the password given at run time, else the stored one.
     */
    static TargetServer openServer(Services services, ConnectionProfile target, String restoredDatabase,
                                   Optional<String> runtimePassword) {
        return new TargetServer(openMaintenance(services, target, restoredDatabase, runtimePassword), target.describe());
    }

    /** The connection {@link #openServer} wraps. */
    static Connection openMaintenance(Services services, ConnectionProfile target, String restoredDatabase,
                                      Optional<String> runtimePassword) {
        Optional<String> password = runtimePassword.or(() -> services.credentials().storedPassword(target));
        String maintenance = MAINTENANCE_DB.equals(restoredDatabase) ? FALLBACK_DB : MAINTENANCE_DB;
        try {
            return services.connections().open(target, maintenance, password);
        } catch (BackupDeskException e) {
            if (e.kind() != ErrorKind.UNKNOWN_DATABASE) {
                throw e;
            }
            return services.connections().open(target, FALLBACK_DB, password);
        }
    }

    static void phase(Progress progress, String what) {
        progress.report(ProgressUpdate.phase(what));
    }

    private JobRun ended(JobRun run, JobStatus status, ErrorKind kind, String error) {
        return run.toBuilder().finishedAt(services.clock().instant()).status(status).errorKind(kind).error(error)
                .build();
    }
}

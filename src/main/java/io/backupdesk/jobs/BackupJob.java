package io.backupdesk.jobs;

import io.backupdesk.alert.Alert;
import io.backupdesk.alert.AlertDispatcher;
import io.backupdesk.backup.ArchiveEncryption;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupService;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Ids;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.core.Schedule;
import io.backupdesk.crypto.Passphrase;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.ProfileStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Backing up, the one use case every front end calls: the backup (encrypted when asked) with its read-back, as the
 * one job on its database; then its copies off the desk; for a scheduled run, then the cleanup of the database's old
 * backups and the weekly test restore. Every step is here once, for every front end.
 */
public final class BackupJob {
    /**
     * A backup started by a person: on the command line, with Back up now, or from the tray.
     *
     * @param password    a password typed for this run only; empty for the stored one
     * @param interactive a person can be asked for a password when the server wants one
     * @param verify      read the backup back; null for the setting
     * @param passphrase  encrypt with this passphrase (age's scrypt) instead of keys; null for the keys the options or
     *                    the connection name, if any
     * @param databasesAtOnce for a server connection, how many databases are dumped at once; 0 for the options' jobs
     */
    public record Request(ConnectionProfile profile, BackupOptions options, String origin, Optional<String> password,
                          boolean interactive, Boolean verify, Passphrase passphrase, int databasesAtOnce) {
        /** As many databases of a set at once as the options have jobs. */
        public Request(ConnectionProfile profile, BackupOptions options, String origin, Optional<String> password,
                       boolean interactive, Boolean verify, Passphrase passphrase) {
            this(profile, options, origin, password, interactive, verify, passphrase, 0);
        }

        /** Encrypted to the keys the options or the connection name, if any. */
        public Request(ConnectionProfile profile, BackupOptions options, String origin, Optional<String> password,
                       boolean interactive, Boolean verify) {
            this(profile, options, origin, password, interactive, verify, null, 0);
        }
    }

    private final ProfileStore profiles;
    private final BackupService backups;
    private final CleanupJob cleanup;
    private final TestRestore testRestore;
    private final JobHistory history;
    private final AlertDispatcher alerts;
    private final DatabaseClaims claims;
    private final Supplier<BackupDefaults> defaults;
    private final EncryptionKeys keys;
    private final CopyJob copies;
    private final SetBackupJob sets;
    private final Presets presets;
    private final Clock clock;

    /** @param defaults the settings' defaults as they are at each run */
    public BackupJob(ProfileStore profiles, BackupService backups, CleanupJob cleanup, TestRestore testRestore,
                     JobHistory history, AlertDispatcher alerts, DatabaseClaims claims, Supplier<BackupDefaults> defaults,
                     EncryptionKeys keys, CopyJob copies, SetBackupJob sets, Presets presets, Clock clock) {
        this.profiles = profiles;
        this.backups = backups;
        this.cleanup = cleanup;
        this.testRestore = testRestore;
        this.history = history;
        this.alerts = alerts;
        this.claims = claims;
        this.defaults = defaults;
        this.keys = keys;
        this.copies = copies;
        this.sets = sets;
        this.presets = presets;
        this.clock = clock;
    }

    /**
     * A backup now, as the database's one job, then its copies to the run's or the connection's destinations (see
     * {@link CopyJob#states} for how they went: a failed copy never fails the backup).
     *
     * @throws BackupDeskException {@code BUSY} at once when another job (here or in another process) has the database
     */
    public BackupCatalog.Entry backUp(Request request, Progress progress, Cancellation cancel) {
        if (request.profile().wholeServer()) {
            throw BackupDeskException.configuration("'" + request.profile().name() + "' is a server connection: its"
                    + " backup is a set of every database, not one backup.", "Back it up as a set.");
        }
        BackupDefaults settings = defaults.get();
        boolean verify = settings.verify(request.verify());
        ArchiveEncryption encryption = keys.forBackup(EncryptionKeys.forRun(request.options().encryptTo(),
                request.profile()), request.passphrase()).orElse(null);
        List<String> destinations = copies.check(CopyJob.forRun(request.options().copyTo(), request.profile()));
        BackupOptions options = settings.limited(request.options());
        BackupCatalog.Entry entry = claims.whileHolding(DatabaseClaims.keyOf(request.profile()), "backup",
                () -> backups.backup(new BackupService.Request(request.profile(), options, request.origin(),
                        request.password(), request.interactive(), verify, encryption), progress, cancel));
        copies.afterBackup(entry, destinations, progress, cancel);
        return entry;
    }

    /**
     * A set of every database of a server connection now (see {@link SetBackupJob}), as the connection's one set run:
     * each database is claimed only while it is dumped; then its copies, as one, to the run's or the connection's
     * destinations ({@link CopyJob#statesOf}). A partial set is an outcome, alerted as a failed run is.
     *
     * @throws BackupDeskException {@code BUSY} at once when a set of this connection is running already; when
     *                             nothing could start (server down, plain format); {@code CANCELLED}
     */
    public SetBackupJob.Outcome backUpSet(Request request, Progress progress, Cancellation cancel) {
        BackupDefaults settings = defaults.get();
        boolean verify = settings.verify(request.verify());
        ArchiveEncryption encryption = keys.forBackup(EncryptionKeys.forRun(request.options().encryptTo(),
                request.profile()), request.passphrase()).orElse(null);
        List<String> destinations = copies.check(CopyJob.forRun(request.options().copyTo(), request.profile()));
        BackupOptions options = settings.limited(request.options());
        SetBackupJob.Outcome outcome = claims.whileHolding(DatabaseClaims.keyOf(request.profile()), "set backup",
                () -> sets.run(setRun(request.profile(), options, request.origin(), request.password(),
                        request.interactive(), verify, encryption, request.databasesAtOnce()), progress, cancel));
        alertIfFailed(outcome.run());
        copies.afterSet(outcome.set(), destinations, progress, cancel);
        return outcome;
    }

    private static SetBackupJob.Run setRun(ConnectionProfile profile, BackupOptions options, String origin,
                                           Optional<String> password, boolean interactive, boolean verify,
                                           ArchiveEncryption encryption, int databasesAtOnce) {
        return new SetBackupJob.Run(profile, options, origin, password, interactive, verify, encryption,
                databasesAtOnce > 0 ? databasesAtOnce : options.jobs());
    }

    private void alertIfFailed(JobRun run) {
        if (run.status() == JobStatus.FAILED || run.status() == JobStatus.INTERRUPTED) {
            alerts.send(Alert.failedRun(run));
        }
    }

    /**
     * The pg_dump command line {@link #backUp} would run for this request, without secrets, for a person to copy:
     * the encryption resolved as a run resolves it, nothing run and nothing written.
     */
    public String commandLine(Request request) {
        ArchiveEncryption encryption = keys.forBackup(EncryptionKeys.forRun(request.options().encryptTo(),
                request.profile()), request.passphrase()).orElse(null);
        return backups.commandLine(new BackupService.Request(request.profile(), request.options(), request.origin(),
                Optional.empty(), false, false, encryption));
    }

    /**
     * The pg_dump command line that made this backup, for its details; empty when its connection is gone or the
     * sidecar does not say enough (see {@link BackupService#commandThatMade}).
     */
    public Optional<String> commandThatMade(BackupRecord record) {
        return profiles.find(record.profile()).flatMap(connection -> backups.commandThatMade(record, connection));
    }

    /**
     * The pg_dump command line a run of the schedule would take now, saved or not: the options resolved as
     * {@link #scheduled} resolves them (its preset or its connection's as they are now), nothing run.
     */
    public String commandLine(Schedule schedule) {
        return commandLine(new Request(profiles.require(schedule.profile()), presets.forRun(schedule),
                schedule.origin(), Optional.empty(), false, null));
    }

    /**
     * One run of a schedule, whose database the caller has claimed: the backup with the schedule's options (with the
     * stored password; nobody is asked), then, only when it succeeded, the cleanup of the database's backups and the
     * weekly test restore when one is due. What goes wrong after a good backup never fails the run: it goes to
     * {@code problems}. A failed backup is sent to the webhook and e-mail and thrown, so no cleanup follows it.
     *
     * @return the backup's history line
     */
    public JobRun scheduled(Schedule schedule, String origin, Cancellation cancel, Consumer<String> problems) {
        BackupOptions options;
        try {
            options = presets.forRun(schedule);
        } catch (BackupDeskException e) {
            boolean set = profiles.find(schedule.profile()).map(ConnectionProfile::wholeServer).orElse(false);
            throw failedBeforeStart(set ? JobRun.KIND_SET : JobRun.KIND_BACKUP, schedule.profile(), null, origin,
                    Optional.of(schedule), e);
        }
        return claimed(schedule.profile(), options, origin, Optional.of(schedule), cancel, problems);
    }

    /**
     * A backup outside the schedules whose database the caller has claimed: the tray's "Back up now", which the
     * scheduler runs under its limits. It goes as a schedule's run goes, cleanup included, without a test restore.
     *
     * @return the backup's history line
     */
    public JobRun claimed(String profileName, BackupOptions options, String origin, Cancellation cancel,
                          Consumer<String> problems) {
        return claimed(profileName, options, origin, Optional.empty(), cancel, problems);
    }

    private JobRun claimed(String profileName, BackupOptions chosen, String origin, Optional<Schedule> schedule,
                           Cancellation cancel, Consumer<String> problems) {
        BackupOptions options = defaults.get().limited(chosen);
        ConnectionProfile profile = profileOf(profileName, origin, schedule);
        ArchiveEncryption encryption = encryptionOf(profile, options, origin, schedule);
        if (profile.wholeServer()) {
            return claimedSet(profile, options, origin, encryption, cancel, problems);
        }
        BackupCatalog.Entry entry;
        try {
            entry = backups.backup(new BackupService.Request(profile, options, origin, Optional.empty(),
                    false, defaults.get().verify(), encryption), Progress.NONE, cancel);
        } catch (RuntimeException e) {
            alertLastFailure(origin);
            throw e;
        }
        copies.afterBackup(entry, CopyJob.forRun(options.copyTo(), profile), Progress.NONE, cancel).stream()
                .filter(c -> c.status() != CopyState.Status.OK).forEach(c -> problems.accept("The copy of "
                        + profile.database() + " on " + profile.name() + " to " + c.destination() + " failed: "
                        + c.error() + (c.nextAttemptAt() == null ? "" : " It is tried again later.")));
        try {
            cleanup.afterBackup(profile).forEach(f -> problems.accept("Cleanup of " + profile.database()
                    + " on " + profile.name() + ": " + f));
        } catch (RuntimeException e) {
            problems.accept("Cleanup of " + profile.database() + " on " + profile.name() + " failed: " + e.getMessage());
        }
        try {
            if (schedule.isPresent() && testRestore.due(schedule.get()) && !cancel.isCancelled()) {
                Optional<String> notHere = testRestore.whyNotHere(entry);
                if (notHere.isPresent()) {
                    problems.accept("The weekly test restore of " + profile.database() + " on " + profile.name()
                            + " was skipped: " + notHere.get() + " Restore the backup with its key to test it.");
                } else {
                    testRestore(schedule.get(), profile, entry, cancel, problems);
                }
            }
        } catch (RuntimeException e) {
            problems.accept("The weekly test restore of " + profile.database() + " failed: " + e.getMessage());
        }
        return history.readAll().stream().filter(r -> JobRun.KIND_BACKUP.equals(r.kind()) && origin.equals(r.origin())
                        && entry.record().id().equals(r.backupId())).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("the backup's own history line is missing"));
    }

    /**
     * A set under the caller's claim of the connection: alerted when it is not complete, copied as one, then (as after
     * a good backup) the connection's sets cleaned up, which never lets go of the newest good backup of any database.
     */
    private JobRun claimedSet(ConnectionProfile profile, BackupOptions options, String origin,
                              ArchiveEncryption encryption, Cancellation cancel, Consumer<String> problems) {
        SetBackupJob.Outcome outcome;
        try {
            outcome = sets.run(setRun(profile, options, origin, Optional.empty(), false, defaults.get().verify(),
                    encryption, 0), Progress.NONE, cancel);
        } catch (RuntimeException e) {
            alertLastFailure(origin);
            throw e;
        }
        alertIfFailed(outcome.run());
        if (outcome.set().status() != BackupSet.Status.COMPLETE) {
            problems.accept("The set of " + profile.name() + " is " + outcome.set().status().name()
                    .toLowerCase(java.util.Locale.ROOT) + ": " + outcome.run().error());
        }
        copies.afterSet(outcome.set(), CopyJob.forRun(options.copyTo(), profile), Progress.NONE, cancel).stream()
                .filter(c -> c.status() != CopyState.Status.OK).forEach(c -> problems.accept("The copy of the set of "
                        + profile.name() + " to " + c.destination() + " failed: " + c.error()
                        + (c.nextAttemptAt() == null ? "" : " It is tried again later.")));
        try {
            cleanup.afterBackup(profile).forEach(f -> problems.accept("Cleanup of the sets of "
                    + profile.name() + ": " + f));
        } catch (RuntimeException e) {
            problems.accept("Cleanup of the sets of " + profile.name() + " failed: " + e.getMessage());
        }
        return outcome.run();
    }

    /**
     * The run's connection profile. One that was removed since fails the run like any other failure: in the
     * history, with an alert, so that a schedule left behind does not fail unseen.
     */
    private ConnectionProfile profileOf(String profileName, String origin, Optional<Schedule> schedule) {
        try {
            return profiles.require(profileName);
        } catch (BackupDeskException e) {
            throw failedBeforeStart(JobRun.KIND_BACKUP, profileName, null, origin, schedule, e);
        }
    }

    /**
     * The encryption of an unattended run, from public keys only. A key removed since fails the run like any other
     * failure, so that backups never silently go unencrypted.
     */
    private ArchiveEncryption encryptionOf(ConnectionProfile profile, BackupOptions options, String origin,
                                           Optional<Schedule> schedule) {
        try {
            return keys.forBackup(EncryptionKeys.forRun(options.encryptTo(), profile), null).orElse(null);
        } catch (BackupDeskException e) {
            throw profile.wholeServer() ? failedBeforeStart(JobRun.KIND_SET, profile.name(), null, origin, schedule, e)
                    : failedBeforeStart(JobRun.KIND_BACKUP, profile.name(), profile.database(), origin, schedule, e);
        }
    }

    /** Records a run that failed before its backup began, in the history and by alert; returns the failure to throw. */
    private BackupDeskException failedBeforeStart(String kind, String profileName, String database, String origin,
                                                  Optional<Schedule> schedule, BackupDeskException e) {
        Instant now = clock.instant();
        JobRun failed = JobRun.builder().id(Ids.newId()).kind(kind).profile(profileName).database(database)
                .origin(origin).startedAt(now).finishedAt(now).status(JobStatus.FAILED).errorKind(e.kind())
                .error(e.getMessage() + schedule.map(s -> " Edit or remove the schedule " + s.id() + ".").orElse(""))
                .build();
        history.append(failed);
        alerts.send(Alert.failedRun(failed));
        return e;
    }

    /** Sends the newest history line of this origin to the webhook and e-mail, when it is a failure. */
    private void alertLastFailure(String origin) {
        history.readAll().stream().filter(r -> origin.equals(r.origin())).reduce((a, b) -> b)
                .filter(r -> r.status() == JobStatus.FAILED || r.status() == JobStatus.INTERRUPTED)
                .ifPresent(r -> alerts.send(Alert.failedRun(r)));
    }

    private void testRestore(Schedule schedule, ConnectionProfile profile, BackupCatalog.Entry entry, Cancellation cancel,
                             Consumer<String> problems) {
        Optional<RestoreReport> report = testRestore.run(schedule, profile, entry, cancel, problems);
        if (report.isEmpty() || report.get().outcome() == RestoreReport.Outcome.FAILED) {
            alertLastFailure(schedule.testRestoreOrigin());
            problems.accept("The weekly test restore of " + profile.database() + " on " + profile.name() + " failed: "
                    + report.map(RestoreReport::summary).orElse("it could not start; see the job history")
                    + " The backup itself was written.");
        }
    }
}

package io.backupdesk.jobs;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.Sidecars;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.core.Schedule;
import io.backupdesk.core.Verification;
import io.backupdesk.crypto.CryptoException;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.restore.RestoreService;
import io.backupdesk.store.JobHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.nio.charset.StandardCharsets;

/**
 * The weekly proof that a schedule's backups can really be restored: the newest backup is restored in full into a
 * scratch database on the same server, checked table by table, and the scratch database is dropped again whatever
 * happened. A backup that passes is recorded as verified in the catalog; a failure is reported, and the backup is
 * left as it was (a missing role on the server is not a damaged file).
 */
public final class TestRestore {
    private static final Logger LOG = LoggerFactory.getLogger(TestRestore.class);
    static final Duration EVERY = Duration.ofDays(7);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final RestoreService restores;
    private final RestoreJob restoreJob;
    private final JobHistory history;
    private final Clock clock;

    /** @param restoreJob opens encrypted backups with the keys stored here */
    public TestRestore(RestoreService restores, RestoreJob restoreJob, JobHistory history, Clock clock) {
        this.restores = restores;
        this.restoreJob = restoreJob;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Why the backup cannot be test-restored unattended: an encrypted one needs a secret key stored here without a
     * passphrase, and a scheduled backup needs only the public key. Empty when it can.
     */
    Optional<String> whyNotHere(BackupCatalog.Entry backup) {
        try {
            restoreJob.requireOpenable(backup, SecretKeys.STORED);
            return Optional.empty();
        } catch (CryptoException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Whether the schedule wants one and its last test restore is a week old or there was none. A failed one counts
     * too: a restore that keeps failing (a missing role) is reported once a week, not after every hourly backup.
     */
    boolean due(Schedule schedule) {
        if (!schedule.testRestore()) {
            return false;
        }
        Instant weekAgo = clock.instant().minus(EVERY);
        return history.readAll().stream().noneMatch(r -> schedule.testRestoreOrigin().equals(r.origin())
                && r.status() != JobStatus.CANCELLED && r.startedAt().isAfter(weekAgo));
    }

    /**
     * Restores the backup into a scratch database and drops it again.
     *
     * @return the report; empty when the restore could not even start (the reason is in the history and the log)
     */
    Optional<RestoreReport> run(Schedule schedule, ConnectionProfile profile, BackupCatalog.Entry backup,
                                Cancellation cancel, Consumer<String> problems) {
        String scratch = scratchName(profile.database(), clock.instant());
        RestorePlan plan = new RestorePlan(backup, profile, scratch, RestoreMode.NEW_DATABASE, 0, false, true, true,
                null, null, false, false, Set.of());
        try {
            RestoreReport report = restoreJob.restore(plan, schedule.testRestoreOrigin(), SecretKeys.STORED,
                    Optional.empty(), Progress.NONE, line -> { }, cancel);
            if (report.outcome() != RestoreReport.Outcome.FAILED) {
                Verification restored = new Verification(BackupStatus.VERIFIED, clock.instant(),
                        "Restored in full into a scratch database by the weekly test restore; " + report.summary());
                Sidecars.update(backup.sidecar(), backup.record().id(), r -> r.withVerification(restored));
            }
            return Optional.of(report);
        } catch (RuntimeException e) {
            LOG.warn("Test restore of backup {} into {} could not run: {}", backup.record().id(), scratch, e.getMessage());
            return Optional.empty();
        } finally {
            dropScratch(profile, scratch, problems);
        }
    }

    private void dropScratch(ConnectionProfile profile, String scratch, Consumer<String> problems) {
        try {
            if (restores.databaseExists(profile, scratch, Optional.empty())) {
                restores.dropLeftover(profile, scratch);
            }
        } catch (RuntimeException e) {
            LOG.warn("The scratch database {} of a test restore could not be dropped: {}", scratch, e.getMessage());
            problems.accept("The test restore's scratch database " + scratch + " could not be dropped from "
                    + profile.describe() + " (" + e.getMessage() + "). Drop it by hand: DROP DATABASE " + scratch + ";");
        }
    }

    /** {@code backupdesk_test_<database>_<utc stamp>}, within PostgreSQL's 63 bytes. */
    static String scratchName(String database, Instant now) {
        String prefix = "backupdesk_test_";
        String suffix = "_" + STAMP.format(now);
        String middle = database;
        while ((prefix + middle + suffix).getBytes(StandardCharsets.UTF_8).length > 63) {
            middle = middle.substring(0, middle.length() - 1);
        }
        return prefix + middle + suffix;
    }

    /** A history line of the restore, for tests and the tray: the newest test restore of the schedule. */
    Optional<JobRun> latest(Schedule schedule) {
        return history.readAll().stream().filter(r -> schedule.testRestoreOrigin().equals(r.origin()))
                .reduce((a, b) -> b);
    }
}

package io.backupdesk.restore;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Ids;
import io.backupdesk.core.Progress;
import io.backupdesk.core.RestoreRecord;
import io.backupdesk.pg.TargetServer;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.backupdesk.core.ErrorKind;

/** Undoes a recorded restore, and drops what it kept aside once the user says so. */
final class Rollback {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Rollback.class);
    private final RestoreService.Services services;

    Rollback(RestoreService.Services services) {
        this.services = services;
    }

    RestoreRecord rollback(RestoreRecord record, ConnectionProfile target, Optional<String> password, Progress progress,
                           Cancellation cancel, Journal journal) {
        if (record.rolledBackAt() != null) {
            throw BackupDeskException.configuration("The restore " + record.id() + " was rolled back already, on "
                    + record.rolledBackAt() + ".", "Nothing to do.");
        }
        LOG.info("Rolling back restore {} of {} on {} ({})", record.id(), record.database(), target.describe(),
                record.mode());
        RestoreRecord done;
        if (RestoreMode.SAFE_REPLACE.cliName().equals(record.mode()) && record.asideDatabase() != null) {
            try (TargetServer server = openServer(target, record.database(), password)) {
                String db = record.database();
                if (!server.exists(record.asideDatabase())) {
                    throw BackupDeskException.configuration("The previous database " + record.asideDatabase()
                            + " is no longer on " + target.describe() + ".", "It was dropped or renamed; nothing to swap back.");
                }
                String restoredCopy = DatabaseNames.derived(db, "restored", LocalDateTime.now(services.clock()), server::exists);
                new DatabaseSwap(server, true, progress).swap(record.asideDatabase(), db, restoredCopy);
                done = record.rolledBack(services.clock().instant(), restoredCopy);
            }
        } else if (RestoreMode.IN_PLACE.cliName().equals(record.mode()) && record.safetyBackupId() != null) {
            RestoreReport report = restoreSafetyBackup(services, record.safetyBackupId(), target, record.database(),
                    password, progress, cancel, journal);
            if (report.outcome() == RestoreReport.Outcome.FAILED) {
                throw new BackupDeskException(ErrorKind.TOOL_FAILED, "Putting back the safety backup failed: "
                        + report.summary(), "The database is as the failed attempt left it; see the log.");
            }
            done = record.rolledBack(services.clock().instant(), report.asideDatabase());
        } else {
            throw BackupDeskException.configuration("The restore " + record.id() + " made a new database; there is nothing to"
                    + " roll back to.", "Drop the database " + record.database() + " if you do not want it.");
        }
        services.store().save(done);
        return done;
    }

    RestoreRecord dropOldCopy(RestoreRecord record, ConnectionProfile target, Optional<String> password) {
        String kept = record.rolledBackAt() != null ? record.restoredCopy() : record.asideDatabase();
        if (kept == null) {
            throw BackupDeskException.configuration("The restore " + record.id() + " kept no database aside.", "Nothing to drop.");
        }
        try (TargetServer server = openServer(target, record.database(), password)) {
            LOG.info("Restore {}: DROP DATABASE {} on {}, the copy it kept aside, as the user asked", record.id(), kept,
                    target.describe());
            server.drop(kept);
        }
        RestoreRecord done = record.rolledBackAt() != null
                ? record.rolledBack(record.rolledBackAt(), null) : record.withoutAside();
        services.store().save(done);
        return done;
    }

    /** Safe replace of {@code database} by the safety backup: what was there is kept aside. */
    static RestoreReport restoreSafetyBackup(RestoreService.Services services, String safetyId, ConnectionProfile target,
                                             String database, Optional<String> password, Progress progress,
                                             Cancellation cancel, Journal journal) {
        BackupCatalog.Entry safety = services.catalog().require(safetyId);
        RestorePlan plan = new RestorePlan(safety, target, database, RestoreMode.SAFE_REPLACE, 0, false, false, false,
                List.of(), List.of(), true, true, Set.of());
        // never encrypted (decision 0029): the same restore must be able to put it back without a secret key
        return new RestoreRun(services, plan, null, password, Ids.newId(), "put back of the safety backup " + safetyId, progress,
                line -> { }, cancel, journal).execute();
    }

    private TargetServer openServer(ConnectionProfile target, String database, Optional<String> password) {
        return RestoreService.openServer(services, target, database, password);
    }
}

package io.backupdesk.stats;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Verification;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Catalogs and job histories made up for the statistics tests: by hand, or generated from a seed. */
final class History {
    final List<BackupCatalog.Entry> catalog = new ArrayList<>();
    final List<JobRun> runs = new ArrayList<>();
    private int counter;
    private String profile = "prod";

    /** The connection the runs after this one belong to; "prod" until said otherwise. */
    History profile(String name) {
        this.profile = name;
        return this;
    }

    /** A backup run that ended as given; an OK one also adds its backup to the catalog with that status. */
    History run(String database, Instant at, JobStatus status, BackupStatus catalogStatus, long size, long databaseSize,
                Duration took) {
        String id = "b" + (++counter);
        runs.add(JobRun.builder().id("r" + counter).kind(JobRun.KIND_BACKUP).profile(profile).database(database)
                .origin("manual").startedAt(at).finishedAt(at.plus(took)).status(status)
                .sizeBytes(status == JobStatus.OK ? size : 0).backupId(status == JobStatus.OK ? id : null)
                .error(status == JobStatus.OK ? null : "pg_dump failed").build());
        if (status == JobStatus.OK) {
            Verification verification = catalogStatus == BackupStatus.VERIFIED || catalogStatus == BackupStatus.CORRUPT
                    ? new Verification(catalogStatus, at.plus(took), null) : null;
            BackupRecord record = BackupRecord.builder().id(id).profile(profile).host("db1").port(5432)
                    .database(database).serverVersion("15.4").pgDumpVersion("15.4").format(BackupFormat.CUSTOM)
                    .compression("gzip:1").options(BackupOptions.defaults())
                    .fileName(database + "_" + counter + ".dump")
                    .sizeBytes(size).databaseSizeBytes(databaseSize).sha256("0".repeat(64)).createdAt(at)
                    .durationMillis(took.toMillis()).status(BackupStatus.OK).verification(verification)
                    .origin(BackupRecord.ORIGIN_MANUAL).build();
            catalog.add(new BackupCatalog.Entry(record, Path.of("/backups", profile, database, id + ".backup.json"),
                    catalogStatus));
        }
        return this;
    }

    History ok(String database, Instant at, BackupStatus catalogStatus) {
        return run(database, at, JobStatus.OK, catalogStatus, 1_000, 10_000, Duration.ofSeconds(60));
    }

    History failed(String database, Instant at) {
        return run(database, at, JobStatus.FAILED, null, 0, 0, Duration.ofSeconds(5));
    }

    /**
     * Days of hourly-ish runs for a few databases, ending at {@code end}: each run fails, is cancelled or succeeds
     * at random, and a success is verified, left unverified, corrupt or missing at random.
     */
    static History generated(long seed, int days, Instant end) {
        Random random = new Random(seed);
        History h = new History();
        String[] databases = {"sales", "crm", "billing", "audit"};
        for (int i = days * 6; i > 0; i--) {
            Instant at = end.minus(Duration.ofHours(4L * i)).plusSeconds(random.nextInt(3600));
            String db = databases[random.nextInt(databases.length)];
            int roll = random.nextInt(20);
            JobStatus status = roll < 2 ? JobStatus.FAILED : roll == 2 ? JobStatus.CANCELLED
                    : roll == 3 ? JobStatus.INTERRUPTED : JobStatus.OK;
            BackupStatus[] kinds = {BackupStatus.VERIFIED, BackupStatus.VERIFIED, BackupStatus.OK, BackupStatus.CORRUPT,
                    BackupStatus.MISSING};
            h.run(db, at, status, kinds[random.nextInt(kinds.length)], 1_000 + random.nextInt(100_000),
                    50_000 + random.nextInt(1_000_000), Duration.ofSeconds(10 + random.nextInt(600)));
        }
        return h;
    }
}

package io.backupdesk.testing;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Origin;
import io.backupdesk.core.Schedule;
import io.backupdesk.core.SslMode;
import io.backupdesk.core.TableCount;
import io.backupdesk.core.Verification;
import io.backupdesk.schedule.CronSchedule;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.Json;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.ScheduleStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a made-up but realistic history: profiles, a catalog of sidecars with tiny archive files, and the job
 * history, spread over the last days with a few failures, unverified and damaged backups. For screenshots and for
 * the catalog benchmark; never for tests of the engine, which use real backups.
 *
 * <p>Usage: {@code CatalogGenerator CONFIG_DIR BACKUP_ROOT BACKUPS DAYS}, which adds a few schedules too.
 */
public final class CatalogGenerator {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());
    private static final String[][] DATABASES = {
            {"prod-1", "sales", "1800"}, {"prod-1", "crm", "640"}, {"prod-1", "billing", "2900"},
            {"analytics", "events", "5200"}, {"staging", "sales_staging", "300"}};

    private CatalogGenerator() { }

    public static void main(String[] args) throws IOException {
        Instant end = Instant.now();
        generate(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), end);
        schedules(Path.of(args[0]), end);
    }

    /**
     * Three schedules with their last runs: a nightly one, a weekly one with a test restore, and an hourly one that
     * is switched off. Each last ran at its latest occurrence before {@code end}, so an app started just after finds
     * no missed run to catch up on, and never reaches for the made-up servers.
     */
    private static final Map<String, String> SCHEDULE_OF_PROFILE = Map.of("prod-1", "5f1c2a9e7b30",
            "analytics", "a84d03c6e112", "staging", "0c7e9b4f5d21");

    public static void schedules(Path configDir, Instant end) {
        ScheduleStore store = new ScheduleStore(configDir, w -> { });
        JobHistory history = new JobHistory(configDir, w -> { });
        Instant created = end.minus(Duration.ofDays(60));
        Schedule nightly = Schedule.builder().id("5f1c2a9e7b30").name("nightly").profile("prod-1").cron("30 2 * * *").enabled(true)
                .options(BackupOptions.defaults()).retention(new RetentionPolicy(7, 7, 4, 12, null))
                .catchUp(Schedule.CatchUp.RUN_ONCE).createdAt(created).build();
        Schedule weekly = Schedule.builder().id("a84d03c6e112").name("weekly events").profile("analytics").cron("0 3 * * 0").zone("UTC")
                .enabled(true).options(BackupOptions.ofFormat(BackupFormat.DIRECTORY))
                .retention(new RetentionPolicy(4, null, null, 6, Duration.ofDays(200)))
                .catchUp(Schedule.CatchUp.RUN_ONCE).testRestore(true).createdAt(created).build();
        Schedule hourly = Schedule.builder().id("0c7e9b4f5d21").name("hourly staging").profile("staging").cron("15 * * * *")
                .options(BackupOptions.defaults())
                .retention(new RetentionPolicy(24, null, null, null, Duration.ofDays(3)))
                .catchUp(Schedule.CatchUp.SKIP).createdAt(created).build();
        String[][] databases = {{"prod-1", "sales"}, {"analytics", "events"}, {"staging", "sales_staging"}};
        Schedule[] all = {nightly, weekly, hourly};
        for (int i = 0; i < all.length; i++) {
            Schedule s = all[i];
            store.save(s);
            Instant last = lastOccurrence(s, end);
            boolean skipped = s == hourly;
            history.append(JobRun.builder().id("run-" + s.id()).kind(JobRun.KIND_BACKUP).profile(databases[i][0])
                    .database(databases[i][1]).origin(s.origin())
                    .startedAt(last).finishedAt(last.plusSeconds(skipped ? 0 : 70 + 40L * i))
                    .status(skipped ? JobStatus.SKIPPED : JobStatus.OK).sizeBytes(skipped ? 0 : 180_000_000L * (i + 1))
                    .error(skipped ? "A backup of sales_staging on localhost:5433 was still running." : null).build());
        }
    }

    private static Instant lastOccurrence(Schedule s, Instant end) {
        CronSchedule cron = CronSchedule.parse(s.cron(), s.zoneId());
        Instant last = null;
        for (Instant t = end.minus(Duration.ofDays(8)); ; ) {
            Instant next = cron.nextAfter(t).orElseThrow();
            if (next.isAfter(end)) {
                return last;
            }
            last = next;
            t = next;
        }
    }

    public static void generate(Path configDir, Path backupRoot, int backups, int days, Instant end) throws IOException {
        Random random = new Random(7);
        ProfileStore profiles = new ProfileStore(configDir, w -> { });
        profiles.save(new ConnectionProfile("prod-1", "db1.example.internal", 5432, "sales", "backup", SslMode.REQUIRE, null));
        profiles.save(new ConnectionProfile("analytics", "warehouse.example.internal", 5432, "events", "backup", SslMode.REQUIRE, null));
        profiles.save(new ConnectionProfile("staging", "localhost", 5433, "sales_staging", "dba", SslMode.PREFER, null));
        JobHistory history = new JobHistory(configDir, w -> { });
        Duration step = Duration.ofDays(days).dividedBy(backups);
        for (int i = backups; i > 0; i--) {
            String[] db = DATABASES[random.nextInt(DATABASES.length)];
            Instant at = end.minus(step.multipliedBy(i)).plusSeconds(random.nextInt(60));
            double growth = 1 + 0.3 * (backups - i) / backups;
            long databaseBytes = (long) (Long.parseLong(db[2]) * 1024 * 1024 * growth * (0.97 + random.nextDouble() * 0.06));
            long size = databaseBytes / (7 + random.nextInt(3));
            Duration took = Duration.ofMillis(databaseBytes / (60 * 1024) + random.nextInt(5_000));
            String id = String.format("%012x", random.nextLong() & 0xffffffffffffL);
            int roll = random.nextInt(100);
            if (roll < 5) {
                history.append(run(id, db, at, took.dividedBy(4), JobStatus.FAILED, 0, null, ErrorKind.CONNECTION,
                        "Could not connect to " + db[0] + ": connection refused. Is the server running?"));
                i++; // a failed run writes no backup: the catalog still gets the number asked for
                continue;
            }
            BackupStatus status = roll < 7 ? BackupStatus.CORRUPT : roll < 20 ? BackupStatus.OK : BackupStatus.VERIFIED;
            Verification verification = status == BackupStatus.OK ? null : new Verification(status, at.plus(took),
                    status == BackupStatus.CORRUPT ? "pg_restore could not read it to the end: unexpected end of file." : null);
            Path folder = Files.createDirectories(backupRoot.resolve(db[0]).resolve(db[1]));
            String base = db[1] + "_" + STAMP.format(at) + "-" + id.substring(0, 4);
            Files.writeString(folder.resolve(base + ".dump"), "PGDMP");
            String label = random.nextInt(12) == 0 ? "before-release" : null;
            // the labelled ones were made with Back up now; the rest by the profile's schedule, whose rules prune them
            String origin = label != null ? Origin.BACK_UP_NOW
                    : Schedule.ORIGIN_PREFIX + SCHEDULE_OF_PROFILE.get(db[0]);
            // hex(random) is drawn before the pin, as in every earlier catalog made from the same seed
            BackupRecord record = BackupRecord.builder().id(id).profile(db[0]).host("db.example.internal").port(5432)
                    .database(db[1]).serverVersion("15.8").pgDumpVersion("15.8").format(BackupFormat.CUSTOM)
                    .compression("gzip:1").options(BackupOptions.defaults()).fileName(base + ".dump").sizeBytes(size)
                    .databaseSizeBytes(databaseBytes).sha256(hex(random)).createdAt(at).durationMillis(took.toMillis())
                    .tables(List.of(new TableCount("public", "orders", 120_000L + i),
                            new TableCount("public", "customers", 8_000L)))
                    .label(label).status(BackupStatus.OK).verification(verification).origin(origin)
                    .pinned(random.nextInt(40) == 0).build();
            Files.write(folder.resolve(base + ".backup.json"), Json.mapper().writeValueAsBytes(record));
            history.append(run(id, db, at, took, JobStatus.OK, size, id, null, null));
        }
    }

    /** A made-up SHA-256: it matches no file, so verifying a generated backup finds it damaged. */
    private static String hex(Random random) {
        StringBuilder sha = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            sha.append(String.format("%016x", random.nextLong()));
        }
        return sha.toString();
    }

    private static JobRun run(String id, String[] db, Instant at, Duration took, JobStatus status, long size,
                              String backupId, ErrorKind kind, String error) {
        return JobRun.builder().id("run-" + id).kind(JobRun.KIND_BACKUP).profile(db[0]).database(db[1]).origin("manual")
                .startedAt(at).finishedAt(at.plus(took)).status(status).sizeBytes(size).backupId(backupId)
                .errorKind(kind).error(error).build();
    }
}

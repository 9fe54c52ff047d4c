package io.backupdesk.jobs;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;
import io.backupdesk.core.ServerScope;
import io.backupdesk.core.SslMode;
import io.backupdesk.stats.HealthScope.Watched;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WatchedDatabasesTest {
    private static final Instant SUNDAY = Instant.parse("2026-05-03T02:30:00Z");
    private static final Instant MONDAY = Instant.parse("2026-05-04T02:30:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-05-05T02:30:00Z");
    private static final ConnectionProfile SERVER = new ConnectionProfile("srv", "db1", 5432, "postgres", "dba",
            SslMode.PREFER, null).withServer(ServerScope.everyDatabase());
    private static final ConnectionProfile ONE = new ConnectionProfile("one", "db1", 5432, "postgres", "dba",
            SslMode.PREFER, null);

    private static JobRun run(String profile, String database, Instant at, JobStatus status) {
        return JobRun.builder().id(profile + database + at).kind(JobRun.KIND_BACKUP).profile(profile).database(database)
                .origin("manual").startedAt(at).finishedAt(at.plusSeconds(5)).status(status).build();
    }

    private static BackupCatalog.Entry backup(String profile, String database, Instant at) {
        BackupRecord record = BackupRecord.builder().id(profile + database + at.getEpochSecond()).profile(profile)
                .host("db1").port(5432).database(database).serverVersion("15.4").pgDumpVersion("15.4")
                .format(BackupFormat.CUSTOM).compression("gzip:1").options(BackupOptions.defaults())
                .fileName(database + ".dump").sizeBytes(1).sha256("0".repeat(64)).createdAt(at)
                .status(BackupStatus.OK).origin(BackupRecord.ORIGIN_MANUAL).build();
        return new BackupCatalog.Entry(record, Path.of("/backups", profile, database, "b.backup.json"), BackupStatus.OK);
    }

    private static Schedule schedule(String profile, Instant created, boolean enabled) {
        return Schedule.builder().id("s-" + profile).profile(profile).cron("30 2 * * *").enabled(enabled)
                .createdAt(created).build();
    }

    private static BackupSets.SetEntry set(Instant at, BackupSet.Member... members) {
        return new BackupSets.SetEntry(new BackupSet(1, "s" + at.getEpochSecond(), "srv", "db1", 5432, "15",
                BackupFormat.CUSTOM, at, 1, null, null, "no roles", List.of(members), List.of(), null, "manual", false,
                false, List.of()), Path.of("srv.set.json"), List.of());
    }

    @Test
    void aServerConnectionIsJudgedByTheDatabasesOfItsNewestSetWrittenOrFailed() {
        List<JobRun> history = List.of(run("srv", "postgres", SUNDAY, JobStatus.OK), run("srv", "dropped", MONDAY,
                JobStatus.OK), run("one", "postgres", MONDAY, JobStatus.OK));

        List<Watched> watched = WatchedDatabases.of(List.of(SERVER, ONE), Map.of(), List.of(), List.of(
                set(MONDAY, new BackupSet.Member("sales", "a1", null), new BackupSet.Member("dropped", "a2", null)),
                set(TUESDAY, new BackupSet.Member("sales", "b1", null), new BackupSet.Member("broken", null, "denied"))),
                List.of(backup("srv", "sales", MONDAY)), history);

        assertThat(watched).extracting(Watched::key).containsExactlyInAnyOrder("srv/sales", "srv/broken", "one/postgres");
        assertThat(watched).filteredOn(w -> w.key().equals("srv/sales")).extracting(Watched::since)
                .containsExactly(MONDAY);
    }

    @Test
    void aServerConnectionWithoutASetYetIsWatchedAsItsHistorySaysOrAsAWhole() {
        List<Watched> byHistory = WatchedDatabases.of(List.of(SERVER), Map.of(), List.of(), List.of(), List.of(),
                List.of(run("srv", "sales", MONDAY, JobStatus.FAILED)));
        List<Watched> whole = WatchedDatabases.of(List.of(SERVER), Map.of("srv", SUNDAY),
                List.of(schedule("srv", MONDAY, true)), List.of(), List.of(), List.of());

        assertThat(byHistory).extracting(Watched::key).containsExactly("srv/sales");
        assertThat(whole).containsExactly(new Watched("srv", null, MONDAY));
    }

    @Test
    void aConnectionIsWatchedForTheDatabaseItNamesNowNotOneItNamedBefore() {
        List<Watched> watched = WatchedDatabases.of(List.of(ONE.withDatabase("crm")), Map.of("one", TUESDAY),
                List.of(schedule("one", TUESDAY, true)), List.of(), List.of(backup("one", "postgres", MONDAY)),
                List.of(run("one", "postgres", MONDAY, JobStatus.FAILED)));

        assertThat(watched).containsExactly(new Watched("one", "crm", TUESDAY));
    }

    @Test
    void aConnectionNobodyAskedToBackUpIsNotWatched() {
        assertThat(WatchedDatabases.of(List.of(ONE), Map.of("one", MONDAY), List.of(), List.of(), List.of(), List.of()))
                .as("a connection kept to restore into").isEmpty();
        assertThat(WatchedDatabases.of(List.of(ONE), Map.of("one", MONDAY), List.of(schedule("one", MONDAY, false)),
                List.of(), List.of(), List.of())).as("its only schedule is off").isEmpty();
    }

    @Test
    void theClockStartsAtTheFirstScheduleOrRunAndNeverBeforeTheConnectionWasAdded() {
        List<Watched> scheduledLater = WatchedDatabases.of(List.of(ONE), Map.of("one", SUNDAY),
                List.of(schedule("one", TUESDAY, true)), List.of(), List.of(), List.of());
        List<Watched> ranFirst = WatchedDatabases.of(List.of(ONE), Map.of("one", SUNDAY),
                List.of(schedule("one", TUESDAY, true)), List.of(), List.of(),
                List.of(run("one", "postgres", MONDAY, JobStatus.FAILED)));
        // a removed namesake's schedule was left behind, and its backups stay in the catalog
        List<Watched> namesake = WatchedDatabases.of(List.of(ONE), Map.of("one", TUESDAY),
                List.of(schedule("one", SUNDAY, true)), List.of(), List.of(backup("one", "postgres", SUNDAY)),
                List.of(run("one", "postgres", MONDAY, JobStatus.FAILED)));
        List<Watched> keptBeforeTimesWereKept = WatchedDatabases.of(List.of(ONE), Map.of(), List.of(), List.of(),
                List.of(backup("one", "postgres", SUNDAY)), List.of(run("one", "postgres", MONDAY, JobStatus.FAILED)));

        assertThat(scheduledLater).extracting(Watched::since).as("issue 19: not from long before").containsExactly(TUESDAY);
        assertThat(ranFirst).extracting(Watched::since).containsExactly(MONDAY);
        assertThat(namesake).extracting(Watched::since).containsExactly(TUESDAY);
        assertThat(keptBeforeTimesWereKept).extracting(Watched::since).containsExactly(SUNDAY);
    }

    @Test
    void aRemovedNamesakesBackupsAloneDoNotMakeTheNewConnectionWatched() {
        assertThat(WatchedDatabases.of(List.of(ONE), Map.of("one", TUESDAY), List.of(), List.of(),
                List.of(backup("one", "postgres", SUNDAY)), List.of())).isEmpty();
    }
}

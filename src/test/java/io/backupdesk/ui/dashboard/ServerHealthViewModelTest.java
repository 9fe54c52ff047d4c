package io.backupdesk.ui.dashboard;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.stats.DashboardStats;
import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.stats.Health;
import io.backupdesk.ui.SyncTaskRunner;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's health with server connections: a server's line from its newest set, its databases under it. */
class ServerHealthViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static DashboardViewModel model(List<DashboardViewModel.ServerSet> servers) {
        return new DashboardViewModel(ServerHealthViewModelTest::stats, () -> Duration.ofHours(26), Optional::empty,
                Optional::empty, () -> servers, new SyncTaskRunner());
    }

    private static BackupSet set(Instant at, List<BackupSet.Member> members) {
        return new BackupSet(1, "0123456789ab", "cluster", "pg", 5432, "16.4", BackupFormat.CUSTOM, at, 1000,
                "cluster_x.globals.sql", "0".repeat(64), null, members, List.of("test_scratch"), null, "manual", false,
                false, List.of());
    }

    @Test
    void aServersLineSaysHowItsNewestSetWentAndItsDatabasesFollowUnderIt() {
        BackupSet partial = set(NOW.minus(Duration.ofHours(2)), List.of(new BackupSet.Member("app", "aaaaaaaaaaaa", null),
                new BackupSet.Member("billing", null, "permission denied"),
                new BackupSet.Member("postgres", "bbbbbbbbbbbb", null)));
        DashboardViewModel model = model(List.of(DashboardViewModel.ServerSet.of("cluster", partial)));

        model.refresh();

        assertThat(model.health()).extracting(DashboardViewModel.HealthRow::database, DashboardViewModel.HealthRow::health,
                DashboardViewModel.HealthRow::kind).containsExactly(
                Tuple.tuple("prod/crm", Health.RED, DashboardViewModel.HealthRow.Kind.DATABASE),
                // a partial set warns though its databases are green
                Tuple.tuple("cluster", Health.AMBER, DashboardViewModel.HealthRow.Kind.SERVER),
                Tuple.tuple("app", Health.GREEN, DashboardViewModel.HealthRow.Kind.IN_SERVER),
                Tuple.tuple("postgres", Health.GREEN, DashboardViewModel.HealthRow.Kind.IN_SERVER),
                Tuple.tuple("prod/sales", Health.GREEN, DashboardViewModel.HealthRow.Kind.DATABASE));
        assertThat(model.health().get(1).note()).isEqualTo("Newest set 2 h ago: partial, 2 of 3; failed: billing");
    }

    @Test
    void aServerIsNoBetterThanItsLeastHealthyDatabase() {
        BackupSet complete = set(NOW.minus(Duration.ofHours(1)), List.of(new BackupSet.Member("app", "aaaaaaaaaaaa", null),
                new BackupSet.Member("postgres", "bbbbbbbbbbbb", null)));
        DatabaseHealth stale = new DatabaseHealth("cluster", "app", NOW.minus(Duration.ofDays(3)), null, null, Health.RED);

        List<DashboardViewModel.HealthRow> rows = ServerHealth.rows(List.of(stale),
                List.of(DashboardViewModel.ServerSet.of("cluster", complete)), NOW,
                h -> new DashboardViewModel.HealthRow(h.key(), h.health(), "", "", ""));

        assertThat(rows.get(0).health()).isEqualTo(Health.RED);
        assertThat(rows.get(0).note()).isEqualTo("Newest set 1 h ago: complete, 2 databases");
    }

    @Test
    void aServerConnectionWithoutASetYetIsNewUntilItFailsOrGoesPastItsRpo() {
        DashboardViewModel model = model(List.of(DashboardViewModel.ServerSet.of("fresh", null)));
        model.refresh();
        Instant added = NOW.minus(Duration.ofHours(1));
        DatabaseHealth waiting = new DatabaseHealth("fresh", null, null, null, null, Health.AMBER, added, false, false,
                null, null);
        DatabaseHealth failed = new DatabaseHealth("fresh", null, null, null, added, Health.RED, added, true, false,
                "could not connect to server", null);

        assertThat(model.health()).filteredOn(r -> r.kind() == DashboardViewModel.HealthRow.Kind.SERVER)
                .singleElement().satisfies(row -> {
                    assertThat(row.database()).isEqualTo("fresh");
                    assertThat(row.health()).as("issue 19: nobody asked for a set yet, so not red").isEqualTo(Health.AMBER);
                    assertThat(row.note()).isEqualTo("No set yet");
                });
        assertThat(serverRow(waiting).health()).as("issue 19: new, not red at once").isEqualTo(Health.AMBER);
        assertThat(serverRow(waiting).note()).isEqualTo("No set yet; new, so within the RPO");
        assertThat(serverRow(failed).health()).isEqualTo(Health.RED);
        assertThat(serverRow(failed).note()).isEqualTo("Last backup failed 1 h ago: could not connect to server");
        assertThat(serverRow(failed).toAcknowledge()).isEqualTo(failed.condition());
    }

    private static DashboardViewModel.HealthRow serverRow(DatabaseHealth whole) {
        return ServerHealth.rows(List.of(whole), List.of(DashboardViewModel.ServerSet.of("fresh", null)), NOW,
                h -> new DashboardViewModel.HealthRow(h.key(), h.health(), "", "", HealthNotes.of(h, NOW),
                        DashboardViewModel.HealthRow.Kind.DATABASE, h.needsAttention() ? h.condition() : null,
                        h.acknowledged())).get(0);
    }

    @Test
    void aSetsRunIsNamedAsTheWholeServersInTheRecentActivity() {
        DashboardViewModel model = model(List.of());

        model.refresh();

        assertThat(model.recent()).first().extracting(DashboardViewModel.ActivityRow::what)
                .isEqualTo("Set of cluster, the whole server");
    }

    private static DashboardStats stats() {
        return new DashboardStats(NOW, 10, 1000, NOW, 1.0, 1.0, Duration.ofSeconds(30), 5.0, 1000,
                List.of(new DatabaseHealth("prod", "crm", NOW.minus(Duration.ofDays(2)), null, null, Health.RED),
                        new DatabaseHealth("cluster", "app", NOW, NOW, null, Health.GREEN),
                        new DatabaseHealth("cluster", "postgres", NOW, NOW, null, Health.GREEN),
                        new DatabaseHealth("prod", "sales", NOW, NOW, null, Health.GREEN)),
                Map.of(), List.of(), List.of(), Map.of(), List.of(JobRun.builder().id("r1").kind(JobRun.KIND_SET)
                        .profile("cluster").origin("manual").startedAt(NOW).finishedAt(NOW).status(JobStatus.OK)
                        .build()));
    }
}

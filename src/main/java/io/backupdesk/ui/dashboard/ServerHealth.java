package io.backupdesk.ui.dashboard;

import io.backupdesk.core.BackupSet;
import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.stats.Health;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The health list with server connections: a server's row says how its newest set went, and its databases follow
 * under it, each with its own health. A server is as healthy as its least healthy database, and no better than its
 * newest set: a partial set warns, a failed one is red. Before its first set, the server connection is judged as a
 * whole (its line in the health has no database): new, failed, or past its RPO.
 */
final class ServerHealth {
    private ServerHealth() { }

    /**
     * @param databases every database's health, as the numbers have it
     * @param servers   the server connections, each with its newest set
     * @param plain     a database's row, as the list shows one that is not a server's
     */
    static List<DashboardViewModel.HealthRow> rows(List<DatabaseHealth> databases,
                                                   List<DashboardViewModel.ServerSet> servers, Instant now,
                                                   Function<DatabaseHealth, DashboardViewModel.HealthRow> plain) {
        Map<String, DashboardViewModel.ServerSet> byProfile = servers.stream()
                .collect(Collectors.toMap(DashboardViewModel.ServerSet::profile, s -> s, (a, b) -> a));
        List<List<DashboardViewModel.HealthRow>> groups = new ArrayList<>();
        databases.stream().filter(d -> !byProfile.containsKey(d.profile()))
                .forEach(d -> groups.add(List.of(plain.apply(d))));
        for (DashboardViewModel.ServerSet server : servers) {
            List<DatabaseHealth> own = databases.stream()
                    .filter(d -> d.profile().equals(server.profile()) && d.database() != null).toList();
            Optional<DatabaseHealth> whole = databases.stream()
                    .filter(d -> d.profile().equals(server.profile()) && d.database() == null).findFirst();
            List<DashboardViewModel.HealthRow> group = new ArrayList<>();
            group.add(serverRow(server, own, whole, now, plain));
            own.stream().sorted(Comparator.comparing(DatabaseHealth::database)).map(plain).forEach(row ->
                    group.add(row.as(row.database().substring(server.profile().length() + 1),
                            DashboardViewModel.HealthRow.Kind.IN_SERVER)));
            groups.add(group);
        }
        // the worst first, as the list was before servers: a server goes by its own row
        groups.sort(Comparator.comparing((List<DashboardViewModel.HealthRow> g) -> g.get(0).health()).reversed()
                .thenComparing(g -> g.get(0).database()));
        return groups.stream().flatMap(List::stream).toList();
    }

    /**
     * @param whole the server connection judged as a whole, before its first set; empty when it has a set, or nobody
     *              asked for one yet
     */
    private static DashboardViewModel.HealthRow serverRow(DashboardViewModel.ServerSet server,
                                                          List<DatabaseHealth> own, Optional<DatabaseHealth> whole,
                                                          Instant now,
                                                          Function<DatabaseHealth, DashboardViewModel.HealthRow> plain) {
        Health worst = own.stream().map(DatabaseHealth::health).max(Comparator.naturalOrder()).orElse(Health.RED);
        if (server.newest() == null) {
            // new, failed or stale as the health judged it; waiting for its first set while nobody asked for one
            return whole.map(h -> {
                DashboardViewModel.HealthRow row = plain.apply(h).as(server.profile(),
                        DashboardViewModel.HealthRow.Kind.SERVER);
                return h.failing() || h.stale() ? row : new DashboardViewModel.HealthRow(server.profile(), row.health(),
                        "–", "–", Messages.get("dashboard.server.new"), DashboardViewModel.HealthRow.Kind.SERVER);
            }).orElseGet(() -> new DashboardViewModel.HealthRow(server.profile(),
                    own.isEmpty() || worst == Health.GREEN ? Health.AMBER : worst, "–", "–",
                    Messages.get("dashboard.server.none"), DashboardViewModel.HealthRow.Kind.SERVER));
        }
        Health set = switch (server.status()) {
            case COMPLETE -> Health.GREEN;
            case PARTIAL -> Health.AMBER;
            case FAILED -> Health.RED;
        };
        Health health = set.compareTo(worst) > 0 ? set : worst;
        String age = Formats.age(server.newest(), now);
        String note = switch (server.status()) {
            case COMPLETE -> Messages.get("dashboard.server.complete", age, server.databases());
            case PARTIAL -> Messages.get("dashboard.server.partial", age, server.written(), server.databases(),
                    String.join(", ", server.failed()));
            case FAILED -> Messages.get("dashboard.server.failed", age);
        };
        return new DashboardViewModel.HealthRow(server.profile(), health, age, "–", note,
                DashboardViewModel.HealthRow.Kind.SERVER);
    }

    /** The newest set's standing of one server connection; for the app to make from the sets it lists. */
    static DashboardViewModel.ServerSet of(String profile, BackupSet newest) {
        if (newest == null) {
            return new DashboardViewModel.ServerSet(profile, null, null, 0, 0, List.of());
        }
        List<String> failed = newest.failed().stream().map(BackupSet.Member::database).toList();
        return new DashboardViewModel.ServerSet(profile, newest.createdAt(), newest.status(),
                newest.members().size() - failed.size(), newest.members().size(), failed);
    }
}

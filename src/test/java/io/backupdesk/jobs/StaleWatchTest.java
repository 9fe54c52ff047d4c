package io.backupdesk.jobs;

import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.stats.Health;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StaleWatchTest {
    private static final Instant MONDAY = Instant.parse("2026-05-04T02:30:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-05-05T02:30:00Z");

    private static DatabaseHealth stale(String database, Instant lastBackup) {
        return new DatabaseHealth("prod", database, lastBackup, null, null, Health.RED);
    }

    @Test
    void aStaleDatabaseIsToldOnceAndNotAgainAtTheNextStart() {
        StaleWatch.Decision first = StaleWatch.look(List.of(stale("sales", MONDAY)), Set.of());
        StaleWatch.Decision restarted = StaleWatch.look(List.of(stale("sales", MONDAY)), first.told());

        assertThat(first.toTell()).extracting(DatabaseHealth::key).containsExactly("prod/sales");
        assertThat(restarted.toTell()).as("issue 19: a toast on every start").isEmpty();
    }

    @Test
    void aNewEpisodeAfterAFreshBackupIsToldAgain() {
        Set<String> told = StaleWatch.look(List.of(stale("sales", MONDAY)), Set.of()).told();
        StaleWatch.Decision mended = StaleWatch.look(List.of(new DatabaseHealth("prod", "sales", TUESDAY, TUESDAY, null,
                Health.GREEN)), told);

        StaleWatch.Decision staleAgain = StaleWatch.look(List.of(stale("sales", TUESDAY)), mended.told());

        assertThat(mended.told()).isEmpty();
        assertThat(staleAgain.toTell()).extracting(DatabaseHealth::key).containsExactly("prod/sales");
    }

    @Test
    void aRemovedConnectionsEpisodeIsForgotten() {
        Set<String> told = StaleWatch.look(List.of(stale("sales", MONDAY), stale("crm", null)), Set.of()).told();

        StaleWatch.Decision after = StaleWatch.look(List.of(stale("sales", MONDAY)), told);

        assertThat(after.toTell()).isEmpty();
        assertThat(after.told()).containsExactly("prod/sales@" + MONDAY);
    }
}

package io.backupdesk.jobs;

import io.backupdesk.stats.DatabaseHealth;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which databases to alert about for going past their RPO: each once per staleness episode, over restarts, and none
 * the user acknowledged. An episode is a database with the same newest good backup (or none); a fresh backup ends it,
 * and the next one starts with another backup, so it is told again. Episodes of databases no longer stale, or no
 * longer judged because their connection was removed, are forgotten. Pure, so the app keeps the told set where it
 * likes.
 */
public final class StaleWatch {
    private StaleWatch() { }

    /**
     * @param toTell the stale databases not told about in this episode yet, nor acknowledged
     * @param told   the episodes told about, to keep for the next look
     */
    public record Decision(List<DatabaseHealth> toTell, Set<String> told) { }

    public static Decision look(Collection<DatabaseHealth> health, Set<String> toldBefore) {
        List<DatabaseHealth> stale = health.stream().filter(DatabaseHealth::stale).toList();
        Set<String> told = new TreeSet<>();
        List<DatabaseHealth> toTell = stale.stream()
                .filter(h -> !toldBefore.contains(episode(h)) && !h.acknowledged()).toList();
        // an acknowledged episode counts as told: it is not told when the acknowledgement is forgotten either
        stale.forEach(h -> told.add(episode(h)));
        return new Decision(toTell, told);
    }

    static String episode(DatabaseHealth h) {
        return h.key() + "@" + (h.lastBackup() == null ? "none" : h.lastBackup().toString());
    }
}

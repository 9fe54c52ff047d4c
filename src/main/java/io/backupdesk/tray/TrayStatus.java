package io.backupdesk.tray;

import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.stats.Health;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tray icon's state and tooltip, worked out from the history, the databases' health and the scheduler. Pure, so
 * that the rules are tested without a tray: running beats failed, failed beats stale; a failure counts only while
 * it is the newest run of its database, so the next good run clears it, and only while its connection exists: a
 * removed connection's last failure is nobody's to mend. Copies off the desk that failed are a warning, shown as a
 * stale database is: the backups are good here, yet not where they should also be.
 */
public record TrayStatus(TrayState state, String tooltip, List<String> failedDatabases, List<String> staleDatabases) {
    private static final int MAX_TOOLTIP = 127;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.UK);

    /**
     * @param profiles     the names of the connections that exist now
     * @param failedCopies the copies off the desk that failed, or were found damaged, and wait for a person
     */
    public static TrayStatus of(boolean running, boolean paused, List<JobRun> history, List<DatabaseHealth> health,
                                Collection<String> profiles, int failedCopies, Optional<Instant> nextRun, Instant now,
                                ZoneId zone, TrayTexts texts) {
        List<String> failed = newestRunPerDatabase(history).entrySet().stream()
                .filter(e -> profiles.contains(e.getValue().profile()))
                .filter(e -> e.getValue().status() == JobStatus.FAILED || e.getValue().status() == JobStatus.INTERRUPTED)
                .map(Map.Entry::getKey).sorted().toList();
        List<String> stale = health.stream().filter(h -> h.health() == Health.RED).map(DatabaseHealth::key).sorted().toList();
        TrayState state = running ? TrayState.RUNNING : !failed.isEmpty() ? TrayState.FAILED
                : !stale.isEmpty() || failedCopies > 0 ? TrayState.STALE : TrayState.OK;
        List<String> parts = new ArrayList<>();
        parts.add(texts.get("tray.tooltip", switch (state) {
            case RUNNING -> texts.get("tray.tooltip.running");
            case FAILED -> texts.get("tray.tooltip.failed", String.join(", ", failed));
            case STALE -> stale.isEmpty() ? texts.get("tray.tooltip.copies", failedCopies)
                    : texts.get("tray.tooltip.stale", String.join(", ", stale));
            case OK -> texts.get("tray.tooltip.ok");
        }));
        lastRun(history).ifPresent(r -> parts.add(texts.get("tray.tooltip.last", r.database(),
                r.status() == null ? texts.get("tray.tooltip.lastRunning") : r.status().name().toLowerCase(Locale.ROOT),
                when(r.startedAt(), now, zone))));
        parts.add(texts.get("tray.tooltip.next", paused ? texts.get("tray.tooltip.paused")
                : nextRun.map(t -> when(t, now, zone)).orElse(texts.get("tray.tooltip.none"))));
        String tip = String.join(" · ", parts);
        // one line: X11 tray hosts do not break tooltips, and Windows cuts them at 127 characters
        String text = tip.length() > MAX_TOOLTIP ? tip.substring(0, MAX_TOOLTIP - 1) + "…" : tip;
        return new TrayStatus(state, text, failed, stale);
    }

    /** "14:05" today, "Mon 02:30" on another day. */
    private static String when(Instant at, Instant now, ZoneId zone) {
        boolean today = at.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? TIME : DAY_AND_TIME).format(at.atZone(zone));
    }

    /** The newest backup run of each profile/database that really ran: skipped and cancelled runs say nothing. */
    private static Map<String, JobRun> newestRunPerDatabase(List<JobRun> history) {
        Map<String, JobRun> newest = new HashMap<>();
        for (JobRun r : history) {
            if (!JobRun.KIND_BACKUP.equals(r.kind()) || r.status() == null || r.status() == JobStatus.SKIPPED
                    || r.status() == JobStatus.CANCELLED) {
                continue;
            }
            newest.merge(r.profile() + "/" + r.database(), r,
                    (a, b) -> a.startedAt().isAfter(b.startedAt()) ? a : b);
        }
        return newest;
    }

    /** The newest backup run that ran: a skipped one made no backup and says little about the databases. */
    private static Optional<JobRun> lastRun(List<JobRun> history) {
        return history.stream().filter(r -> JobRun.KIND_BACKUP.equals(r.kind()) && r.status() != JobStatus.SKIPPED)
                .max(Comparator.comparing(JobRun::startedAt));
    }
}

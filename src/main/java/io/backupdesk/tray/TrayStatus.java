package io.backupdesk.tray;

import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.stats.DatabaseHealth;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tray icon's state and tooltip, worked out from the databases' health, the history and the scheduler. Pure, so
 * that the rules are tested without a tray: running beats failed, failed beats stale. Failed and stale are the
 * health's (a failure counts while it is the newest run of its database, and only for the connections that exist), less
 * what the user acknowledged: an acknowledged alert no longer colours the icon, until something new happens. Copies
 * off the desk that failed are a warning, shown as a stale database is: the backups are good here, yet not where they
 * should also be.
 *
 * @param alerts the conditions behind the colour, which the tray's Acknowledge acknowledges
 */
public record TrayStatus(TrayState state, String tooltip, List<String> failedDatabases, List<String> staleDatabases,
                         List<String> alerts) {
    private static final int MAX_TOOLTIP = 127;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.UK);

    /**
     * @param health       the health of the databases of the connections that exist now, with its acknowledgements
     * @param failedCopies the copies off the desk that failed, or were found damaged, and wait for a person
     */
    public static TrayStatus of(boolean running, boolean paused, List<JobRun> history, List<DatabaseHealth> health,
                                int failedCopies, Optional<Instant> nextRun, Instant now, ZoneId zone, TrayTexts texts) {
        List<DatabaseHealth> attention = health.stream().filter(DatabaseHealth::needsAttention).toList();
        List<String> failed = attention.stream().filter(DatabaseHealth::failing).map(DatabaseHealth::key).sorted()
                .toList();
        List<String> stale = attention.stream().filter(h -> h.stale() && !h.failing()).map(DatabaseHealth::key)
                .sorted().toList();
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
        return new TrayStatus(state, text, failed, stale,
                attention.stream().map(DatabaseHealth::condition).toList());
    }

    /** "14:05" today, "Mon 02:30" on another day. */
    private static String when(Instant at, Instant now, ZoneId zone) {
        boolean today = at.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? TIME : DAY_AND_TIME).format(at.atZone(zone));
    }

    /** The newest backup run that ran: a skipped one made no backup and says little about the databases. */
    private static Optional<JobRun> lastRun(List<JobRun> history) {
        return history.stream().filter(r -> JobRun.KIND_BACKUP.equals(r.kind()) && r.status() != JobStatus.SKIPPED)
                .max(Comparator.comparing(JobRun::startedAt));
    }
}

package io.backupdesk.ui.dashboard;

import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;

import java.time.Instant;

/**
 * The words beside a database in the health list: a failure said as a failure (when, and why), past the RPO said
 * as such, a new database as new; and that the user acknowledged what is wrong.
 */
final class HealthNotes {
    private HealthNotes() { }

    static String of(DatabaseHealth h, Instant now) {
        String note = h.failing()
                ? Messages.get(h.stale() ? "dashboard.health.red.failedStale" : "dashboard.health.red.failed",
                Formats.age(h.lastFailure(), now), h.error())
                : switch (h.health()) {
                    case GREEN -> Messages.get("dashboard.health.green");
                    case AMBER -> h.lastBackup() == null ? Messages.get("dashboard.health.amber.none")
                            : Messages.get("dashboard.health.amber");
                    case RED -> h.lastBackup() != null
                            ? Messages.get("dashboard.health.red.stale", Formats.age(h.lastBackup(), now))
                            : h.since() != null ? Messages.get("dashboard.health.red.none", Formats.age(h.since(), now))
                            : Messages.get("dashboard.health.red.never");
                };
        return h.acknowledged() ? Messages.get("dashboard.health.acknowledged", note, Formats.age(h.acknowledgedAt(), now))
                : note;
    }
}

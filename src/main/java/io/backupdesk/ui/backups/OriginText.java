package io.backupdesk.ui.backups;

import io.backupdesk.core.Origin;
import io.backupdesk.jobs.ScheduleNames;
import io.backupdesk.ui.Messages;

import java.util.Optional;

/** Who made a backup, in words for the list and the details: "Schedule 'nightly'", "Back up now", "Command line". */
public final class OriginText {
    static final OriginText NONE = new OriginText(ScheduleNames.NONE);

    private final ScheduleNames schedules;

    /** @param schedules the schedules this desk has or removed, to name a schedule by */
    OriginText(ScheduleNames schedules) {
        this.schedules = schedules;
    }

    /** A backup's or a set's origin in words. */
    public String of(BackupRowViewModel row) {
        return text(row.isSet() ? row.set().set().origin() : row.entry().record().origin());
    }

    /** A stored origin in words; a text that is none of ours as it is. */
    public String text(String stored) {
        Origin origin = Origin.of(stored);
        return switch (origin.kind()) {
            case BACK_UP_NOW -> Messages.get("backups.origin.backUpNow");
            case COMMAND_LINE -> Messages.get("backups.origin.commandLine");
            case TRAY -> Messages.get("backups.origin.tray");
            case BY_HAND -> Messages.get("backups.origin.byHand");
            case IMPORT -> Messages.get("backups.origin.import");
            case SAFETY_BACKUP -> Messages.get("backups.origin.safety");
            case ROLLBACK -> Messages.get("backups.origin.rollback");
            case SCHEDULE -> schedule(origin, schedules.of(origin));
            case TEST_RESTORE -> Messages.get("backups.origin.testRestore", schedule(origin, schedules.of(origin)));
            // a newer version's origin, or an edited sidecar's: shown as it is rather than guessed at
            case UNKNOWN -> stored == null || stored.isBlank() ? Messages.get("backups.origin.none") : stored;
        };
    }

    private static String schedule(Origin origin, Optional<ScheduleNames.Known> known) {
        if (known.isEmpty()) {
            // removed before schedules had names, or made on another desk that shares the backup folder
            return Messages.get("backups.origin.schedule.unknown", origin.reference());
        }
        ScheduleNames.Known k = known.get();
        if (k.name() == null) {
            return Messages.get(k.removed() ? "backups.origin.schedule.removedUnnamed" : "backups.origin.schedule.unnamed",
                    k.profile(), k.id());
        }
        return Messages.get(k.removed() ? "backups.origin.schedule.removed" : "backups.origin.schedule", k.name());
    }
}

package io.backupdesk.cli;

import io.backupdesk.core.Origin;
import io.backupdesk.jobs.ScheduleNames;

import java.util.Optional;

/** Who made a backup, in words for a table: "schedule 'nightly'", "back up now", "command line". */
final class OriginWords {
    private OriginWords() { }

    static String of(String stored, ScheduleNames schedules) {
        Origin origin = Origin.of(stored);
        return switch (origin.kind()) {
            case BACK_UP_NOW -> "back up now";
            case COMMAND_LINE -> "command line";
            case TRAY -> "tray";
            case BY_HAND -> "by hand";
            case IMPORT -> "imported";
            case SAFETY_BACKUP -> "before restore " + origin.reference();
            case ROLLBACK -> "rollback of " + origin.reference();
            case SCHEDULE, TEST_RESTORE -> schedule(origin, schedules.of(origin));
            case UNKNOWN -> stored == null || stored.isBlank() ? "-" : stored;
        };
    }

    private static String schedule(Origin origin, Optional<ScheduleNames.Known> known) {
        String what = origin.kind() == Origin.Kind.TEST_RESTORE ? "test restore of " : "";
        if (known.isEmpty()) {
            // removed before schedules had names, or made on another desk that shares the catalog
            return what + "schedule " + origin.reference() + " (not on this desk)";
        }
        ScheduleNames.Known k = known.get();
        String name = k.name() == null ? "schedule of " + k.profile() + " (" + k.id() + ")" : "schedule '" + k.name() + "'";
        return what + (k.removed() ? "removed " : "") + name;
    }
}

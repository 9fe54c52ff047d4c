package io.backupdesk.backup;

import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;

import java.time.ZoneId;
import java.util.List;

/**
 * Retention rules over the backups of one origin, as a cleanup applies them: a schedule's policy prunes only the
 * backups that schedule made, with its days, weeks and months counted in the schedule's time zone. A policy needs no
 * schedule to be planned with; the schedules screen previews the rules being edited this way.
 *
 * @param origin the origin the backups' sidecars carry, e.g. {@code schedule:<id>}
 */
public record OriginRetention(String origin, RetentionPolicy policy, ZoneId zone) {
    public OriginRetention {
        policy = policy == null ? RetentionPolicy.none() : policy;
    }

    /** The rules of the profile's schedules that have any, each over the backups it made. */
    public static List<OriginRetention> ofSchedules(String profile, List<Schedule> schedules) {
        return schedules.stream().filter(s -> profile.equals(s.profile()) && !s.retention().isNone())
                .map(s -> new OriginRetention(s.origin(), s.retention(), s.zoneId())).toList();
    }
}

package io.backupdesk.jobs;

import io.backupdesk.core.Origin;
import io.backupdesk.core.Schedule;
import io.backupdesk.store.ScheduleStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schedules a desk has, and those it removed since schedules had names, by id: what a front end needs to say
 * "Schedule 'nightly'" where a backup's origin says {@code schedule:8b9d1c2e4f5a}.
 */
public final class ScheduleNames {
    /**
     * One schedule as its backups name it.
     *
     * @param name    null for one without a name
     * @param removed whether it was removed; its backups stay
     */
    public record Known(String id, String name, String profile, boolean removed) { }

    public static final ScheduleNames NONE = new ScheduleNames(Map.of());

    private final Map<String, Known> byId;

    private ScheduleNames(Map<String, Known> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** Every schedule the store has or had since schedules had names. */
    public static ScheduleNames of(ScheduleStore store) {
        return of(store.list(), store.removed());
    }

    /** A schedule that exists wins over a removed one with the same id (an edited file). */
    public static ScheduleNames of(List<Schedule> schedules, List<ScheduleStore.Removed> removed) {
        Map<String, Known> known = new HashMap<>();
        removed.forEach(r -> known.put(r.id(), new Known(r.id(), r.name(), r.profile(), true)));
        schedules.forEach(s -> known.put(s.id(), new Known(s.id(), s.name(), s.profile(), false)));
        return new ScheduleNames(known);
    }

    /** The schedule an origin names (a schedule's run or its test restore); empty for any other origin. */
    public Optional<Known> of(Origin origin) {
        if (origin.kind() != Origin.Kind.SCHEDULE && origin.kind() != Origin.Kind.TEST_RESTORE) {
            return Optional.empty();
        }
        return Optional.ofNullable(byId.get(origin.reference()));
    }
}

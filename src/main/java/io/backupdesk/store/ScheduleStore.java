package io.backupdesk.store;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Schedule;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Backup schedules in {@code schedules.json}. Thread-safe; every change is written through at once. */
public final class ScheduleStore {
    /**
     * The file's shape.
     *
     * @param pausedSince when all schedules were paused (tray menu, {@code schedule pause}); null while they run
     * @param resumedAt   when the last pause ended; what fell into it is not caught up. Null when there was none
     * @param lastPauseStart when that pause began: a run due before it was missed, not paused
     * @param removed     the schedules removed since they had names, so that their backups can still say whose they
     *                    are
     */
    public record SchedulesFile(int schemaVersion, List<Schedule> schedules, Instant pausedSince, Instant resumedAt,
                                Instant lastPauseStart, List<Removed> removed) {
        public SchedulesFile {
            schedules = schedules == null ? List.of() : List.copyOf(schedules);
            removed = removed == null ? List.of() : removed.stream().filter(r -> r != null && r.id() != null).toList();
        }
    }

    /**
     * What is kept of a removed schedule: enough to name it where its backups are listed.
     *
     * @param name null for one removed without a name
     */
    public record Removed(String id, String name, String profile, Instant removedAt) {
        public Removed {
            // read from a file anyone may have edited, as a schedule's name is
            name = name == null || !Schedule.VALID_NAME.matcher(name.strip()).matches() ? null : name.strip();
        }
    }

    private static final int VERSION = 1;
    private final JsonFile<SchedulesFile> file;

    public ScheduleStore(Path configDir, Consumer<String> warnings) {
        this.file = new JsonFile<>(configDir.resolve("schedules.json"), SchedulesFile.class, VERSION,
                () -> new SchedulesFile(VERSION, List.of(), null, null, null, List.of()), warnings);
    }

    /**
     * The copy an unreadable schedules file was set aside as, until a new file is saved; empty while the schedules
     * can be read. Reads the file first, so a file broken just now is set aside and reported here too.
     */
    public synchronized Optional<Path> setAside() {
        file.read();
        return file.setAside();
    }

    /** Whether this process set the file aside, i.e. is the first to find it broken. */
    public boolean setAsideByThisProcess() {
        return file.setAsideByThisProcess();
    }

    /** When the file last changed, in milliseconds; 0 while there is none. Another process may change it. */
    public long lastModified() {
        return file.path().toFile().lastModified();
    }

    /** By profile, then by creation. */
    public synchronized List<Schedule> list() {
        return file.read().schedules().stream().sorted(Comparator.comparing(Schedule::profile)
                .thenComparing(s -> s.createdAt() == null ? Instant.EPOCH : s.createdAt())).toList();
    }

    public synchronized Optional<Schedule> find(String id) {
        return file.read().schedules().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Schedule require(String id) {
        return find(id).orElseThrow(() -> BackupDeskException.configuration("There is no schedule '" + id + "'.",
                "Check the schedule's id among the schedules.")
                .withCommandLineHint("List the schedules with 'backupdesk schedule list'."));
    }

    /** Adds the schedule, or replaces the one with the same id. */
    public synchronized void save(Schedule schedule) {
        List<Schedule> schedules = new ArrayList<>(file.read().schedules());
        schedules.removeIf(s -> s.id().equals(schedule.id()));
        schedules.add(schedule);
        file.write(withSchedules(schedules));
    }

    public synchronized Optional<Instant> pausedSince() {
        return Optional.ofNullable(file.read().pausedSince());
    }

    public synchronized Optional<Instant> resumedAt() {
        return Optional.ofNullable(file.read().resumedAt());
    }

    public synchronized Optional<Instant> lastPauseStart() {
        return Optional.ofNullable(file.read().lastPauseStart());
    }

    /** Pauses all schedules; a pause already on keeps its start. */
    public synchronized void pause(Instant at) {
        SchedulesFile current = file.read();
        if (current.pausedSince() == null) {
            file.write(new SchedulesFile(VERSION, current.schedules(), at, current.resumedAt(), current.lastPauseStart(),
                    current.removed()));
        }
    }

    /** Ends the pause; nothing happens when there is none. */
    public synchronized void resume(Instant at) {
        SchedulesFile current = file.read();
        if (current.pausedSince() != null) {
            file.write(new SchedulesFile(VERSION, current.schedules(), null, at, current.pausedSince(),
                    current.removed()));
        }
    }

    private SchedulesFile withSchedules(List<Schedule> schedules) {
        SchedulesFile current = file.read();
        return new SchedulesFile(VERSION, schedules, current.pausedSince(), current.resumedAt(), current.lastPauseStart(),
                current.removed());
    }

    /** Removes the schedule, keeping its name, connection and id among {@link #removed()}. */
    public synchronized boolean remove(String id, Instant at) {
        SchedulesFile current = file.read();
        List<Schedule> schedules = new ArrayList<>(current.schedules());
        Optional<Schedule> gone = schedules.stream().filter(s -> s.id().equals(id)).findFirst();
        if (gone.isEmpty()) {
            return false;
        }
        schedules.remove(gone.get());
        List<Removed> removed = new ArrayList<>(current.removed());
        removed.removeIf(r -> r.id().equals(id));
        removed.add(new Removed(id, gone.get().name(), gone.get().profile(), at));
        file.write(new SchedulesFile(VERSION, schedules, current.pausedSince(), current.resumedAt(),
                current.lastPauseStart(), removed));
        return true;
    }

    /** Removes the schedule now. */
    public boolean remove(String id) {
        return remove(id, Instant.now());
    }

    /** The schedules removed since schedules had names, oldest first. */
    public synchronized List<Removed> removed() {
        return file.read().removed();
    }
}

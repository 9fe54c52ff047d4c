package io.backupdesk.jobs;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Ids;
import io.backupdesk.core.Schedule;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.ScheduleStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The schedules as people make and name them, for the command line and the Schedules screen alike: what a new one
 * starts from, the rules a saved one must keep (a unique, valid name; a preset that exists; options a run can take),
 * finding one by id or name, and removing one so that its backups can still say whose they were.
 */
public final class Schedules {
    /** What is wrong with a name typed for a schedule. */
    public enum NameProblem { NONE, EMPTY, INVALID, TAKEN }

    private final ScheduleStore store;
    private final ProfileStore profiles;
    private final Presets presets;
    private final Clock clock;

    public Schedules(ScheduleStore store, ProfileStore profiles, Presets presets, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.presets = presets;
        this.clock = clock;
    }

    public List<Schedule> list() {
        return store.list();
    }

    /**
     * A new schedule of the connection, not yet saved: switched on, named after the connection, and dumping as the
     * connection does, by reference: its preset (or the settings' defaults) as they are at each run. Its options
     * hold what that is now, as the starting point of options of its own.
     */
    public Schedule draft(String profileName) {
        ConnectionProfile profile = profiles.require(profileName);
        return newSchedule(profile.name(), takenNames(null), clock.instant()).toBuilder()
                .options(presets.startingPoint(profile, null)).build();
    }

    /**
     * What {@link #draft} is, for a front end that holds the schedules already (the Schedules screen): a new id, made
     * now, switched on, named after the connection and following it.
     *
     * @param taken the names and ids of the schedules there are
     */
    public static Schedule newSchedule(String profileName, Collection<String> taken, Instant now) {
        return Schedule.builder().id(Ids.newId()).profile(profileName).enabled(true).createdAt(now)
                .name(suggestName(profileName, taken)).optionsFrom(Schedule.OptionsFrom.CONNECTION).build();
    }

    /** The names of the schedules but the one with this id (null for none), as they are compared: in lower case. */
    private Set<String> takenNames(String exceptId) {
        return list().stream().filter(s -> !s.id().equals(exceptId)).flatMap(s -> s.name() == null ? List.of(s.id()).stream()
                : List.of(s.id(), s.name()).stream()).map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The connection's name, else with the first free number after it: "sales", "sales 2", "sales 3". */
    public static String suggestName(String profile, Collection<String> taken) {
        Set<String> lower = taken.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String base = profile.length() > 60 ? profile.substring(0, 60) : profile;
        if (!lower.contains(base.toLowerCase(Locale.ROOT))) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + " " + n;
            if (!lower.contains(candidate.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
    }

    /**
     * What is wrong with the name for the schedule {@code selfId} among the others: names are told apart without
     * regard to case, and none may be another schedule's id, which the command line takes in its place.
     *
     * @param others every schedule's name and id but this one's
     */
    public static NameProblem nameProblem(String name, Collection<String> others) {
        if (name == null || name.isBlank()) {
            return NameProblem.EMPTY;
        }
        if (!Schedule.VALID_NAME.matcher(name.strip()).matches()) {
            return NameProblem.INVALID;
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return others.stream().anyMatch(o -> o != null && o.toLowerCase(Locale.ROOT).equals(lower))
                ? NameProblem.TAKEN : NameProblem.NONE;
    }

    /** @throws BackupDeskException saying what is wrong with the name, when something is */
    public void checkName(String name, String selfId) {
        switch (nameProblem(name, takenNames(selfId))) {
            case EMPTY -> throw BackupDeskException.configuration("A schedule needs a name.",
                    "Name it by when or why it runs, e.g. nightly.");
            case INVALID -> throw BackupDeskException.configuration("'" + name + "' is not a valid schedule name.",
                    "Use up to 64 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.");
            case TAKEN -> throw BackupDeskException.configuration("There is a schedule named '" + name.strip()
                    + "' already.", "Choose another name; names are told apart without regard to case.");
            case NONE -> { }
        }
    }

    /**
     * Stores a new or changed schedule once it can run: its connection exists, a new one has a name and every name is
     * unique, the preset it names exists, and (while it is switched on) what it would dump with now is what a backup
     * of that connection can take. A schedule switched off is stored whatever its options, so that one can always be
     * stopped.
     */
    public Schedule save(Schedule schedule) {
        ConnectionProfile profile = profiles.require(schedule.profile());
        boolean isNew = store.find(schedule.id()).isEmpty();
        if (schedule.name() != null || isNew) {
            checkName(schedule.name(), schedule.id());
        }
        if (schedule.optionsFrom() == Schedule.OptionsFrom.PRESET) {
            presets.require(schedule.preset());
        }
        if (schedule.enabled()) {
            check(presets.forRun(schedule), profile);
        }
        store.save(schedule);
        return schedule;
    }

    /** What a run of the connection with these options would be refused for, said before it is saved. */
    private static void check(BackupOptions options, ConnectionProfile profile) {
        options.checked();
        List<String> keys = EncryptionKeys.forRun(options.encryptTo(), profile);
        // pg_dump writes a directory archive's files itself, in plaintext, so it cannot be encrypted
        if (options.format() == BackupFormat.DIRECTORY && !keys.isEmpty()) {
            throw BackupDeskException.configuration("Backups in the directory format cannot be encrypted in this version,"
                    + " and this schedule's would be encrypted to " + String.join(", ", keys)
                    + (options.encryptTo().isEmpty() ? " (the connection's keys)." : "."),
                    "Choose the custom, tar or plain format, or a preset with one of them, for an encrypted schedule.")
                    .withCommandLineHint("Choose --format custom, tar or plain for an encrypted schedule.");
        }
        if (profile.wholeServer()) {
            SetBackupJob.check(options);
        }
    }

    /** By id, else by name (without regard to case). */
    public Optional<Schedule> find(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        Optional<Schedule> byId = store.find(idOrName);
        if (byId.isPresent()) {
            return byId;
        }
        List<Schedule> named = list().stream().filter(s -> s.name() != null
                && s.name().equalsIgnoreCase(idOrName.strip())).toList();
        if (named.size() > 1) {
            throw BackupDeskException.configuration("More than one schedule is named '" + idOrName + "'.",
                    "Name the schedule by its id instead.")
                    .withCommandLineHint("Name the schedule by its id ('backupdesk schedule list' shows them).");
        }
        return named.stream().findFirst();
    }

    public Schedule require(String idOrName) {
        return find(idOrName).orElseThrow(() -> BackupDeskException.configuration("There is no schedule '" + idOrName
                + "'.", "Check the schedule's name or id among the schedules.")
                .withCommandLineHint("List the schedules with 'backupdesk schedule list'."));
    }

    /** Gives the schedule a new name; nothing else of it changes. */
    public Schedule rename(String idOrName, String name) {
        Schedule schedule = require(idOrName);
        checkName(name, schedule.id());
        Schedule renamed = schedule.toBuilder().name(name.strip()).build();
        store.save(renamed);
        return renamed;
    }

    /** Removes the schedule; its backups and history stay, and go on naming it as a removed schedule. */
    public Schedule remove(String idOrName) {
        Schedule schedule = require(idOrName);
        store.remove(schedule.id(), clock.instant());
        return schedule;
    }

    /** What a run of the schedule would dump with now: {@link Presets#forSchedule}'s rule over the stores. */
    public BackupOptions optionsOf(Schedule schedule) {
        return presets.forRun(schedule);
    }

    /** Every schedule this desk has or had since schedules had names, to say whose a backup is. */
    public ScheduleNames names() {
        return ScheduleNames.of(store);
    }
}

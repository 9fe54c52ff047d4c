package io.backupdesk.jobs;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Preset;
import io.backupdesk.core.Schedule;
import io.backupdesk.store.PresetStore;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.ScheduleStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Backup presets, and which options a backup starts from: the preset chosen for it, else its connection's preset,
 * else the settings' defaults. A preset is named, not copied, by a connection or schedule, so a change to it reaches
 * their next backups; one in use cannot be removed.
 */
public final class Presets {
    private final PresetStore store;
    private final ProfileStore profiles;
    private final ScheduleStore schedules;
    private final Supplier<BackupDefaults> defaults;

    public Presets(PresetStore store, ProfileStore profiles, ScheduleStore schedules, Supplier<BackupDefaults> defaults) {
        this.store = store;
        this.profiles = profiles;
        this.schedules = schedules;
        this.defaults = defaults;
    }

    public List<Preset> list() {
        return store.list();
    }

    public Preset require(String name) {
        return store.require(name);
    }

    /** Saves a new or changed preset; its options are checked first, as a backup would check them. */
    public void save(Preset preset) {
        preset.options().checked();
        store.save(preset);
    }

    /** @throws BackupDeskException when a connection or schedule still names it, saying which */
    public void remove(String name) {
        store.require(name);
        List<String> users = new ArrayList<>();
        profiles.list().stream().filter(p -> name.equals(p.preset())).forEach(p -> users.add("connection " + p.name()));
        schedules.list().stream().filter(s -> name.equals(s.preset()))
                .forEach(s -> users.add(s.name() == null ? s.describe() : "schedule '" + s.name() + "'"));
        if (!users.isEmpty()) {
            throw BackupDeskException.configuration("The preset '" + name + "' is used by " + String.join(", ", users) + ".",
                    "Choose another preset there first, then remove it.");
        }
        store.remove(name);
    }

    /**
     * The options a backup of this connection starts from, before what is chosen for the run itself.
     *
     * @param chosen the preset chosen for this backup; null for the connection's, if it names one
     */
    public BackupOptions startingPoint(ConnectionProfile profile, String chosen) {
        String name = chosen != null ? chosen : profile.preset();
        return name == null ? defaults.get().options() : store.require(name).options();
    }

    /**
     * What a schedule's run dumps with, as the stores are now: see {@link #forSchedule}.
     *
     * @throws BackupDeskException when the preset it follows was removed meanwhile, or its connection was
     */
    public BackupOptions forRun(Schedule schedule) {
        if (schedule.optionsFrom() == Schedule.OptionsFrom.OWN) {
            return schedule.options();
        }
        ConnectionProfile profile = schedule.optionsFrom() == Schedule.OptionsFrom.CONNECTION
                ? profiles.require(schedule.profile()) : null;
        return forSchedule(schedule, profile, this::require, defaults.get().options());
    }

    /**
     * The one rule of what a schedule dumps with, for its runs, for its shown command and for the editor that shows
     * it: its own options; else the preset it names, or its connection's preset, or with none the settings' defaults,
     * each as it is at that moment. Either way with the schedule's own label, keys and destinations.
     *
     * @param profile  the schedule's connection; used only for {@link Schedule.OptionsFrom#CONNECTION}
     * @param presets  a preset by name; throws when there is none
     * @param defaults the settings' defaults
     */
    public static BackupOptions forSchedule(Schedule schedule, ConnectionProfile profile,
                                            Function<String, Preset> presets, BackupOptions defaults) {
        BackupOptions own = schedule.options();
        if (schedule.optionsFrom() == Schedule.OptionsFrom.OWN) {
            return own;
        }
        String preset = schedule.optionsFrom() == Schedule.OptionsFrom.PRESET ? schedule.preset() : profile.preset();
        BackupOptions base = preset == null ? defaults : presets.apply(preset).options();
        return base.toBuilder().label(own.label()).encryptTo(own.encryptTo()).copyTo(own.copyTo()).build();
    }
}

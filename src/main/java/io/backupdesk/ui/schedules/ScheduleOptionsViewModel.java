package io.backupdesk.ui.schedules;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Preset;
import io.backupdesk.core.Schedule;
import io.backupdesk.jobs.Presets;
import io.backupdesk.ui.CompressionChoices;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a schedule dumps, in the editor: as its connection does, as a preset says, or with options of its own (the
 * format and compression fields). For the first two the fields show what that is now, greyed, by the rule the runs
 * use ({@link Presets#forSchedule}); options of its own start from what was shown last. The pg_dump command a run
 * would take now is asked off the UI thread at each change; an older answer that comes late is dropped.
 */
public final class ScheduleOptionsViewModel {
    /** One entry of the options list; {@code preset} only for {@link Schedule.OptionsFrom#PRESET}. */
    public record Choice(Schedule.OptionsFrom from, String preset) { }

    static final Choice AS_CONNECTION = new Choice(Schedule.OptionsFrom.CONNECTION, null);
    static final Choice OWN = new Choice(Schedule.OptionsFrom.OWN, null);

    private final ScheduleOperations operations;
    private final TaskRunner runner;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(AS_CONNECTION);
    private final ObjectProperty<ConnectionProfile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<BackupFormat> format = new SimpleObjectProperty<>(BackupFormat.CUSTOM);
    private final StringProperty compression = new SimpleStringProperty(CompressionChoices.DEFAULT);
    private final ObservableList<String> compressions = FXCollections.observableArrayList();
    private final BooleanBinding own;
    private final StringBinding note;
    private final StringProperty command = new SimpleStringProperty("");
    private final StringProperty commandProblem = new SimpleStringProperty("");
    private Map<String, Preset> presets = Map.of();
    private BackupOptions defaults = BackupOptions.defaults();
    private boolean newCompressions;
    /** What options of its own start from: the schedule's own as saved, else what the choice before showed. */
    private BackupOptions ownBase = BackupOptions.defaults();
    private long commandAsked;
    /** Set while a schedule is loaded: its own options are what it saved, not what the choice before showed. */
    private boolean loading;

    ScheduleOptionsViewModel(ScheduleOperations operations, TaskRunner runner) {
        this.operations = operations;
        this.runner = runner;
        own = Bindings.createBooleanBinding(() -> choice.get() != null
                && choice.get().from() == Schedule.OptionsFrom.OWN, choice);
        note = Bindings.createStringBinding(() -> choice.get() == null ? "" : Messages.get(switch (choice.get().from()) {
            case CONNECTION -> "schedules.editor.options.note.connection";
            case PRESET -> "schedules.editor.options.note.preset";
            case OWN -> "schedules.editor.options.note.own";
        }), choice);
        choice.addListener((o, was, now) -> {
            if (!loading && now != null && now.from() == Schedule.OptionsFrom.OWN && was != null
                    && was.from() != Schedule.OptionsFrom.OWN) {
                followed(was).ifPresent(shown -> ownBase = shown);
            }
            follow();
        });
        profile.addListener(o -> {
            refreshChoices();
            follow();
        });
        format.addListener(o -> refreshCompressions());
    }

    /**
     * Shows how the schedule dumps: a saved one as it was saved, a new one as {@code Schedules.newSchedule} starts it.
     *
     * @param defaults the settings' defaults, which a connection without a preset follows
     */
    void load(Schedule schedule, List<Preset> presetList, BackupOptions defaults, boolean newCompressions) {
        Map<String, Preset> byName = new LinkedHashMap<>();
        presetList.forEach(p -> byName.put(p.name(), p));
        this.presets = byName;
        this.defaults = defaults;
        this.newCompressions = newCompressions;
        ownBase = schedule.options();
        format.set(schedule.options().format());
        compression.set(CompressionChoices.text(schedule.options().compression()));
        loading = true;
        try {
            choice.set(new Choice(schedule.optionsFrom(), schedule.preset()));
        } finally {
            loading = false;
        }
        refreshChoices();
        follow();
        refreshCompressions();
    }

    /** As the connection, each preset, then its own; a preset the schedule names that is gone stays in the list. */
    private void refreshChoices() {
        List<Choice> all = new ArrayList<>();
        all.add(AS_CONNECTION);
        presets.keySet().forEach(name -> all.add(new Choice(Schedule.OptionsFrom.PRESET, name)));
        Choice current = choice.get();
        if (current != null && !all.contains(current) && current.from() == Schedule.OptionsFrom.PRESET) {
            all.add(current);
        }
        all.add(OWN);
        // set again whole so that the list's texts, which name the connection's preset, are drawn anew
        choices.setAll(all);
        choice.set(current);
    }

    private void refreshCompressions() {
        compressions.setAll(CompressionChoices.of(format.get() == null ? BackupFormat.CUSTOM : format.get(),
                newCompressions, compression.get()));
    }

    /** The fields show what a choice that follows something dumps with now; its own options are left as typed. */
    private void follow() {
        Choice current = choice.get();
        if (current == null || current.from() == Schedule.OptionsFrom.OWN) {
            return;
        }
        followed(current).ifPresent(options -> {
            format.set(options.format());
            compression.set(CompressionChoices.text(options.compression()));
        });
    }

    /** What the choice dumps with now, by the runs' rule; empty when that cannot be told (no connection, preset gone). */
    private Optional<BackupOptions> followed(Choice c) {
        if (c.from() == Schedule.OptionsFrom.OWN) {
            return Optional.of(ownOptions());
        }
        if (profile.get() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Presets.forSchedule(Schedule.builder().profile(profile.get().name())
                    .optionsFrom(c.from()).preset(c.preset()).build(), profile.get(), this::preset, defaults));
        } catch (BackupDeskException e) {
            return Optional.empty();
        }
    }

    private Preset preset(String name) {
        Preset found = presets.get(name);
        if (found == null) {
            throw BackupDeskException.configuration(Messages.get("schedules.editor.options.presetGone", name),
                    Messages.get("schedules.editor.options.presetGone.hint"));
        }
        return found;
    }

    /** Its own options: what they started from, with the format and compression of the fields. */
    private BackupOptions ownOptions() {
        BackupFormat chosen = format.get() == null ? BackupFormat.CUSTOM : format.get();
        int jobs = chosen == BackupFormat.DIRECTORY && ownBase.format() == BackupFormat.DIRECTORY ? ownBase.jobs() : 0;
        return ownBase.toBuilder().format(chosen).compression(CompressionChoices.parse(compression.get())).jobs(jobs)
                .build();
    }

    /**
     * What a run would dump with now, with the schedule's own label, keys and destinations, checked as a backup checks
     * its options.
     *
     * @throws BackupDeskException saying what does not fit, or that a preset it follows is gone
     */
    BackupOptions dumpsWith(String label, List<String> encryptTo, List<String> copyTo) {
        Choice current = choice.get();
        if (current == null) {
            throw BackupDeskException.configuration(Messages.get("schedules.editor.options.none"), "");
        }
        if (current.from() != Schedule.OptionsFrom.OWN && profile.get() == null) {
            throw BackupDeskException.configuration(Messages.get("schedules.editor.error.profile"), "");
        }
        BackupOptions options = current.from() == Schedule.OptionsFrom.OWN ? ownOptions()
                : Presets.forSchedule(Schedule.builder().profile(profile.get().name()).optionsFrom(current.from())
                .preset(current.preset()).build(), profile.get(), this::preset, defaults);
        return options.toBuilder().label(label).encryptTo(encryptTo).copyTo(copyTo).build().checked();
    }

    /** What the schedule stores as its options: its own, or a copy of what it follows now. */
    BackupOptions stored(String label, List<String> encryptTo, List<String> copyTo) {
        Choice current = choice.get();
        BackupOptions base = current == null ? ownOptions() : followed(current).orElse(ownBase);
        return base.toBuilder().label(label).encryptTo(encryptTo).copyTo(copyTo).build();
    }

    Schedule.OptionsFrom from() {
        return choice.get() == null ? Schedule.OptionsFrom.CONNECTION : choice.get().from();
    }

    String preset() {
        return choice.get() == null ? null : choice.get().preset();
    }

    /**
     * Asks again for the command a run of the schedule would take; a server connection's runs are a set of one
     * pg_dump per database, so none is shown for one.
     *
     * @param draft the schedule as the editor makes it now; called only when the options fit
     */
    void refreshCommand(Supplier<Schedule> draft, String problem) {
        long asked = ++commandAsked;
        if (profile.get() == null || !problem.isEmpty() || profile.get().wholeServer()) {
            command.set("");
            commandProblem.set(profile.get() != null && profile.get().wholeServer() && problem.isEmpty()
                    ? Messages.get("schedules.editor.command.server") : problem);
            return;
        }
        Schedule schedule = draft.get();
        runner.runInBackground((progress, cancel) -> operations.commandLine(schedule), line -> {
            if (asked == commandAsked) {
                command.set(line);
                commandProblem.set("");
            }
        }, failure -> {
            if (asked == commandAsked) {
                command.set("");
                commandProblem.set(String.valueOf(failure.getMessage()));
            }
        });
    }

    /** An entry of the list in words: "As the connection: preset lean", "Preset nightly", "Its own". */
    public String describe(Choice c) {
        return switch (c.from()) {
            case CONNECTION -> profile.get() == null ? Messages.get("schedules.editor.options.connection")
                    : profile.get().preset() == null ? Messages.get("schedules.editor.options.connection.defaults")
                    : Messages.get("schedules.editor.options.connection.preset", profile.get().preset());
            case PRESET -> Messages.get(presets.containsKey(c.preset()) ? "schedules.editor.options.preset"
                    : "schedules.editor.options.preset.gone", c.preset());
            case OWN -> Messages.get("schedules.editor.options.own");
        };
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    /** The editor's connection, which "as the connection" follows. */
    ObjectProperty<ConnectionProfile> profileProperty() {
        return profile;
    }

    /** The format a run takes: typed for its own options, else what the choice follows now. */
    public ObjectProperty<BackupFormat> formatProperty() {
        return format;
    }

    /** The compression as {@link CompressionChoices} writes it; empty for the format's default. */
    public StringProperty compressionProperty() {
        return compression;
    }

    /** The compressions the list offers for the format, and the one chosen if it is none of them. */
    public ObservableList<String> compressions() {
        return compressions;
    }

    /** Whether the format and compression are the schedule's own, to type; else they only show what it follows. */
    public BooleanBinding own() {
        return own;
    }

    /** What the choice means for later runs. */
    public StringBinding note() {
        return note;
    }

    /** The pg_dump command a run would take now, without secrets; empty while there is none to show. */
    public ReadOnlyStringProperty commandProperty() {
        return command;
    }

    /** Why there is no command to show. */
    public ReadOnlyStringProperty commandProblemProperty() {
        return commandProblem;
    }
}

package io.backupdesk.ui.schedules;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Compression;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.DumpFlags;
import io.backupdesk.core.Preset;
import io.backupdesk.core.Schedule;
import io.backupdesk.core.SslMode;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule editor's name and how it dumps: a new schedule is named after its connection and dumps as the
 * connection does, the fields show what a preset or the connection says and only options of its own are typed, and
 * what it saves is what the editor showed.
 */
class ScheduleEditorPresetsTest {
    private static final DumpFlags NO_AUDIT_ROWS = new DumpFlags(List.of(), true, false, false, List.of("audit.*"),
            null, null, null, false, false, null, false, false, false, false);

    private final InMemorySchedules operations = new InMemorySchedules();
    private SchedulesViewModel model;
    private ScheduleEditorViewModel editor;

    @BeforeEach
    void setUp() {
        operations.profiles.add(new ConnectionProfile("prod", "db1", 5432, "sales", "backup", SslMode.PREFER, null)
                .withPreset("lean"));
        operations.profiles.add(new ConnectionProfile("staging", "db2", 5432, "sales", "dba", SslMode.PREFER, null));
        operations.presets.add(new Preset("lean", null, BackupOptions.builder().format(BackupFormat.TAR)
                .dump(NO_AUDIT_ROWS).build()));
        operations.presets.add(new Preset("script", null, BackupOptions.builder().format(BackupFormat.PLAIN)
                .compression(Compression.parse("9")).build()));
        operations.defaults = BackupOptions.builder().format(BackupFormat.CUSTOM).compression(Compression.parse("3"))
                .build();
        model = new SchedulesViewModel(operations, new SyncTaskRunner());
        editor = model.editor();
    }

    @Test
    void aNewScheduleIsNamedAfterItsConnectionAndShowsWhatTheConnectionsPresetDumpsWith() {
        model.add();
        ScheduleOptionsViewModel how = editor.how();

        assertThat(editor.nameProperty().get()).isEqualTo("prod");
        assertThat(how.choiceProperty().get()).isEqualTo(ScheduleOptionsViewModel.AS_CONNECTION);
        assertThat(how.describe(how.choiceProperty().get())).isEqualTo("As the connection: preset lean");
        assertThat(how.choices()).extracting(how::describe).containsExactly("As the connection: preset lean",
                "Preset lean", "Preset script", "Its own: the format and compression below");
        assertThat(how.own().get()).as("shown, not typed").isFalse();
        assertThat(how.formatProperty().get()).isEqualTo(BackupFormat.TAR);
        assertThat(how.commandProperty().get()).isEqualTo("pg_dump CONNECTION null");

        editor.profileProperty().set(operations.profiles.get(1));

        assertThat(editor.nameProperty().get()).as("the suggestion follows the connection").isEqualTo("staging");
        assertThat(how.describe(how.choiceProperty().get())).isEqualTo("As the connection: the settings' defaults");
        assertThat(how.formatProperty().get()).isEqualTo(BackupFormat.CUSTOM);
        assertThat(how.compressionProperty().get()).isEqualTo("3");
        model.save();

        Schedule saved = operations.schedules.values().iterator().next();
        assertThat(saved.name()).isEqualTo("staging");
        assertThat(saved.optionsFrom()).as("by reference: the connection's, at each run")
                .isEqualTo(Schedule.OptionsFrom.CONNECTION);
        assertThat(saved.preset()).isNull();
        assertThat(operations.commandsAsked).last().extracting(Schedule::profile).isEqualTo("staging");
    }

    @Test
    void aChosenPresetIsShownAndSavedByNameAndOptionsOfItsOwnStartFromWhatWasShown() {
        model.add();
        ScheduleOptionsViewModel how = editor.how();

        how.choiceProperty().set(new ScheduleOptionsViewModel.Choice(Schedule.OptionsFrom.PRESET, "script"));
        assertThat(how.formatProperty().get()).isEqualTo(BackupFormat.PLAIN);
        assertThat(how.compressionProperty().get()).isEqualTo("9");
        assertThat(how.commandProperty().get()).isEqualTo("pg_dump PRESET script");

        how.choiceProperty().set(ScheduleOptionsViewModel.AS_CONNECTION);
        how.choiceProperty().set(ScheduleOptionsViewModel.OWN);
        assertThat(how.own().get()).isTrue();
        assertThat(how.formatProperty().get()).as("lean's, as shown last").isEqualTo(BackupFormat.TAR);
        how.compressionProperty().set("6");
        editor.nameProperty().set("nightly tar");
        model.save();

        Schedule saved = operations.schedules.values().iterator().next();
        assertThat(saved.optionsFrom()).isEqualTo(Schedule.OptionsFrom.OWN);
        assertThat(saved.options().format()).isEqualTo(BackupFormat.TAR);
        assertThat(saved.options().compression()).isEqualTo(Compression.parse("6"));
        assertThat(saved.options().dump().excludeTableData()).as("lean's switches it started from")
                .containsExactly("audit.*");
        assertThat(saved.name()).isEqualTo("nightly tar");
    }

    @Test
    void aNameMustBeGivenValidAndNotTakenByAnotherSchedule() {
        operations.save(Schedule.builder().id("a1").profile("prod").cron("0 1 * * *").name("nightly").build());
        model.refresh();
        model.add();

        editor.nameProperty().set("Nightly");
        assertThat(editor.nameError().get()).isEqualTo("There is a schedule named 'Nightly' already.");
        assertThat(model.canSave().get()).isFalse();
        editor.nameProperty().set("a1");
        assertThat(editor.nameError().get()).as("another schedule's id").contains("already");
        editor.nameProperty().set(" ");
        assertThat(editor.nameError().get()).startsWith("Give the schedule a name");
        editor.nameProperty().set("night/day");
        assertThat(editor.nameError().get()).startsWith("Up to 64 letters");
        editor.nameProperty().set("weekly");
        assertThat(editor.nameError().get()).isEmpty();
        assertThat(model.canSave().get()).isTrue();
        model.closeEditor();

        model.select(model.rows().get(0));
        model.edit();
        assertThat(editor.nameError().get()).as("its own name is no clash").isEmpty();
    }

    @Test
    void aScheduleStoredWithoutANameIsOfferedOneAndKeepsItsOwnOptions() {
        BackupOptions own = BackupOptions.builder().format(BackupFormat.DIRECTORY).compression(Compression.parse("1"))
                .jobs(3).label("night").build();
        operations.save(Schedule.builder().id("old").profile("prod").cron("30 2 * * *").enabled(true).options(own)
                .createdAt(Instant.parse("2026-01-01T00:00:00Z")).build());
        model.refresh();
        model.select(model.rows().get(0));
        assertThat(model.rows().get(0).name()).isEqualTo("–");
        assertThat(model.rows().get(0).options()).isEqualTo("Own: directory");

        model.edit();
        assertThat(editor.nameProperty().get()).isEqualTo("prod");
        assertThat(editor.how().choiceProperty().get()).isEqualTo(ScheduleOptionsViewModel.OWN);
        assertThat(editor.how().formatProperty().get()).isEqualTo(BackupFormat.DIRECTORY);
        model.save();

        Schedule saved = operations.schedules.get("old");
        assertThat(saved.name()).isEqualTo("prod");
        assertThat(saved.options()).as("jobs and label kept").isEqualTo(own);
        assertThat(saved.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void aPresetThatIsGoneStaysNamedAndKeepsSaveOffUntilAnotherIsChosen() {
        operations.save(Schedule.builder().id("p1").profile("staging").cron("30 2 * * *").name("by gone")
                .optionsFrom(Schedule.OptionsFrom.PRESET).preset("gone").build());
        model.refresh();
        model.select(model.rows().get(0));
        assertThat(model.rows().get(0).options()).isEqualTo("Preset gone");

        model.edit();
        ScheduleOptionsViewModel how = editor.how();
        assertThat(how.describe(how.choiceProperty().get())).isEqualTo("Preset gone (not found)");
        assertThat(how.choices()).contains(how.choiceProperty().get());
        assertThat(editor.optionsError().get()).isEqualTo("There is no preset named 'gone' any more.");
        assertThat(how.commandProperty().get()).isEmpty();
        assertThat(how.commandProblemProperty().get()).isEqualTo("There is no preset named 'gone' any more.");
        assertThat(model.canSave().get()).isFalse();

        how.choiceProperty().set(new ScheduleOptionsViewModel.Choice(Schedule.OptionsFrom.PRESET, "lean"));
        assertThat(model.canSave().get()).isTrue();
        model.save();
        assertThat(operations.schedules.get("p1").preset()).isEqualTo("lean");
    }

    @Test
    void theListSaysWhereEachSchedulesOptionsComeFrom() {
        operations.save(Schedule.builder().id("c1").profile("prod").cron("0 1 * * *").name("follows")
                .optionsFrom(Schedule.OptionsFrom.CONNECTION).build());
        operations.save(Schedule.builder().id("c2").profile("staging").cron("0 1 * * *").name("plain follower")
                .optionsFrom(Schedule.OptionsFrom.CONNECTION).build());
        operations.save(Schedule.builder().id("c3").profile("gone").cron("0 1 * * *").name("orphan")
                .optionsFrom(Schedule.OptionsFrom.CONNECTION).build());

        model.refresh();

        assertThat(model.rows()).extracting(ScheduleRowViewModel::name, ScheduleRowViewModel::options).containsExactly(
                org.assertj.core.groups.Tuple.tuple("follows", "As connection: lean"),
                org.assertj.core.groups.Tuple.tuple("plain follower", "As connection: defaults"),
                org.assertj.core.groups.Tuple.tuple("orphan", "As connection: defaults"));
        assertThat(model.rows().get(0).title()).isEqualTo("follows (prod)");
    }
}

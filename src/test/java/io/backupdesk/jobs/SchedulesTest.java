package io.backupdesk.jobs;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.DumpFlags;
import io.backupdesk.core.Origin;
import io.backupdesk.core.Preset;
import io.backupdesk.core.Schedule;
import io.backupdesk.core.SslMode;
import io.backupdesk.store.PresetStore;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.ScheduleStore;
import io.backupdesk.store.Settings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Making and naming schedules in the jobs layer, which the command line and the Schedules screen both call: what a
 * new one starts from and follows, the names it may take, what is refused before it is stored, and what is left of
 * one removed.
 */
class SchedulesTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final DumpFlags NO_AUDIT_ROWS = new DumpFlags(List.of(), true, false, false, List.of("audit.*"),
            null, null, null, false, false, null, false, false, false, false);

    @TempDir
    Path config;

    private ProfileStore profiles;
    private PresetStore presetStore;
    private ScheduleStore store;
    private Schedules schedules;

    @BeforeEach
    void stores() {
        profiles = new ProfileStore(config, w -> { });
        presetStore = new PresetStore(config, w -> { });
        store = new ScheduleStore(config, w -> { });
        Presets presets = new Presets(presetStore, profiles, store, () -> BackupDefaults.of(Settings.defaults()));
        schedules = new Schedules(store, profiles, presets, Clock.fixed(NOW, ZoneOffset.UTC));
        presetStore.save(new Preset("lean", null, BackupOptions.builder().format(BackupFormat.TAR).dump(NO_AUDIT_ROWS)
                .build()));
        presetStore.save(new Preset("plain", null, BackupOptions.ofFormat(BackupFormat.PLAIN)));
        profiles.save(profile("sales").withPreset("lean"));
        profiles.save(profile("crm"));
    }

    private static ConnectionProfile profile(String name) {
        return new ConnectionProfile(name, "db.example.invalid", 5432, name, "dba", SslMode.PREFER, null);
    }

    private Schedule saved(String profile, String name) {
        Schedule draft = schedules.draft(profile);
        return schedules.save(draft.toBuilder().name(name == null ? draft.name() : name).cron("30 2 * * *").build());
    }

    @Test
    void aNewScheduleIsNamedAfterItsConnectionAndDumpsAsTheConnectionDoesByReference() {
        Schedule draft = schedules.draft("sales");

        assertThat(draft.name()).isEqualTo("sales");
        assertThat(draft.optionsFrom()).isEqualTo(Schedule.OptionsFrom.CONNECTION);
        assertThat(draft.enabled()).isTrue();
        assertThat(draft.createdAt()).isEqualTo(NOW);
        assertThat(draft.options().format()).as("what that is now, to start options of its own from")
                .isEqualTo(BackupFormat.TAR);
        Schedule stored = schedules.save(draft.toBuilder().cron("30 2 * * *").options(draft.options().toBuilder()
                .label("night").build()).build());
        assertThat(schedules.optionsOf(stored).dump().excludeTableData()).containsExactly("audit.*");

        // the connection's preset changes afterwards: the schedule follows it
        profiles.save(profile("sales").withPreset("plain"));
        BackupOptions now = schedules.optionsOf(store.require(stored.id()));
        assertThat(now.format()).isEqualTo(BackupFormat.PLAIN);
        assertThat(now.dump().excludeTableData()).isEmpty();
        assertThat(now.label()).as("its own label stays").isEqualTo("night");
        // and without one, the settings' defaults
        profiles.save(profile("sales"));
        assertThat(schedules.optionsOf(store.require(stored.id())).format()).isEqualTo(BackupFormat.CUSTOM);
    }

    @Test
    void aScheduleWithItsOwnOptionsOrAPresetDoesNotFollowTheConnection() {
        Schedule own = schedules.save(schedules.draft("sales").toBuilder().name("own").cron("0 1 * * *")
                .optionsFrom(Schedule.OptionsFrom.OWN).build());
        Schedule preset = schedules.save(schedules.draft("sales").toBuilder().name("by preset").cron("0 1 * * *")
                .optionsFrom(Schedule.OptionsFrom.PRESET).preset("plain").build());

        profiles.save(profile("sales"));

        assertThat(schedules.optionsOf(own).format()).as("what it held when saved").isEqualTo(BackupFormat.TAR);
        assertThat(schedules.optionsOf(preset).format()).isEqualTo(BackupFormat.PLAIN);
    }

    @Test
    void suggestedNamesAreNumberedPastTheTakenOnesWithoutRegardToCase() {
        saved("sales", null);
        saved("sales", null);

        assertThat(schedules.list()).extracting(Schedule::name).containsExactlyInAnyOrder("sales", "sales 2");
        assertThat(Schedules.suggestName("crm", List.of("CRM", "crm 2"))).isEqualTo("crm 3");
        assertThat(Schedules.suggestName("x".repeat(64), List.of())).hasSize(60);
    }

    @Test
    void aNameMustBeValidAndUniqueAndNoOtherSchedulesId() {
        Schedule nightly = saved("sales", "nightly");

        assertThat(Schedules.nameProblem("", List.of())).isEqualTo(Schedules.NameProblem.EMPTY);
        assertThat(Schedules.nameProblem(" -dash", List.of())).isEqualTo(Schedules.NameProblem.INVALID);
        assertThat(Schedules.nameProblem("a\u001bb", List.of())).isEqualTo(Schedules.NameProblem.INVALID);
        assertThat(Schedules.nameProblem("Nightly ", List.of("nightly"))).isEqualTo(Schedules.NameProblem.TAKEN);
        assertThat(Schedules.nameProblem("every night 02.30", List.of("nightly"))).isEqualTo(Schedules.NameProblem.NONE);
        assertThatThrownBy(() -> saved("crm", "NIGHTLY")).isInstanceOf(BackupDeskException.class)
                .hasMessage("There is a schedule named 'NIGHTLY' already.");
        assertThatThrownBy(() -> saved("crm", nightly.id())).hasMessageContaining("already");
        assertThatThrownBy(() -> schedules.checkName("n".repeat(65), null)).hasMessageContaining("not a valid");
        // renaming it to itself in another case is no clash with itself
        assertThat(schedules.rename("nightly", "Nightly").name()).isEqualTo("Nightly");
        assertThat(store.require(nightly.id()).name()).isEqualTo("Nightly");
    }

    @Test
    void aNewScheduleNeedsANameButOneStoredWithoutStillSaves() {
        Schedule old = Schedule.builder().id("old").profile("crm").cron("0 3 * * *").enabled(true).createdAt(NOW).build();
        store.save(old);

        assertThatThrownBy(() -> schedules.save(Schedule.builder().id("new").profile("crm").cron("0 3 * * *").build()))
                .hasMessage("A schedule needs a name.");
        assertThat(schedules.save(old.withEnabled(false, NOW)).enabled()).as("switched off without a name").isFalse();
    }

    @Test
    void whatARunCouldNotTakeIsRefusedBeforeItIsStoredExceptForASwitchedOffSchedule() {
        Schedule draft = schedules.draft("crm").toBuilder().cron("0 3 * * *").build();

        assertThatThrownBy(() -> schedules.save(draft.toBuilder().optionsFrom(Schedule.OptionsFrom.PRESET)
                .preset("gone").build())).hasMessageContaining("no preset named 'gone'");
        Schedule encryptedDirectory = draft.toBuilder().optionsFrom(Schedule.OptionsFrom.OWN).options(BackupOptions
                .ofFormat(BackupFormat.DIRECTORY).toBuilder().encryptTo(List.of("age1xyz")).build()).build();
        assertThatThrownBy(() -> schedules.save(encryptedDirectory))
                .hasMessageContaining("directory format cannot be encrypted");
        assertThat(schedules.save(encryptedDirectory.toBuilder().enabled(false).build()).enabled()).isFalse();
        assertThat(store.list()).hasSize(1);
        assertThatThrownBy(() -> schedules.save(draft.toBuilder().profile("gone").build()))
                .hasMessageContaining("gone");
    }

    @Test
    void aScheduleIsFoundByIdOrNameAndATwiceUsedNameFromAnEditedFileIsNotGuessed() {
        Schedule nightly = saved("sales", "nightly");
        store.save(Schedule.builder().id("twin1").profile("crm").cron("0 3 * * *").name("twin").build());
        store.save(Schedule.builder().id("twin2").profile("crm").cron("0 4 * * *").name("Twin").build());

        assertThat(schedules.require(nightly.id())).isEqualTo(nightly);
        assertThat(schedules.require("NIGHTLY")).isEqualTo(nightly);
        assertThat(schedules.require("twin1").name()).isEqualTo("twin");
        assertThatThrownBy(() -> schedules.require("twin")).hasMessageContaining("More than one schedule");
        assertThatThrownBy(() -> schedules.require("weekly")).hasMessageContaining("There is no schedule 'weekly'");
    }

    @Test
    void aRemovedSchedulesBackupsStillNameItAsRemoved() {
        Schedule nightly = saved("sales", "nightly");
        Schedule other = saved("crm", "weekly");

        schedules.remove("nightly");
        ScheduleNames names = schedules.names();

        assertThat(names.of(Origin.of(nightly.origin()))).contains(
                new ScheduleNames.Known(nightly.id(), "nightly", "sales", true));
        assertThat(names.of(Origin.of(other.origin()))).contains(
                new ScheduleNames.Known(other.id(), "weekly", "crm", false));
        assertThat(names.of(Origin.of(other.testRestoreOrigin()))).isPresent();
        assertThat(names.of(Origin.of("schedule:0123456789ab"))).isEmpty();
        assertThat(names.of(Origin.of(Origin.COMMAND_LINE))).isEmpty();
        assertThat(store.removed()).singleElement().extracting(ScheduleStore.Removed::removedAt).isEqualTo(NOW);
    }
}

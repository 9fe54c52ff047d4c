package io.backupdesk.ui.settings;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.store.Background;
import io.backupdesk.store.Settings;
import io.backupdesk.store.SettingsStore;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings screen over a real settings file in a temporary folder. */
class SettingsViewModelTest {
    @TempDir
    Path dir;
    private SettingsStore store;
    private FolderSettings settings;
    private final List<String> themes = new ArrayList<>();
    private SettingsViewModel model;

    @BeforeEach
    void setUp() {
        settings = new FolderSettings(dir);
        store = settings.store;
        model = new SettingsViewModel(settings, new SyncTaskRunner(), themes::add);
        model.load();
    }

    @Test
    void theDefaultsShowWhenNothingIsSetYet() {
        assertThat(model.backupRootProperty().get()).isEmpty();
        assertThat(model.defaultBackupRootProperty().get()).isEqualTo(dir.resolve("backups").toString());
        assertThat(model.formatProperty().get()).isEqualTo(BackupFormat.CUSTOM);
        assertThat(model.verifyAfterBackupProperty().get()).isTrue();
        assertThat(model.rpoHoursProperty().get()).isEqualTo("26");
        assertThat(model.themeProperty().get()).isEqualTo("light");
        assertThat(model.startAtLoginProperty().get()).isFalse();
        assertThat(model.logsDirProperty().get()).isEqualTo(dir.resolve("logs").toString());
    }

    @Test
    void savedSettingsAreWrittenAndTheThemeAppliesAtOnce() {
        model.formatProperty().set(BackupFormat.DIRECTORY);
        model.compressionProperty().set("3");
        model.verifyAfterBackupProperty().set(false);
        model.rpoHoursProperty().set("12");
        model.themeProperty().set("dark");
        assertThat(themes).as("issue 19: the theme applied only on Save").containsExactly("dark");

        model.save();

        Settings saved = store.load();
        assertThat(saved.defaultFormat()).isEqualTo("directory");
        assertThat(saved.defaultCompression()).isEqualTo("3");
        assertThat(saved.verifiesAfterBackup()).isFalse();
        assertThat(saved.rpoHours()).isEqualTo(12);
        assertThat(themes).containsExactly("dark");
        assertThat(model.messageProperty().get()).isEqualTo("Saved.");
    }

    @Test
    void aNewBackupFolderIsSavedWithTheNoteThatItAppliesAtTheNextStart() {
        model.backupRootProperty().set("/srv/backups");

        model.save();

        assertThat(store.load().backupRoot()).isEqualTo("/srv/backups");
        assertThat(model.messageProperty().get()).contains("next start");
    }

    @Test
    void theMaximumBackupSizeIsSavedAsTypedAndNoSizeKeepsSaveDisabled() {
        model.maxSizeProperty().set("lots");
        assertThat(model.maxSizeError().get()).startsWith("A size such as 500MB");
        assertThat(model.canSave().get()).isFalse();

        model.maxSizeProperty().set(" 20GB ");
        assertThat(model.maxSizeError().get()).isEmpty();
        model.save();
        assertThat(store.load().defaultMaxSize()).isEqualTo("20GB");

        model.maxSizeProperty().set("");
        model.save();
        assertThat(store.load().defaultMaxSize()).as("empty: no limit").isNull();
    }

    @Test
    void badValuesSayWhatIsWrongAndKeepSaveDisabled() {
        model.rpoHoursProperty().set("0");
        assertThat(model.rpoError().get()).startsWith("A whole number of hours");
        model.rpoHoursProperty().set("26");

        model.backupRootProperty().set("relative/folder");
        assertThat(model.folderError().get()).isEqualTo("Give folders as full paths.");
        model.backupRootProperty().set("");

        model.formatProperty().set(BackupFormat.PLAIN);
        model.compressionProperty().set("zstd:3");
        assertThat(model.compressionError().get()).isEqualTo("Plain SQL backups are compressed with gzip.");
        assertThat(model.canSave().get()).isFalse();

        model.compressionProperty().set("6");
        assertThat(model.canSave().get()).isTrue();
    }

    @Test
    void startAtLoginAddsTheEntryAndKeepsTheOtherBackgroundSettings() {
        store.save(Settings.defaults().withBackground(new Background(3, null, true, true)));
        model.load();

        model.startAtLoginProperty().set(true);
        model.save();

        assertThat(settings.loginEntries).containsExactly(true);
        assertThat(store.load().background()).isEqualTo(new Background(3, true, true, true));
        assertThat(model.messageProperty().get()).isEqualTo("Saved.");
    }

    @Test
    void theJobLimitAndSuccessNoticesAreSavedAndAChangedLimitWaitsForARestart() {
        store.save(Settings.defaults().withBackground(new Background(null, null, true, null)));
        model.load();
        assertThat(model.concurrentJobsProperty().get()).isEqualTo(1);
        assertThat(model.notifyOnSuccessProperty().get()).isFalse();

        model.concurrentJobsProperty().set(2);
        model.notifyOnSuccessProperty().set(true);
        model.save();

        assertThat(store.load().background()).isEqualTo(new Background(2, null, true, true));
        assertThat(model.messageProperty().get()).contains("next start");
        model.save();
        assertThat(model.messageProperty().get()).isEqualTo("Saved.");
    }

    @Test
    void turningStartAtLoginOffRemovesTheEntry() {
        store.save(Settings.defaults().withBackground(Background.defaults().withStartAtLogin(true)));
        model.load();
        assertThat(model.startAtLoginProperty().get()).isTrue();

        model.startAtLoginProperty().set(false);
        model.save();

        assertThat(settings.loginEntries).containsExactly(false);
        assertThat(store.load().backgroundOrDefaults().startsAtLogin()).isFalse();
    }

    @Test
    void savingWithStartAtLoginOnWritesTheEntryAgainInCaseTheAppMoved() {
        store.save(Settings.defaults().withBackground(Background.defaults().withStartAtLogin(true)));
        model.load();

        model.save();

        assertThat(settings.loginEntries).containsExactly(true);
    }

    @Test
    void leavingStartAtLoginOffTouchesNoEntryAndAddsNoBackgroundGroup() {
        model.rpoHoursProperty().set("30");

        model.save();

        assertThat(settings.loginEntries).isEmpty();
        assertThat(store.load().background()).isNull();
        assertThat(store.load().rpoHours()).isEqualTo(30);
    }

    @Test
    void aLoginEntryThatCannotBeAddedIsToldWithItsHintAndNothingIsSaved() {
        settings.loginFailure = BackupDeskException.configuration("Start at login needs Backup Desk installed.",
                "Install Backup Desk.");
        model.startAtLoginProperty().set(true);
        model.rpoHoursProperty().set("12");

        model.save();

        assertThat(model.messageProperty().get()).isEqualTo("Start at login needs Backup Desk installed. Install Backup Desk.");
        assertThat(store.load().rpoHours()).isNull();
        assertThat(store.load().backgroundOrDefaults().startsAtLogin()).isFalse();
        assertThat(themes).isEmpty();
    }
}

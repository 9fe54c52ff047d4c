package io.backupdesk.app;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Compression;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.DumpFlags;
import io.backupdesk.core.Preset;
import io.backupdesk.core.Progress;
import io.backupdesk.core.SslMode;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.jobs.BackupJob;
import io.backupdesk.pg.TableInfo;
import io.backupdesk.ui.DumpOptionsFormViewModel;
import io.backupdesk.ui.Notifier;
import io.backupdesk.ui.SyncTaskRunner;
import io.backupdesk.ui.backups.BackupDialogViewModel;
import io.backupdesk.ui.backups.BackupOperations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Back up now on a real engine, without the toolkit: the form starts from the connection's preset or the one chosen,
 * what is set in it reaches the options handed to the backup job, and the command shown is the engine's own for those
 * options. Only the run itself is not started: it is recorded (the real run is the desktop end-to-end test's).
 */
class BackupDialogOnTheEngineTest {
    private static final ConnectionProfile PROD = new ConnectionProfile("prod", "127.0.0.1", 5432, "sales", "dba",
            SslMode.PREFER, null).withPreset("lean");
    private static final ConnectionProfile DEV = new ConnectionProfile("dev", "localhost", 5432, "sales", "me",
            SslMode.PREFER, null);

    @TempDir
    Path dir;
    private Engine engine;
    private final List<BackupOptions> handedOver = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private BackupDialogViewModel model;

    @BeforeEach
    void setUp() {
        engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"), w -> { });
        DumpFlags lean = new DumpFlags(List.of(), true, false, false, List.of("audit.*"), null, null, null, false, false,
                null, false, false, false, false);
        engine.jobs().presets().save(new Preset("lean", "no owners, no audit rows",
                BackupOptions.builder().compression(Compression.parse("6")).dump(lean).build()));
        DumpFlags script = new DumpFlags(List.of(), false, true, false, List.of(), null, null, null, false, true, 500,
                false, true, true, true);
        engine.jobs().presets().save(new Preset("script", null, BackupOptions.builder().format(BackupFormat.PLAIN)
                .dump(script).maxSizeBytes(20L << 30).build()));
        engine.saveProfile(PROD, null, Optional.empty());
        engine.saveProfile(DEV, null, Optional.empty());
        EngineBackupOperations real = new EngineBackupOperations(engine);
        model = new BackupDialogViewModel(new Recording(real), new SyncTaskRunner(), new Notifier() {
            @Override
            public void error(String title, Throwable failure) {
                errors.add(failure.getMessage());
            }

            @Override
            public void done(String outcome) {
            }

            @Override
            public Optional<String> askPassword(ConnectionProfile profile) {
                return Optional.empty();
            }
        });
    }

    @Test
    void theFormStartsFromTheConnectionsPresetAndAChosenPresetFillsItInstead() {
        model.open("prod");
        DumpOptionsFormViewModel form = model.form();

        assertThat(model.connectionsPresetText()).isEqualTo("The connection's: lean");
        assertThat(form.noOwnerProperty().get()).isTrue();
        assertThat(form.excludeTableDataProperty().get()).isEqualTo("audit.*");
        assertThat(form.compressionProperty().get()).isEqualTo("6");

        model.presetProperty().set("script");

        assertThat(form.formatProperty().get()).isEqualTo(BackupFormat.PLAIN);
        assertThat(form.noOwnerProperty().get()).isFalse();
        assertThat(form.noPrivilegesProperty().get()).isTrue();
        assertThat(form.rowsAsProperty().get()).isEqualTo(DumpOptionsFormViewModel.RowsAs.COLUMN_INSERTS);
        assertThat(form.rowsPerInsertProperty().get()).isEqualTo("500");
        assertThat(form.cleanProperty().get() && form.ifExistsProperty().get() && form.createProperty().get()).isTrue();
        assertThat(form.maxSizeProperty().get()).isEqualTo("20 GB");

        model.presetProperty().set(BackupDialogViewModel.CONNECTIONS_PRESET);
        model.profileProperty().set(DEV);
        assertThat(model.connectionsPresetText()).isEqualTo("None: the defaults from the settings");
        assertThat(form.noOwnerProperty().get()).as("dev names no preset: the settings' defaults").isFalse();
        assertThat(form.formatProperty().get()).isEqualTo(BackupFormat.CUSTOM);
        assertThat(errors).isEmpty();
    }

    @Test
    void whatIsSetInTheFormReachesTheOptionsHandedToTheJob() {
        model.open("prod");
        DumpOptionsFormViewModel form = model.form();
        form.formatProperty().set(BackupFormat.PLAIN);
        form.compressionProperty().set("");
        form.preDataProperty().set(true);
        form.postDataProperty().set(true);
        form.noTablespacesProperty().set(true);
        form.excludeTableDataProperty().set("audit.*, public.sessions");
        form.largeObjectsProperty().set(DumpOptionsFormViewModel.LargeObjects.LEAVE_OUT);
        form.encodingProperty().set("UTF8");
        form.roleProperty().set("backup_reader");
        form.rowsAsProperty().set(DumpOptionsFormViewModel.RowsAs.INSERTS);
        form.rowsPerInsertProperty().set("100");
        form.quoteAllIdentifiersProperty().set(true);
        form.cleanProperty().set(true);
        form.ifExistsProperty().set(true);
        form.maxSizeProperty().set("500 MB");

        assertThat(model.start()).isTrue();

        assertThat(errors).isEmpty();
        assertThat(handedOver).singleElement().satisfies(o -> {
            assertThat(o.format()).isEqualTo(BackupFormat.PLAIN);
            assertThat(o.maxSizeBytes()).isEqualTo(500L << 20);
            DumpFlags f = o.dump();
            assertThat(f.sections()).containsExactly("pre-data", "post-data");
            assertThat(f.noOwner()).as("from the connection's preset").isTrue();
            assertThat(f.noTablespaces()).isTrue();
            assertThat(f.excludeTableData()).containsExactly("audit.*", "public.sessions");
            assertThat(f.largeObjects()).isFalse();
            assertThat(f.encoding()).isEqualTo("UTF8");
            assertThat(f.role()).isEqualTo("backup_reader");
            assertThat(f.inserts()).isTrue();
            assertThat(f.rowsPerInsert()).isEqualTo(100);
            assertThat(f.quoteAllIdentifiers()).isTrue();
            assertThat(f.clean() && f.ifExists()).isTrue();
            assertThat(f.create()).isFalse();
        });
    }

    @Test
    void theCommandShownIsTheEnginesForTheOptionsTheJobGets() {
        model.open("prod");
        model.form().roleProperty().set("backup_reader");
        model.form().formatProperty().set(BackupFormat.DIRECTORY);
        model.form().jobsProperty().set(3);
        model.labelProperty().set("before-upgrade");
        String shown = model.commandProperty().get();
        model.start();

        String engines = engine.jobs().backup().commandLine(new BackupJob.Request(PROD, handedOver.get(0),
                BackupRecord.ORIGIN_MANUAL, Optional.empty(), true, null));
        assertThat(withoutTime(shown)).isEqualTo(withoutTime(engines));
        assertThat(shown).startsWith("pg_dump").contains("backup_reader", "--no-owner", "before-upgrade", "-j");
        assertThat(model.commandProblemProperty().get()).isEmpty();
    }

    @Test
    void optionsThatDoNotFitShowWhyInsteadOfACommandAndStartStaysOff() {
        model.open("prod");
        model.form().rowsAsProperty().set(DumpOptionsFormViewModel.RowsAs.INSERTS);
        model.form().rowsPerInsertProperty().set("many");

        assertThat(model.commandProperty().get()).isEmpty();
        assertThat(model.commandProblemProperty().get()).isEqualTo("'many' is not a number of rows.");
        assertThat(model.canStart().get()).isFalse();
    }

    @Test
    void savingAsAPresetKeepsHowItDumpsAndChoosesIt() {
        model.open("prod");
        model.form().noPrivilegesProperty().set(true);
        model.labelProperty().set("nightly");

        model.saveAsPreset("lean and private", "for the developers");

        Preset saved = engine.jobs().presets().require("lean and private");
        assertThat(saved.options().dump().noPrivileges()).isTrue();
        assertThat(saved.options().dump().noOwner()).isTrue();
        assertThat(saved.options().label()).as("a run's label is not the preset's").isNull();
        assertThat(model.presetProperty().get()).isEqualTo("lean and private");
        assertThat(model.presets()).contains("lean and private");
        assertThat(model.form().noPrivilegesProperty().get()).as("the form is kept as it was").isTrue();
    }

    /** The file name holds the minute the command was asked for; two asks may fall either side of a second. */
    private static String withoutTime(String command) {
        return command.replaceAll("\\d{8}-\\d{6}", "<time>");
    }

    /** The engine's operations, except that a backup is recorded rather than run. */
    private final class Recording implements BackupOperations {
        private final EngineBackupOperations real;

        Recording(EngineBackupOperations real) {
            this.real = real;
        }

        @Override
        public List<ConnectionProfile> profiles() {
            return real.profiles();
        }

        @Override
        public BackupOptions defaults() {
            return real.defaults();
        }

        @Override
        public List<StoredKey> keys() {
            return real.keys();
        }

        @Override
        public List<Preset> presets() {
            return real.presets();
        }

        @Override
        public BackupOptions startingPoint(ConnectionProfile profile, String preset) {
            return real.startingPoint(profile, preset);
        }

        @Override
        public void savePreset(Preset preset) {
            real.savePreset(preset);
        }

        @Override
        public String commandLine(ConnectionProfile profile, BackupOptions options) {
            return real.commandLine(profile, options);
        }

        @Override
        public List<TableInfo> tables(ConnectionProfile profile, Optional<String> password) {
            return List.of();
        }

        @Override
        public BackupRecord backup(ConnectionProfile profile, BackupOptions options, Optional<String> password,
                                   Progress progress, Cancellation cancel) {
            handedOver.add(options);
            return null;
        }
    }
}

package io.backupdesk.ui.connections;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionDefaults;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Preset;
import io.backupdesk.core.SslMode;
import io.backupdesk.crypto.AgeIdentity;
import io.backupdesk.crypto.AgeKeyStore;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.pg.ConnectionCheck;
import io.backupdesk.pg.PgVersion;
import io.backupdesk.store.ProfilePasswords;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.ui.Question;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connections screen over a real profile store and pgpass file in a temporary folder. Logging in is the one
 * part answered here by hand: a real login is exercised by the end-to-end UI test against the test server.
 */
class ConnectionsViewModelTest {
    @TempDir
    Path dir;
    private ProfileStore store;
    private ProfilePasswords passwords;
    private AgeKeyStore keyStore;
    private ConnectionsViewModel model;
    private Optional<String> passwordTested;
    private List<Destination> destinations = List.of();
    private List<Preset> presets = List.of();

    @BeforeEach
    void setUp() {
        store = new ProfileStore(dir, w -> { });
        passwords = new ProfilePasswords(dir.resolve("passwords"));
        keyStore = new AgeKeyStore(dir.resolve("keys"));
        model = new ConnectionsViewModel(new ProfileOperations() {
            @Override
            public List<ConnectionProfile> list() {
                return store.list();
            }

            @Override
            public void save(ConnectionProfile profile, String previousName, Optional<String> password) {
                if (previousName != null && !previousName.equals(profile.name())) {
                    store.remove(previousName);
                    passwords.rename(previousName, profile.name());
                }
                store.save(profile);
                password.ifPresent(p -> passwords.store(profile, p));
            }

            @Override
            public void remove(ConnectionProfile profile) {
                store.remove(profile.name());
                passwords.remove(profile.name());
            }

            @Override
            public boolean hasStoredPassword(ConnectionProfile profile) {
                return passwords.lookup(profile).isPresent();
            }

            @Override
            public ConnectionCheck.Report test(ConnectionProfile profile, Optional<String> password) {
                passwordTested = password;
                if (profile.host().equals("down.example")) {
                    throw new BackupDeskException(ErrorKind.CONNECTION, "Could not connect to " + profile.describe() + ".",
                            "Is the server running and reachable?", List.of("connection refused"), null);
                }
                if (profile.host().equals("locked.example")) {
                    // the engine's own hint for a rejected password, as the connection check gives it
                    throw new BackupDeskException(ErrorKind.AUTHENTICATION, "Password rejected.",
                            io.backupdesk.pg.ToolErrors.hintFor(ErrorKind.AUTHENTICATION), List.of(), null);
                }
                return new ConnectionCheck.Report(profile.describe(), "15.4", new PgVersion(150004), 8_000_000,
                        Optional.empty(), Optional.empty(), List.of("pg_dump 15 or newer is needed; none was found."));
            }

            @Override
            public List<StoredKey> keys() {
                return keyStore.list();
            }

            @Override
            public List<Destination> destinations() {
                return destinations;
            }

            @Override
            public List<Preset> presets() {
                return presets;
            }

            @Override
            public ConnectionDefaults defaults() {
                return new ConnectionDefaults("db.example", 5433, "alice", "sales", SslMode.REQUIRE, null);
            }
        }, new SyncTaskRunner());
    }

    @Test
    void withNoProfilesTheFormOpensWithTheEnvironmentsDefaults() {
        model.load();

        ConnectionFormViewModel form = model.form();
        assertThat(model.formOpenProperty().get()).isTrue();
        assertThat(form.hostProperty().get()).isEqualTo("db.example");
        assertThat(form.portProperty().get()).isEqualTo("5433");
        assertThat(form.userProperty().get()).isEqualTo("alice");
        assertThat(form.databaseProperty().get()).isEqualTo("sales");
        assertThat(form.sslModeProperty().get()).isEqualTo(SslMode.REQUIRE);
        assertThat(model.canSave().get()).isTrue();
    }

    @Test
    void everyFieldSaysWhatIsWrongAndSaveWaitsUntilAllAreRight() {
        model.load();
        ConnectionFormViewModel form = model.form();

        form.nameProperty().set("no spaces please");
        form.portProperty().set("99999");
        form.hostProperty().set(" ");

        assertThat(form.nameError().get()).startsWith("Use letters, digits");
        assertThat(form.portError().get()).isEqualTo("A port between 1 and 65535.");
        assertThat(form.hostError().get()).startsWith("Which server?");
        assertThat(model.canSave().get()).isFalse();
        assertThat(model.canTest().get()).isFalse();

        form.nameProperty().set("prod");
        form.portProperty().set("5432");
        form.hostProperty().set("db1");
        assertThat(model.canSave().get()).isTrue();
    }

    @Test
    void aPastedUriFillsTheFormPasswordIncludedAndABadOneSaysWhy() {
        model.load();
        ConnectionFormViewModel form = model.form();

        form.uriProperty().set("postgresql://bob:s3cret@db2.example:6543/crm?sslmode=verify-full");
        model.applyUri();

        assertThat(form.hostProperty().get()).isEqualTo("db2.example");
        assertThat(form.portProperty().get()).isEqualTo("6543");
        assertThat(form.userProperty().get()).isEqualTo("bob");
        assertThat(form.databaseProperty().get()).isEqualTo("crm");
        assertThat(form.sslModeProperty().get()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(form.passwordProperty().get()).isEqualTo("s3cret");
        assertThat(form.uriProperty().get()).as("cleared, so the password does not linger in plain sight").isEmpty();

        form.uriProperty().set("mysql://nope");
        model.applyUri();
        assertThat(form.uriErrorProperty().get()).isNotEmpty();
    }

    @Test
    void savingStoresTheProfileAndThePasswordOnlyWhenAsked() {
        model.load();
        model.form().nameProperty().set("prod");
        model.form().passwordProperty().set("pw1");

        model.save();

        assertThat(store.list()).extracting(ConnectionProfile::name).containsExactly("prod");
        assertThat(model.passwordStoredProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("Saved prod.");

        model.newProfile();
        model.form().nameProperty().set("other");
        model.form().hostProperty().set("db9");
        model.form().savePasswordProperty().set(false);
        model.form().passwordProperty().set("not-kept");
        model.save();
        assertThat(passwords.fileOf("other")).doesNotExist();
    }

    @Test
    void editingAConnectionKeepsTheKeysItsBackupsAreEncryptedTo() {
        keyStore.generate("ops-key", null);
        String theirs = AgeIdentity.generate().recipient().publicKey();
        store.save(new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, null,
                List.of("ops-key", theirs)));
        model.load();

        model.select(store.require("prod"));
        ConnectionFormViewModel form = model.form();
        assertThat(form.encryption().summary().get()).startsWith("Encrypted to ops-key (age1").contains(", age1");
        form.hostProperty().set("db2");
        form.nameProperty().set("production");
        model.save();

        assertThat(store.require("production").host()).isEqualTo("db2");
        assertThat(store.require("production").encryptTo()).as("not dropped by a form that builds the profile anew")
                .containsExactly("ops-key", theirs);
    }

    @Test
    void editingAConnectionKeepsEveryPartOfItTheDestinationsItsBackupsAreCopiedToIncluded() {
        keyStore.generate("ops-key", null);
        destinations = List.of(destination("nas", false), destination("vault", true));
        ConnectionProfile saved = new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.VERIFY_FULL,
                "sales-service", List.of("ops-key"), List.of("nas", "vault"));
        store.save(saved);
        model.load();

        model.select(store.require("prod"));
        ConnectionFormViewModel form = model.form();
        assertThat(form.copies().summary().get()).isEqualTo("Copied to nas and vault after the backup is verified");
        assertThat(form.copies().warning().get()).as("its backups are encrypted").isEmpty();
        form.portProperty().set("5433");
        model.save();

        assertThat(store.require("prod")).isEqualTo(new ConnectionProfile("prod", "db1", 5433, "sales", "dba",
                SslMode.VERIFY_FULL, "sales-service", List.of("ops-key"), List.of("nas", "vault")));
    }

    @Test
    void aConnectionWhoseBackupsAreNotEncryptedIsWarnedAboutADestinationThatTakesOnlyEncryptedOnes() {
        destinations = List.of(destination("nas", false), destination("vault", true));
        model.load();
        ConnectionFormViewModel form = model.form();
        form.nameProperty().set("prod");
        form.copies().destinations().get(1).chosenProperty().set(true);

        assertThat(form.copies().warning().get()).startsWith("vault takes only encrypted backups, and these backups "
                + "will not be encrypted");
        assertThat(model.canSave().get()).as("a warning: the connection can still be saved").isTrue();
        model.save();
        assertThat(store.require("prod").copyTo()).containsExactly("vault");
    }

    private static Destination destination(String name, boolean onlyEncrypted) {
        return new Destination(name, "file:///mnt/" + name, null, null, false, null, null, null, null, onlyEncrypted,
                java.time.Instant.parse("2026-05-01T08:00:00Z"));
    }

    @Test
    void editingAConnectionKeepsItsServiceWhichTheFormHasNoFieldFor() {
        store.save(new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, "sales-service"));
        model.load();

        model.select(store.require("prod"));
        model.form().hostProperty().set("db2");
        model.save();

        assertThat(store.require("prod").service()).isEqualTo("sales-service");
        assertThat(store.require("prod").host()).isEqualTo("db2");
    }

    @Test
    void theDefaultBackupOptionsAreChosenAmongThePresetsAndSavedWithTheConnection() {
        presets = List.of(new Preset("lean", "no owners", BackupOptions.defaults()),
                new Preset("script", null, BackupOptions.defaults()));
        store.save(new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, null));
        model.load();
        model.select(store.require("prod"));
        ConnectionFormViewModel form = model.form();

        assertThat(form.presetChoices()).extracting(ConnectionFormViewModel.PresetChoice::name)
                .containsExactly(null, "lean", "script");
        assertThat(form.presetProperty().get().name()).as("the settings' defaults").isNull();
        form.presetProperty().set(form.presetChoices().get(1));
        model.save();
        assertThat(store.require("prod").preset()).isEqualTo("lean");

        model.select(store.require("prod"));
        assertThat(form.presetProperty().get()).isEqualTo(new ConnectionFormViewModel.PresetChoice("lean", "no owners",
                false));
        form.presetProperty().set(form.presetChoices().get(0));
        model.save();
        assertThat(store.require("prod").preset()).isNull();

        model.newProfile();
        assertThat(form.presetProperty().get().name()).as("a new connection starts on the defaults").isNull();
    }

    @Test
    void editingAConnectionKeepsAPresetThatIsNotAmongThePresetsAndSaysSo() {
        store.save(new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, null).withPreset("lean"));
        model.load();

        model.select(store.require("prod"));
        assertThat(model.form().presetProperty().get()).isEqualTo(new ConnectionFormViewModel.PresetChoice("lean", null,
                true));
        assertThat(model.form().presetChoices()).contains(model.form().presetProperty().get());
        model.form().hostProperty().set("db2");
        model.save();

        assertThat(store.require("prod").preset()).isEqualTo("lean");
    }

    @Test
    void aKeyTickedOnANewConnectionIsSavedWithItAndABadPastedKeyHoldsTheSaveBack() {
        model.load();
        keyStore.generate("ops-key", null);
        model.newProfile();
        ConnectionFormViewModel form = model.form();
        form.nameProperty().set("prod");
        assertThat(form.encryption().keys()).as("a key made after the screen opened").hasSize(1);
        assertThat(form.encryption().summary().get()).isEqualTo("Not encrypted");

        form.encryption().keys().get(0).chosenProperty().set(true);
        form.encryption().publicKeysProperty().set("age1notakey");
        assertThat(form.encryption().error().get()).isNotEmpty();
        assertThat(model.canSave().get()).isFalse();
        form.encryption().publicKeysProperty().set("");
        assertThat(model.canSave().get()).isTrue();
        model.save();

        assertThat(store.require("prod").encryptTo()).containsExactly("ops-key");
    }

    @Test
    void removingAsksByNameThenTakesTheProfileAndItsPassword() {
        model.load();
        model.form().nameProperty().set("prod");
        model.form().passwordProperty().set("pw1");
        model.save();
        model.select(store.list().get(0));

        assertThat(model.deleteQuestion()).isEqualTo(new Question("Remove connection",
                "Remove the connection prod and its stored password? Its backups are not touched.", "Remove"));
        model.delete();

        assertThat(store.list()).isEmpty();
        assertThat(passwords.fileOf("prod")).doesNotExist();
        assertThat(model.messageProperty().get()).isEqualTo("Removed prod. Its backups stay where they are.");
    }

    @Test
    void aNameTakenByAnotherProfileIsRefusedButKeepingItsOwnNameIsFine() {
        model.load();
        model.form().nameProperty().set("prod");
        model.save();
        model.newProfile();

        model.form().nameProperty().set("prod");
        assertThat(model.form().nameError().get()).isEqualTo("Another connection has this name.");

        model.select(store.list().get(0));
        assertThat(model.form().nameError().get()).isEmpty();
    }

    @Test
    void theTestReportsTheServerAndToolsOrTheErrorWithItsHint() {
        model.load();
        model.form().passwordProperty().set("typed");

        model.test();

        TestOutcome found = model.outcomeProperty().get();
        assertThat(found.ok()).isFalse();
        assertThat(found.headline()).startsWith("Connected to alice@db.example:5433/sales, but backups would fail");
        assertThat(found.lines()).contains("Server: 15.4", "Database size: 7.6 MB", "pg_dump: none that fits this server");
        assertThat(passwordTested).contains("typed");

        model.form().hostProperty().set("down.example");
        model.test();
        TestOutcome failed = model.outcomeProperty().get();
        assertThat(failed.headline()).startsWith("Could not connect to");
        assertThat(failed.hint()).isEqualTo("Is the server running and reachable?");
        assertThat(failed.lines()).containsExactly("connection refused");
    }

    @Test
    void aRejectedPasswordIsExplainedWithoutACommandLineTheScreenCannotRun() {
        model.load();
        model.form().hostProperty().set("locked.example");

        model.test();

        TestOutcome failed = model.outcomeProperty().get();
        assertThat(failed.hint()).contains("password").doesNotContain("--").doesNotContain("backupdesk ");
    }
}

package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.RestoreRecord;
import io.backupdesk.core.SslMode;
import io.backupdesk.crypto.AgeEncryptor;
import io.backupdesk.crypto.AgeKeyStore;
import io.backupdesk.crypto.Passphrase;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.jobs.EncryptionKeys;
import io.backupdesk.jobs.RestoreJob;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.restore.CheckId;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wizard on encrypted backups, without a toolkit: real age files and a real key store, opened by the jobs layer's
 * own check, so a right or wrong passphrase is judged by the same code as in the app. The server is answered by hand.
 */
class EncryptedRestoreWizardViewModelTest {
    private static final ConnectionProfile PROD = new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, null);

    @TempDir
    Path dir;
    private AgeKeyStore store;
    private RestoreJob opener;
    private final List<SecretKeys> given = new ArrayList<>();
    private RestoreWizardViewModel wizard;

    private void desk() {
        store = new AgeKeyStore(dir.resolve("keys"));
        opener = new RestoreJob(null, null, new EncryptionKeys(store), null, null, null, Clock.systemUTC());
        wizard = new RestoreWizardViewModel(new Desk(), new SyncTaskRunner());
    }

    @Test
    void aBackupAStoredKeyOpensAsksForNothingAndSaysWhichKeyItNeeds() throws IOException {
        desk();
        String office = publicKey(store.generate("office", null));
        BackupCatalog.Entry backup = encryptedTo(office);

        wizard.open(backup);

        UnlockViewModel unlock = wizard.unlock();
        assertThat(unlock.stateProperty().get()).isEqualTo(UnlockViewModel.State.OPEN);
        assertThat(unlock.descriptionProperty().get()).isEqualTo("Encrypted to " + office + " (key 'office').");
        assertThat(unlock.messageProperty().get()).isEqualTo("A key stored here opens it.");
        assertThat(wizard.canNext().get()).isTrue();
        restoreThrough();
        assertThat(given).hasSize(2).allSatisfy(s -> assertThat(s.passphrase()).isNull());
    }

    @Test
    void aProtectedStoredKeyAsksForItsPassphraseTellsAWrongOneAndTakesTheRightOneThroughToTheRestore() throws IOException {
        desk();
        String office;
        try (Passphrase protection = Passphrase.of("right horse".toCharArray())) {
            office = publicKey(store.generate("office", protection));
        }
        wizard.open(encryptedTo(office));
        UnlockViewModel unlock = wizard.unlock();
        assertThat(unlock.stateProperty().get()).isEqualTo(UnlockViewModel.State.NEEDS_PASSPHRASE);
        assertThat(unlock.messageProperty().get()).contains("protected by a passphrase");
        assertThat(wizard.canNext().get()).as("nothing goes on until it opens").isFalse();

        char[] wrong = "wrong horse".toCharArray();
        unlock.unlock(wrong);
        assertThat(unlock.stateProperty().get()).isEqualTo(UnlockViewModel.State.NEEDS_PASSPHRASE);
        assertThat(unlock.messageProperty().get()).isEqualTo("That passphrase does not open it. Type it again.");
        assertThat(wrong).as("the characters typed are wiped").containsOnly('\0');
        assertThat(wizard.canNext().get()).isFalse();

        unlock.unlock("right horse".toCharArray());
        assertThat(unlock.stateProperty().get()).isEqualTo(UnlockViewModel.State.OPEN);
        assertThat(wizard.canNext().get()).isTrue();
        restoreThrough();

        assertThat(given).hasSize(2).allSatisfy(s -> assertThat(s.passphrase()).isNotNull());
        SecretKeys used = given.get(1);
        assertThatThrownBy(() -> opener.requireOpenable(encryptedTo(office), used))
                .as("the passphrase is wiped once the restore ended").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutItsSecretKeyTheWizardNamesThePublicKeyBeforeAnythingRunsAndAKeyFileOpensIt() throws IOException {
        desk();
        String office = publicKey(store.generate("office", null));
        Path kept = Files.move(store.secretFile("office"), dir.resolve("office.key"));
        BackupCatalog.Entry backup = encryptedTo(office);

        wizard.open(backup);

        UnlockViewModel unlock = wizard.unlock();
        assertThat(unlock.stateProperty().get()).isEqualTo(UnlockViewModel.State.REFUSED);
        assertThat(unlock.messageProperty().get()).contains(office).contains("the secret key is required")
                .contains("Nothing has been changed");
        assertThat(unlock.keyFileOfferedProperty().get()).isTrue();
        assertThat(wizard.canNext().get()).isFalse();
        wizard.next();
        assertThat(wizard.stepProperty().get()).as("Next does nothing where it is disabled").isEqualTo(WizardStep.SOURCE);
        assertThat(given).isEmpty();

        unlock.useKeyFile(kept);
        assertThat(unlock.stateProperty().get()).isEqualTo(UnlockViewModel.State.OPEN);
        assertThat(unlock.messageProperty().get()).isEqualTo("The key file office.key opens it.");
    }

    @Test
    void aKeyFileOfAnotherKeyIsRefusedNamingTheKeyTheBackupNeeds() throws IOException {
        desk();
        String office = publicKey(store.generate("office", null));
        store.generate("home", null);
        Path home = Files.move(store.secretFile("home"), dir.resolve("home.key"));
        Files.delete(store.secretFile("office"));
        wizard.open(encryptedTo(office));

        wizard.unlock().useKeyFile(home);

        assertThat(wizard.unlock().stateProperty().get()).isEqualTo(UnlockViewModel.State.REFUSED);
        assertThat(wizard.unlock().messageProperty().get()).contains(office).contains("home.key");
        assertThat(wizard.canNext().get()).isFalse();
    }

    @Test
    void aPassphraseBackupAsksForItsPassphraseOffersNoKeyFileAndIsWipedWhenTheWizardCloses() throws IOException {
        desk();
        BackupCatalog.Entry backup;
        try (Passphrase p = Passphrase.of("right horse".toCharArray())) {
            backup = encrypted(AgeEncryptor.withPassphrase(p, 10), List.of());
        }
        wizard.open(backup);
        UnlockViewModel unlock = wizard.unlock();
        assertThat(unlock.descriptionProperty().get()).isEqualTo("Encrypted with a passphrase.");
        assertThat(unlock.stateProperty().get()).isEqualTo(UnlockViewModel.State.NEEDS_PASSPHRASE);
        assertThat(unlock.messageProperty().get()).isEqualTo("Type the backup's passphrase to restore it.");
        assertThat(unlock.keyFileOfferedProperty().get()).isFalse();

        unlock.unlock("wrong horse".toCharArray());
        assertThat(unlock.messageProperty().get()).contains("does not open it");
        unlock.unlock("right horse".toCharArray());
        assertThat(unlock.messageProperty().get()).isEqualTo("The passphrase opens it.");
        for (int i = 0; i < 3; i++) {
            wizard.next();
        }
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.PREFLIGHT);
        SecretKeys used = given.get(0);

        wizard.close();

        assertThatThrownBy(() -> opener.requireOpenable(backup, used)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnencryptedBackupShowsNoLockAndIsNotChecked() {
        desk();
        BackupRecord record = record(false, List.of(), "sales.dump");

        wizard.open(new BackupCatalog.Entry(record, dir.resolve("sales.backup.json"), BackupStatus.OK));

        assertThat(wizard.unlock().stateProperty().get()).isEqualTo(UnlockViewModel.State.NOT_ENCRYPTED);
        assertThat(wizard.unlock().descriptionProperty().get()).isEmpty();
        assertThat(wizard.canNext().get()).isTrue();
    }

    /** Next to the confirmation, the name, Restore: the pre-flight and the restore each get the secrets. */
    private void restoreThrough() {
        for (int i = 0; i < 4; i++) {
            wizard.next();
        }
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.CONFIRM);
        wizard.typedNameProperty().set("sales");
        assertThat(wizard.canRestore().get()).isTrue();
        wizard.restore();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.REPORT);
        assertThat(wizard.problemProperty().get()).isEmpty();
    }

    private static String publicKey(StoredKey key) {
        return key.recipients().get(0).publicKey();
    }

    private BackupCatalog.Entry encryptedTo(String publicKey) throws IOException {
        return encrypted(AgeEncryptor.toRecipients(store.recipients("office").stream()
                .filter(r -> r.publicKey().equals(publicKey)).toList()), List.of(publicKey));
    }

    private BackupCatalog.Entry encrypted(AgeEncryptor encryptor, List<String> recipients) throws IOException {
        Path archive = dir.resolve("sales.dump.age");
        try (OutputStream out = encryptor.encrypt(Files.newOutputStream(archive))) {
            out.write("PGDMP and the rest".getBytes(StandardCharsets.UTF_8));
        }
        return new BackupCatalog.Entry(record(true, recipients, archive.getFileName().toString()),
                dir.resolve("sales.backup.json"), BackupStatus.OK);
    }

    private static BackupRecord record(boolean encrypted, List<String> recipients, String fileName) {
        return BackupRecord.builder().id("b1").profile("prod").host("db1").port(5432).database("sales")
                .serverVersion("15.4").pgDumpVersion("15.4").format(BackupFormat.CUSTOM)
                .options(BackupOptions.ofFormat(BackupFormat.CUSTOM)).fileName(fileName).sizeBytes(1000)
                .sha256("0".repeat(64)).createdAt(Instant.parse("2026-11-20T02:00:00Z")).durationMillis(1000)
                .status(BackupStatus.OK).origin(BackupRecord.ORIGIN_MANUAL).encrypted(encrypted).recipients(recipients)
                .build();
    }

    /** The server answered by hand; opening the backup is the jobs layer's real check. */
    private final class Desk implements RestoreOperations {
        @Override
        public List<ConnectionProfile> profiles() {
            return List.of(PROD);
        }

        @Override
        public BackupCatalog.Entry importFile(Path file, String profile) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean databaseExists(ConnectionProfile profile, String database) {
            return true;
        }

        @Override
        public List<StoredKey> storedKeys() {
            return store.list();
        }

        @Override
        public void requireOpenable(BackupCatalog.Entry backup, SecretKeys secrets) {
            opener.requireOpenable(backup, secrets);
        }

        @Override
        public List<PreflightCheck> preflight(RestorePlan plan, SecretKeys secrets) {
            given.add(secrets);
            opener.requireOpenable(plan.source(), secrets);
            return List.of(PreflightCheck.ok(CheckId.CHECKSUM, "The checksum matches."));
        }

        @Override
        public RestoreReport restore(RestorePlan plan, SecretKeys secrets, Progress progress, Consumer<String> log,
                                     Cancellation cancel) {
            given.add(secrets);
            opener.requireOpenable(plan.source(), secrets);
            return new RestoreReport("r1", RestoreReport.Outcome.COMPLETE, "The restore of sales is complete.", "sales",
                    List.of(), List.of(), List.of(), "sales_before", null, List.of());
        }

        @Override
        public RestoreRecord rollback(String restoreId, ConnectionProfile target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RestoreRecord dropOldCopy(String restoreId, ConnectionProfile target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Duration> backupDuration(ConnectionProfile profile, String database) {
            return Optional.empty();
        }
    }
}

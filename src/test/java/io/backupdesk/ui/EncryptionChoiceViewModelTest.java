package io.backupdesk.ui;

import io.backupdesk.crypto.AgeIdentity;
import io.backupdesk.crypto.AgeRecipient;
import io.backupdesk.crypto.StoredKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** "Encrypt backups to": what is ticked and pasted, said in words, and what is wrong with it. */
class EncryptionChoiceViewModelTest {
    private static final AgeRecipient OPS = AgeIdentity.generate().recipient();
    private static final String THEIRS = AgeIdentity.generate().recipient().publicKey();
    private static final List<StoredKey> STORED = List.of(new StoredKey("ops-key", List.of(OPS), true, false, ""),
            new StoredKey("vault", List.of(AgeIdentity.generate().recipient()), false, false, ""));

    @Test
    void storedNamesAreTickedAndPublicKeysPastedAsTheyWereStoredAndComeBackTheSame() {
        EncryptionChoiceViewModel choice = new EncryptionChoiceViewModel(false);

        choice.load(STORED, List.of(THEIRS, "ops-key"));

        assertThat(choice.keys()).extracting(StoredKeyOption::name).containsExactly("ops-key", "vault");
        assertThat(choice.keys().get(0).chosenProperty().get()).isTrue();
        assertThat(choice.keys().get(1).chosenProperty().get()).isFalse();
        assertThat(choice.publicKeysProperty().get()).isEqualTo(THEIRS);
        assertThat(choice.encryptTo()).containsExactly("ops-key", THEIRS);
        assertThat(choice.summary().get()).isEqualTo("Encrypted to ops-key (" + Formats.publicKey(OPS.publicKey())
                + "), " + THEIRS.substring(0, 12) + "…" + THEIRS.substring(58));
        assertThat(choice.valid().get()).isTrue();
    }

    @Test
    void nothingChosenIsNotEncryptedOnAConnectionAndTheConnectionsKeysOnARun() {
        EncryptionChoiceViewModel connection = new EncryptionChoiceViewModel(false);
        connection.load(STORED, List.of());
        assertThat(connection.summary().get()).isEqualTo("Not encrypted");
        assertThat(connection.encrypts().get()).isFalse();

        EncryptionChoiceViewModel run = new EncryptionChoiceViewModel(true);
        run.load(STORED, List.of());
        run.connectionKeysProperty().set(List.of("ops-key"));
        assertThat(run.summary().get()).startsWith("Encrypted to the connection's keys: ops-key (age1");
        assertThat(run.encrypts().get()).isTrue();
        assertThat(run.encryptTo()).as("stored: empty, so that the connection's keys apply").isEmpty();

        run.keys().get(1).chosenProperty().set(true);
        assertThat(run.summary().get()).startsWith("Encrypted to vault (age1");
        assertThat(run.encryptTo()).containsExactly("vault");
    }

    @Test
    void aPastedTextThatIsNoPublicKeyIsNamedAndAPastedKeyIsKeptInLowerCase() {
        EncryptionChoiceViewModel choice = new EncryptionChoiceViewModel(false);
        choice.load(STORED, List.of());

        choice.publicKeysProperty().set("ops-key");
        assertThat(choice.error().get()).isEqualTo("This is not an age public key: it does not start with age1.");
        assertThat(choice.valid().get()).isFalse();

        choice.publicKeysProperty().set(" " + THEIRS.toUpperCase(Locale.ROOT) + ",  ");
        assertThat(choice.error().get()).isEmpty();
        assertThat(choice.encryptTo()).containsExactly(THEIRS);
    }

    @Test
    void aKeyGoneFromTheKeyStoreStaysTickedAndMustBeUntickedOnPurpose() {
        EncryptionChoiceViewModel choice = new EncryptionChoiceViewModel(false);

        choice.load(STORED, List.of("old-key", "ops-key"));

        assertThat(choice.keys()).extracting(StoredKeyOption::name).containsExactly("ops-key", "vault", "old-key");
        assertThat(choice.encryptTo()).containsExactly("ops-key", "old-key");
        assertThat(choice.error().get()).startsWith("The key old-key is no longer in the key store");
        choice.keys().get(2).chosenProperty().set(false);
        assertThat(choice.error().get()).isEmpty();
        assertThat(choice.encryptTo()).containsExactly("ops-key");
    }

    @Test
    void aStoredKeyWhoseFilesAreDamagedCannotBeTickedUnnoticed() {
        StoredKey damaged = new StoredKey("broken", List.of(), true, false, "The public key file broken.pub is missing.");
        EncryptionChoiceViewModel choice = new EncryptionChoiceViewModel(false);
        choice.load(List.of(damaged), List.of());

        choice.keys().get(0).chosenProperty().set(true);

        assertThat(choice.keys().get(0).label()).isEqualTo("broken (The public key file broken.pub is missing.)");
        assertThat(choice.error().get()).isEqualTo("The key broken cannot be used: The public key file broken.pub is"
                + " missing. Untick it, or remove it in Settings and import it again.");
    }

    @Test
    void theKeyStoreReadAgainKeepsWhatIsTicked() {
        EncryptionChoiceViewModel choice = new EncryptionChoiceViewModel(false);
        choice.load(STORED.subList(0, 1), List.of("ops-key"));

        choice.refreshKeys(STORED);

        assertThat(choice.keys()).extracting(StoredKeyOption::name).containsExactly("ops-key", "vault");
        assertThat(choice.encryptTo()).containsExactly("ops-key");
        choice.keys().get(1).chosenProperty().set(true);
        assertThat(choice.summary().get()).contains("ops-key").contains("vault");
    }

    @Test
    void theDirectoryFormatIsRefusedWhenTheBackupWouldBeEncryptedByItsOwnKeysOrTheConnections() {
        EncryptionChoiceViewModel run = new EncryptionChoiceViewModel(true);
        run.load(STORED, List.of());
        run.directoryFormatProperty().set(true);
        assertThat(run.valid().get()).as("not encrypted at all").isTrue();

        run.connectionKeysProperty().set(List.of("ops-key"));
        assertThat(run.error().get()).startsWith("This connection's backups are encrypted, and the directory format");
        run.keys().get(0).chosenProperty().set(true);
        assertThat(run.error().get()).startsWith("The directory format cannot be encrypted in this version");
        run.directoryFormatProperty().set(false);
        assertThat(run.valid().get()).isTrue();
    }
}

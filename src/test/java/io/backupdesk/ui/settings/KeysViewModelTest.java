package io.backupdesk.ui.settings;

import io.backupdesk.crypto.AgeIdentity;
import io.backupdesk.crypto.CryptoException;
import io.backupdesk.crypto.Passphrase;
import io.backupdesk.ui.Question;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Keys section over a real key store in a temporary folder. */
class KeysViewModelTest {
    private static final String PARTNER = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

    @TempDir
    Path dir;
    private FolderKeys keys;
    private KeysViewModel model;

    @BeforeEach
    void setUp() {
        keys = new FolderKeys(dir);
        model = new KeysViewModel(keys, new SyncTaskRunner());
        model.load();
    }

    @Test
    void aGeneratedKeyIsListedWithItsPublicKeyAndWhereItsSecretKeyIs() {
        NewKeyFormViewModel form = model.newKeyForm();
        form.nameProperty().set("offsite");
        assertThat(form.canGenerate().get()).isTrue();

        model.generate(form);

        assertThat(form.doneProperty().get()).isTrue();
        KeyRowViewModel row = model.rows().get(0);
        assertThat(row.name()).isEqualTo("offsite");
        assertThat(row.publicKeys()).startsWith("age1").isEqualTo(keys.store.show("offsite").recipients().get(0).publicKey());
        assertThat(row.hasSecretKey()).isTrue();
        assertThat(row.passphraseProtected()).isFalse();
        assertThat(row.secretKeyText()).isEqualTo("Secret key: " + dir.resolve("keys").resolve("offsite.key"));
        assertThat(model.messageProperty().get()).startsWith("Key offsite made.");
        assertThat(model.failedProperty().get()).isFalse();
    }

    @Test
    void aKeyGeneratedWithAPassphraseNeedsItToDecryptAndTheFormForgetsIt() {
        NewKeyFormViewModel form = model.newKeyForm();
        form.nameProperty().set("vault");
        form.passphraseProperty().set("correct horse");
        form.repeatedProperty().set("correct horse!");
        assertThat(form.passphraseError().get()).isEqualTo("The two passphrases differ.");
        assertThat(form.canGenerate().get()).isFalse();
        form.repeatedProperty().set("correct horse");

        model.generate(form);

        assertThat(form.passphraseProperty().get()).isEmpty();
        assertThat(form.repeatedProperty().get()).isEmpty();
        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.passphraseProtected()).isTrue();
            assertThat(row.secretKeyText()).endsWith("protected by a passphrase");
        });
        assertThatThrownBy(() -> keys.store.identities("vault", null)).isInstanceOf(CryptoException.class)
                .extracting(e -> ((CryptoException) e).failure()).isEqualTo(CryptoException.Failure.PASSPHRASE_REQUIRED);
        try (Passphrase passphrase = Passphrase.of("correct horse".toCharArray())) {
            assertThat(keys.store.identities("vault", passphrase)).hasSize(1);
        }
    }

    @Test
    void aNameThatIsTakenOrNotAFileNameIsRefusedAsItIsTyped() {
        keys.store.generate("offsite", null);
        model.load();
        NewKeyFormViewModel form = model.newKeyForm();

        form.nameProperty().set("OFFSITE");
        assertThat(form.nameError().get()).isEqualTo("A key named OFFSITE exists already.");
        form.nameProperty().set("../etc");
        assertThat(form.nameError().get()).startsWith("Up to 64 letters");
        assertThat(form.canGenerate().get()).isFalse();
        form.nameProperty().set("");
        assertThat(form.nameError().get()).isEmpty();
        assertThat(form.canGenerate().get()).isFalse();
    }

    @Test
    void aPastedPublicKeyIsKeptAsAKeyWithoutItsSecret() {
        ImportKeyFormViewModel form = model.importForm();
        form.sourceProperty().set(ImportKeyFormViewModel.Source.PUBLIC_KEY);
        form.nameProperty().set("partner");
        form.publicKeyProperty().set("AGE-SECRET-KEY-1QQQ");
        assertThat(form.publicKeyError().get()).startsWith("A secret key (AGE-SECRET-KEY-1…) was given");
        assertThat(form.canImport().get()).isFalse();
        form.publicKeyProperty().set("  " + PARTNER + " ");

        model.importKey(form);

        assertThat(form.doneProperty().get()).isTrue();
        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.hasSecretKey()).isFalse();
            assertThat(row.publicKeys()).isEqualTo(PARTNER);
            assertThat(row.secretKeyText()).startsWith("Public key only");
        });
        assertThat(model.messageProperty().get()).contains("its public key only");
    }

    @Test
    void aProtectedKeyFileAsksForItsPassphraseAndAWrongOneIsSaidSo() throws Exception {
        keys.store.generate("source", null);
        Path plain = dir.resolve("keys").resolve("source.key");
        AgeIdentity identity = keys.store.identities("source", null).get(0);
        byte[] protectedFile;
        try (Passphrase passphrase = Passphrase.of("s3cret".toCharArray())) {
            protectedFile = io.backupdesk.crypto.IdentityFile.protect(Files.readString(plain), passphrase, 10);
        }
        Path file = Files.write(dir.resolve("laptop.age"), protectedFile);
        ImportKeyFormViewModel form = model.importForm();
        form.fileChosen(file);
        assertThat(form.nameProperty().get()).isEqualTo("laptop");

        model.importKey(form);

        assertThat(form.passphraseNeededProperty().get()).isTrue();
        assertThat(form.errorProperty().get()).contains("protected by a passphrase");
        assertThat(form.canImport().get()).isFalse();
        form.passphraseProperty().set("wrong");
        model.importKey(form);
        assertThat(form.doneProperty().get()).isFalse();
        assertThat(form.errorProperty().get()).isNotEmpty();
        assertThat(form.passphraseProperty().get()).isEmpty();

        form.passphraseProperty().set("s3cret");
        model.importKey(form);

        assertThat(form.doneProperty().get()).isTrue();
        KeyRowViewModel laptop = model.rows().stream().filter(r -> r.name().equals("laptop")).findFirst().orElseThrow();
        assertThat(laptop.passphraseProtected()).isTrue();
        assertThat(laptop.publicKeys()).isEqualTo(identity.recipient().publicKey());
    }

    @Test
    void theRemoveQuestionSaysThatBackupsNeedTheSecretKeyAndRemovingDeletesBothFiles() {
        keys.store.generate("offsite", null);
        keys.store.importRecipients("partner", List.of(io.backupdesk.crypto.AgeRecipient.parse(PARTNER)));
        model.load();
        KeyRowViewModel offsite = model.rows().get(0);
        KeyRowViewModel partner = model.rows().get(1);

        Question question = model.removeQuestion(offsite);
        assertThat(question.text()).contains(dir.resolve("keys").resolve("offsite.key").toString())
                .contains("Backups encrypted only to offsite cannot be restored without its secret key");
        assertThat(question.action()).isEqualTo("Remove offsite");
        assertThat(model.removeQuestion(partner).text()).contains("stay restorable wherever its secret key is");

        model.remove(offsite);

        assertThat(model.rows()).extracting(KeyRowViewModel::name).containsExactly("partner");
        assertThat(dir.resolve("keys").resolve("offsite.key")).doesNotExist();
        assertThat(dir.resolve("keys").resolve("offsite.pub")).doesNotExist();
        assertThat(model.messageProperty().get()).isEqualTo("Key offsite removed.");
    }

    @Test
    void theRecoverySheetAndThePublicKeyFileAreWrittenWhereTheUserChose() throws Exception {
        keys.store.generate("offsite", null);
        model.load();
        KeyRowViewModel row = model.rows().get(0);
        assertThat(model.recoverySheetFileName(row)).isEqualTo("recovery-sheet-offsite.txt");
        assertThat(model.publicKeyFileName(row)).isEqualTo("offsite.pub");

        model.saveRecoverySheet(row, dir.resolve("sheet.txt"));
        model.exportPublicKey(row, dir.resolve("offsite.pub"));

        String sheet = Files.readString(dir.resolve("sheet.txt"), StandardCharsets.UTF_8);
        assertThat(sheet).contains(row.publicKeys()).contains(row.secretFile()).doesNotContain("AGE-SECRET-KEY");
        assertThat(Files.readString(dir.resolve("offsite.pub"))).contains(row.publicKeys());
        assertThat(model.messageProperty().get()).startsWith("The public key of offsite is saved in");
    }

    @Test
    void aFileThatCannotBeWrittenIsSaidAsAFailure() {
        keys.store.generate("offsite", null);
        model.load();

        model.saveRecoverySheet(model.rows().get(0), dir.resolve("no-such-folder").resolve("sheet.txt"));

        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isNotEmpty();
    }

    @Test
    void copyingGivesThePublicKeyAndSaysSo() {
        keys.store.importRecipients("partner", List.of(io.backupdesk.crypto.AgeRecipient.parse(PARTNER)));
        model.load();

        assertThat(model.copyPublicKey(model.rows().get(0))).isEqualTo(PARTNER);
        assertThat(model.messageProperty().get()).isEqualTo("The public key of partner is on the clipboard.");
    }

    @Test
    void aDamagedKeyIsListedWithItsProblem() throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys").resolve("broken.pub"), "not a key\n");

        model.load();

        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.problem()).isNotEmpty();
            assertThat(row.hasPublicKey()).isFalse();
        });
    }
}

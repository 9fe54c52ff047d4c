package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.VerifyService;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Progress;
import io.backupdesk.core.Verification;
import io.backupdesk.crypto.AgeEncryptor;
import io.backupdesk.crypto.AgeKeyStore;
import io.backupdesk.crypto.Passphrase;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.jobs.EncryptionKeys;
import io.backupdesk.jobs.VerifyJob;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ToolDiscovery;
import io.backupdesk.pg.ToolSelection;
import io.backupdesk.store.Json;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encrypted backups in the list: marked, their keys named in the details, and a verify without the secret key shown
 * for what it is, a checksum check. A real catalog folder, real age files, the real verify job; no toolkit.
 */
class EncryptedBackupsViewModelTest {
    @TempDir
    Path dir;
    private AgeKeyStore keys;
    private String office;
    private BackupsViewModel model;

    @BeforeEach
    void aCatalogWithAnEncryptedAPassphraseAndAPlainBackup() throws Exception {
        keys = new AgeKeyStore(dir.resolve("keys"));
        office = keys.generate("office", null).recipients().get(0).publicKey();
        // the key's secret is elsewhere: this desk can encrypt to it but not open what it encrypted
        Files.delete(keys.secretFile("office"));
        write("keyed", AgeEncryptor.toRecipients(keys.recipients("office")), List.of(office), "2026-12-01T02:00:00Z");
        try (Passphrase p = Passphrase.of("right horse".toCharArray())) {
            write("phrase", AgeEncryptor.withPassphrase(p, 10), List.of(), "2026-12-02T02:00:00Z");
        }
        write("plain", null, List.of(), "2026-12-03T02:00:00Z");
        model = new BackupsViewModel(new Desk(), new SyncTaskRunner());
        model.refresh();
    }

    @Test
    void encryptedBackupsAreMarkedAndFoundByTheWord() {
        assertThat(model.shown()).extracting(BackupRowViewModel::id, BackupRowViewModel::encrypted)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("keyed", true),
                        org.assertj.core.groups.Tuple.tuple("phrase", true), org.assertj.core.groups.Tuple.tuple("plain", false));

        model.filterTextProperty().set("encrypted");

        assertThat(model.shown()).extracting(BackupRowViewModel::id).containsExactlyInAnyOrder("keyed", "phrase");
    }

    @Test
    void theDetailsNameThePublicKeyToCopyAndTheStoredKeyItBelongsTo() {
        model.select(List.of(row("keyed")));

        List<BackupDetails.Field> fields = model.detailsProperty().get().fields();
        assertThat(fields).contains(new BackupDetails.Field("Encrypted to", office, true),
                new BackupDetails.Field("Key here", "'office': only its public key is here, which cannot open it"));

        model.select(List.of(row("phrase")));
        assertThat(model.detailsProperty().get().fields()).contains(new BackupDetails.Field("Encrypted", "With a passphrase"));

        model.select(List.of(row("plain")));
        assertThat(model.detailsProperty().get().fields()).extracting(BackupDetails.Field::name)
                .doesNotContain("Encrypted to", "Encrypted");
    }

    @Test
    void verifyingWithoutTheKeyChecksTheChecksumOnlyAndTheListSaysSoRatherThanVerified() {
        model.select(List.of(row("keyed"), row("phrase")));

        model.verifySelected();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.noticeProperty().get())
                .isEqualTo("2 encrypted backups were checked by their checksums only: the files are intact, but their contents"
                        + " were not read without the secret key.");
        BackupRowViewModel keyed = row("keyed");
        assertThat(keyed.statusValue()).isEqualTo(BackupStatus.OK);
        assertThat(keyed.status()).isEqualTo("checksum ok");
        model.select(List.of(keyed));
        assertThat(model.detailsProperty().get().verification()).startsWith("Its checksum matched on ")
                .contains("its contents were not read");
    }

    @Test
    void anEncryptedBackupReadInFullWhenWrittenStaysVerifiedAndTheDetailsSayTheContentsWereReadEarlier()
            throws Exception {
        Path sidecar = dir.resolve("backups/prod/sales/keyed.backup.json");
        BackupRecord read = Json.mapper().readValue(sidecar.toFile(), BackupRecord.class).toBuilder()
                .verification(new Verification(BackupStatus.VERIFIED, Instant.parse("2026-12-01T02:01:00Z"),
                        "Read back in full as it was written, before it was encrypted.")).build();
        Files.write(sidecar, Json.mapper().writeValueAsBytes(read));
        model.refresh();
        model.select(List.of(row("keyed")));

        model.verifySelected();

        assertThat(row("keyed").status()).isEqualTo("verified");
        assertThat(model.noticeProperty().get()).isEmpty();
        model.select(List.of(row("keyed")));
        assertThat(model.detailsProperty().get().verification()).startsWith("Checked on ")
                .contains("Its contents have been read in full, as it was written or since with its key");
    }

    @Test
    void aDamagedEncryptedFileIsCorruptEvenWithoutTheKey() throws IOException {
        Path archive = dir.resolve("backups/prod/sales/keyed.dump.age");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length - 1] ^= 1;
        Files.write(archive, bytes);
        model.select(List.of(row("keyed")));

        model.verifySelected();

        assertThat(row("keyed").statusValue()).isEqualTo(BackupStatus.CORRUPT);
        assertThat(model.noticeProperty().get()).isEmpty();
    }

    private BackupRowViewModel row(String id) {
        return model.shown().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private void write(String id, AgeEncryptor encryptor, List<String> recipients, String at)
            throws IOException, NoSuchAlgorithmException {
        Path folder = Files.createDirectories(dir.resolve("backups/prod/sales"));
        String name = id + ".dump" + (encryptor == null ? "" : ".age");
        byte[] content = "PGDMP and the rest".getBytes(StandardCharsets.UTF_8);
        if (encryptor == null) {
            Files.write(folder.resolve(name), content);
        } else {
            try (OutputStream out = encryptor.encrypt(Files.newOutputStream(folder.resolve(name)))) {
                out.write(content);
            }
        }
        byte[] file = Files.readAllBytes(folder.resolve(name));
        BackupRecord record = BackupRecord.builder().id(id).profile("prod").host("db1").port(5432).database("sales")
                .serverVersion("15.4").pgDumpVersion("15.4").format(BackupFormat.CUSTOM)
                .options(BackupOptions.ofFormat(BackupFormat.CUSTOM)).fileName(name).sizeBytes(file.length)
                .sha256(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)))
                .createdAt(Instant.parse(at)).durationMillis(1000).status(BackupStatus.OK)
                .origin(BackupRecord.ORIGIN_MANUAL).encrypted(encryptor != null).recipients(recipients).build();
        Files.write(folder.resolve(id + ".backup.json"), Json.mapper().writeValueAsBytes(record));
    }

    /** The list's operations as the app has them: the catalog, the verify job with this desk's keys. */
    private final class Desk implements CatalogOperations {
        private final BackupCatalog catalog = new BackupCatalog(new BackupLayout(dir.resolve("backups")), w -> { });
        private final VerifyJob verify = new VerifyJob(new VerifyService(new ToolSelection(
                ToolDiscovery.standard(null, System.getenv())), new ProcessRunner(), Clock.systemUTC()),
                new EncryptionKeys(keys));

        @Override
        public List<BackupCatalog.Entry> scan() {
            return catalog.scan();
        }

        @Override
        public BackupCatalog.Entry verify(BackupCatalog.Entry entry, Progress progress, Cancellation cancel) {
            return verify.verify(entry, progress, cancel).entry();
        }

        @Override
        public List<StoredKey> storedKeys() {
            return keys.list();
        }

        @Override
        public BackupCatalog.Entry setPinned(BackupCatalog.Entry entry, boolean pinned) {
            return catalog.setPinned(entry, pinned);
        }

        @Override
        public void delete(BackupCatalog.Entry entry) {
            catalog.delete(entry);
        }

        @Override
        public BackupCatalog.Entry importDump(Path file, String profile) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> profileNames() {
            return List.of("prod");
        }

        @Override
        public JobLog jobLog(String backupId) {
            return new JobLog(null, List.of());
        }
    }
}

package io.backupdesk.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.Verification;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.store.Json;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification reads a backup back in full: damage is found by the checksum, and by the full read even where the
 * checksum was taken of the damaged file (an imported dump). The outcome is recorded in the sidecar.
 */
@ExtendWith(PostgresServerExtension.class)
class VerificationIT {
    private static final int ROWS = 60_000;

    @Test
    void aBackupReadBackAfterItWasWrittenIsVerifiedInItsSidecar(TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, ROWS);

        BackupCatalog.Entry entry = setup.rig().backups.backup(new BackupService.Request(setup.profile(),
                BackupOptions.defaults(), BackupRecord.ORIGIN_MANUAL, Optional.empty(), false, true), Progress.NONE, new Cancellation());

        assertThat(entry.status()).isEqualTo(BackupStatus.VERIFIED);
        BackupCatalog.Entry listed = setup.rig().catalog.require(entry.record().id());
        assertThat(listed.status()).isEqualTo(BackupStatus.VERIFIED);
        assertThat(listed.record().verification().at()).isNotNull();
    }

    @Test
    void aTruncatedCustomArchiveIsCorruptByChecksumAndByTheFullReadThatListingAloneMisses(TestServer server, @TempDir Path dir)
            throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, ROWS);
        BackupCatalog.Entry entry = backup(setup, BackupFormat.CUSTOM);
        truncate(entry.archive(), Files.size(entry.archive()) * 2 / 3);

        Verification byChecksum = verify(setup.rig(), entry);
        assertThat(byChecksum.status()).isEqualTo(BackupStatus.CORRUPT);
        assertThat(byChecksum.message()).contains("checksum does not match");

        PgTools.run(server, null, PgTools.tool(ClientTool.PG_RESTORE).toString(), "--list", entry.archive().toString());
        Verification byReading = verify(setup.rig(), recordChecksumOfDamagedFile(setup.rig(), entry));
        assertThat(byReading.status()).isEqualTo(BackupStatus.CORRUPT);
        assertThat(byReading.message()).contains("pg_restore could not read it to the end");
    }

    @Test
    void oneFlippedByteInTheMiddleIsCorrupt(TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, ROWS);
        BackupCatalog.Entry entry = backup(setup, BackupFormat.CUSTOM);
        flipByte(entry.archive(), Files.size(entry.archive()) / 2);

        assertThat(verify(setup.rig(), entry).message()).contains("checksum does not match");
        Verification byReading = verify(setup.rig(), recordChecksumOfDamagedFile(setup.rig(), entry));
        assertThat(byReading.status()).isEqualTo(BackupStatus.CORRUPT);
    }

    @Test
    void aTruncatedGzippedPlainDumpIsCorruptEvenWithAMatchingChecksum(TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, ROWS);
        BackupCatalog.Entry entry = backup(setup, BackupFormat.PLAIN);
        assertThat(verify(setup.rig(), entry).status()).isEqualTo(BackupStatus.VERIFIED);
        truncate(entry.archive(), Files.size(entry.archive()) - 100);

        Verification outcome = verify(setup.rig(), recordChecksumOfDamagedFile(setup.rig(), entry));

        assertThat(outcome.status()).isEqualTo(BackupStatus.CORRUPT);
        assertThat(outcome.message()).containsAnyOf("compressed data is damaged", "completion marker");
    }

    @Test
    void aChangedFileOfADirectoryArchiveIsNamed(TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, ROWS);
        BackupCatalog.Entry entry = backup(setup, BackupFormat.DIRECTORY);
        assertThat(verify(setup.rig(), entry).status()).isEqualTo(BackupStatus.VERIFIED);
        Files.writeString(entry.archive().resolve("toc.dat"), "garbage");

        Verification outcome = verify(setup.rig(), entry);

        assertThat(outcome.status()).isEqualTo(BackupStatus.CORRUPT);
        assertThat(outcome.message()).contains("toc.dat was changed");
    }

    @Test
    void aDeletedFileIsMissingAndSoRecorded(TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 10);
        BackupCatalog.Entry entry = backup(setup, BackupFormat.CUSTOM);
        Files.delete(entry.archive());

        BackupCatalog.Entry verified = setup.rig().verifier.verify(entry, Progress.NONE, new Cancellation());

        assertThat(verified.status()).isEqualTo(BackupStatus.MISSING);
        assertThat(Sidecars.read(entry.sidecar()).verification().status()).isEqualTo(BackupStatus.MISSING);
        assertThat(setup.rig().catalog.require(entry.record().id()).status()).isEqualTo(BackupStatus.MISSING);
    }

    private static BackupCatalog.Entry backup(Fixtures.BigTableSetup setup, BackupFormat format) {
        BackupRecord record = setup.rig().backup(setup.profile(), BackupOptions.ofFormat(format));
        return setup.rig().catalog.require(record.id());
    }

    private static Verification verify(EngineRig rig, BackupCatalog.Entry entry) throws IOException {
        BackupCatalog.Entry verified = rig.verifier.verify(entry, Progress.NONE, new Cancellation());
        assertThat(Sidecars.read(entry.sidecar()).verification()).isEqualTo(verified.record().verification());
        return verified.record().verification();
    }

    /** What an import of an already damaged dump records: the checksum of the damage. */
    private static BackupCatalog.Entry recordChecksumOfDamagedFile(EngineRig rig, BackupCatalog.Entry entry) throws IOException {
        ObjectNode sidecar = (ObjectNode) Json.mapper().readTree(entry.sidecar().toFile());
        sidecar.put("sha256", Sha256.ofFile(entry.archive()));
        Files.write(entry.sidecar(), Json.mapper().writeValueAsBytes(sidecar));
        return rig.catalog.require(entry.record().id());
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0xFF);
        }
    }
}

package io.backupdesk.backup;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Progress;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ToolDiscovery;
import io.backupdesk.pg.ToolSelection;
import io.backupdesk.store.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sidecar changes under one lock, re-read first: a verify that took minutes writes its outcome into the sidecar as
 * it is then, not as it was when the verify began. The interleavings are made with the verify's own progress
 * reports, which it makes while it reads the backup and before it records anything.
 */
class SidecarUpdatesTest {
    @TempDir
    Path dir;
    private Path sidecar;
    private BackupCatalog catalog;
    private VerifyService verifier;

    /** One plain dump, written as pg_dump ends one, so that the verify reads it without a client tool. */
    @BeforeEach
    void aPlainBackup() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("backups/p/db"));
        Path dump = folder.resolve("db_1.sql.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dump))) {
            out.write(("--\n-- PostgreSQL database dump\n--\nSELECT 1;\n--\n-- " + ArchiveWriter.COMPLETION_MARKER + "\n--\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        sidecar = folder.resolve("db_1" + BackupLayout.SIDECAR_SUFFIX);
        Files.write(sidecar, Json.mapper().writeValueAsBytes(BackupRecord.builder().id("b00000000001").profile("p")
                .host("h").port(5432).database("db").serverVersion("15.8").pgDumpVersion("15.8")
                .format(BackupFormat.PLAIN).compression("gzip:6").fileName(dump.getFileName().toString())
                .sizeBytes(Files.size(dump)).sha256(Sha256.ofFile(dump)).createdAt(Instant.now().minusSeconds(60))
                .durationMillis(10).status(BackupStatus.OK).origin(BackupRecord.ORIGIN_MANUAL).build()));
        catalog = new BackupCatalog(new BackupLayout(dir.resolve("backups")), w -> { });
        verifier = new VerifyService(new ToolSelection(ToolDiscovery.standard(null, Map.of())), new ProcessRunner(),
                Clock.systemUTC());
    }

    @Test
    void aPinSetWhileTheBackupIsVerifiedIsKept() throws Exception {
        BackupCatalog.Entry listed = catalog.require("b00000000001");
        // the user pins it on the screen while the command line reads it back
        BackupCatalog elsewhere = new BackupCatalog(new BackupLayout(dir.resolve("backups")), w -> { });
        Progress pinMeanwhile = once(() -> CompletableFuture.runAsync(() -> elsewhere.setPinned(elsewhere.require("b00000000001"), true)).join());

        BackupCatalog.Entry verified = verifier.verify(listed, pinMeanwhile, new Cancellation());

        BackupCatalog.Entry now = catalog.require("b00000000001");
        assertThat(verified.status()).isEqualTo(BackupStatus.VERIFIED);
        assertThat(now.record().pinned()).as("the pin, which keeps it from every cleanup").isTrue();
        assertThat(now.record().verification().status()).isEqualTo(BackupStatus.VERIFIED);
    }

    @Test
    void aBackupDeletedWhileItIsVerifiedDoesNotComeBack() {
        BackupCatalog.Entry listed = catalog.require("b00000000001");
        Progress deleteMeanwhile = once(() -> CompletableFuture.runAsync(() -> catalog.delete(listed)).join());

        BackupCatalog.Entry outcome = verifier.verify(listed, deleteMeanwhile, new Cancellation());

        assertThat(sidecar).doesNotExist();
        assertThat(catalog.scan()).isEmpty();
        assertThat(outcome.status()).isEqualTo(BackupStatus.MISSING);
        assertThat(outcome.record().verification().message()).contains("deleted while it was being verified");
    }

    @Test
    void anotherProcessHoldingTheFoldersLockMakesAPinWaitUntilItLetsGo() throws Exception {
        Path folder = sidecar.getParent();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CatalogLockHolder.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo(CatalogLockHolder.HELD);

            assertThat(CatalogLock.tryHold(folder)).as("held by the other process").isEmpty();
            CompletableFuture<BackupCatalog.Entry> pin = CompletableFuture.supplyAsync(
                    () -> catalog.setPinned(catalog.require("b00000000001"), true));
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(pin.get(30, TimeUnit.SECONDS).record().pinned()).isTrue();
            Optional<AutoCloseable> free = CatalogLock.tryHold(folder);
            assertThat(free).as("free once the other process let go").isPresent();
            free.get().close();
        } finally {
            holder.destroyForcibly();
        }
    }

    /** A progress listener that does something once, at the first report, while the backup is being read. */
    private static Progress once(Runnable meanwhile) {
        boolean[] done = {false};
        return update -> {
            if (!done[0]) {
                done[0] = true;
                meanwhile.run();
            }
        };
    }
}

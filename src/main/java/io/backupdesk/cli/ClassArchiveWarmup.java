package io.backupdesk.cli;

import io.backupdesk.core.BackupRecord;
import io.backupdesk.crypto.AgeDecryptor;
import io.backupdesk.crypto.AgeEncryptingOutputStream;
import io.backupdesk.crypto.AgeEncryptor;
import io.backupdesk.crypto.AgeIdentity;
import io.backupdesk.store.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads, on the run that records the command line's class-data archive ({@code bin/backupdesk} before the first
 * command of a new jar, the .deb's postinst), what the archive should hold beyond that run's own command, a plain
 * {@code list} of an empty catalog. The archive holds only the classes, and the lambdas, that one run used:
 * <ul>
 * <li>a {@code list --json} and a backup's metadata read back, for lists of real catalogs and for scripts;</li>
 * <li>a few bytes encrypted to a throw-away key and decrypted again, and the pipeline's classes: when the recording
 *     run did not encrypt, every encrypted backup after it loaded the cipher's classes from the jar and cost about a
 *     second more at 2.8 GB (docs/benchmarks.md).</li>
 * </ul>
 * Nothing is written anywhere; the list reads a configuration folder that does not exist.
 */
final class ClassArchiveWarmup {
    /** Set by the launchers on the run that records the archive. */
    static final String RECORDING = "backupdesk.recordingClassArchive";
    private static final List<String> PIPELINE = List.of("io.backupdesk.backup.TocTap",
            "io.backupdesk.backup.StreamedReadBack", "io.backupdesk.backup.EncryptedReadBack",
            "io.backupdesk.jobs.EncryptionKeys", "io.backupdesk.jobs.DecryptedCopy");
    /** The least a backup's metadata file holds. */
    private static final String SIDECAR = "{\"schemaVersion\":1,\"id\":\"x\",\"fileName\":\"x\",\"format\":\"CUSTOM\"}";

    private ClassArchiveWarmup() { }

    /** Only on the recording run; never fails the command, whose exit code is already decided. */
    static void afterRecordingRun() {
        if (System.getProperty(RECORDING) == null) {
            return;
        }
        try {
            listAsJson();
            Json.mapper().readValue(SIDECAR, BackupRecord.class);
            encryptAndDecrypt();
            for (String name : PIPELINE) {
                Class.forName(name, false, ClassArchiveWarmup.class.getClassLoader());
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // the archive is a start-up aid: without these classes it still works, only less well
        }
    }

    private static void listAsJson() throws IOException {
        Path nowhere = Files.createTempDirectory("backupdesk-warmup");
        try {
            PrintWriter discard = new PrintWriter(Writer.nullWriter());
            BackupDeskCli.execute(new String[] {"--config-dir", nowhere.resolve("config").toString(), "list", "--json"},
                    InputStream.nullInputStream(), discard, discard);
        } finally {
            Files.deleteIfExists(nowhere);
        }
    }

    private static void encryptAndDecrypt() throws IOException {
        AgeIdentity key = AgeIdentity.generate();
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (AgeEncryptingOutputStream out = AgeEncryptor.toRecipients(List.of(key.recipient())).encrypt(sealed)) {
            out.write(new byte[1 << 16]);
        }
        try (InputStream in = AgeDecryptor.withIdentities(List.of(key)).decrypt(new ByteArrayInputStream(sealed.toByteArray()))) {
            in.readAllBytes();
        }
    }
}

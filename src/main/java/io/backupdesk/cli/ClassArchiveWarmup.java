package io.backupdesk.cli;

import io.backupdesk.crypto.AgeDecryptor;
import io.backupdesk.crypto.AgeEncryptingOutputStream;
import io.backupdesk.crypto.AgeEncryptor;
import io.backupdesk.crypto.AgeIdentity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Loads the classes of an encrypted backup into the class-data archive that {@code bin/backupdesk} records on the
 * first run of a jar. The archive holds only the classes that run loaded; when it did not encrypt, every encrypted
 * backup after it loaded the cipher's classes from the jar and cost about a second more at 2.8 GB (docs/benchmarks.md).
 * A few bytes encrypted to a throw-away key and decrypted again load them all; nothing is written anywhere.
 */
final class ClassArchiveWarmup {
    /** Set by {@code bin/backupdesk} on the run that records the archive. */
    static final String RECORDING = "backupdesk.recordingClassArchive";
    private static final List<String> PIPELINE = List.of("io.backupdesk.backup.TocTap",
            "io.backupdesk.backup.StreamedReadBack", "io.backupdesk.backup.EncryptedReadBack",
            "io.backupdesk.jobs.EncryptionKeys", "io.backupdesk.jobs.DecryptedCopy");

    private ClassArchiveWarmup() { }

    /** Only on the recording run; never fails the command, whose exit code is already decided. */
    static void afterRecordingRun() {
        if (System.getProperty(RECORDING) == null) {
            return;
        }
        try {
            AgeIdentity key = AgeIdentity.generate();
            ByteArrayOutputStream sealed = new ByteArrayOutputStream();
            try (AgeEncryptingOutputStream out = AgeEncryptor.toRecipients(List.of(key.recipient())).encrypt(sealed)) {
                out.write(new byte[1 << 16]);
            }
            try (InputStream in = AgeDecryptor.withIdentities(List.of(key)).decrypt(new ByteArrayInputStream(sealed.toByteArray()))) {
                in.readAllBytes();
            }
            for (String name : PIPELINE) {
                Class.forName(name, false, ClassArchiveWarmup.class.getClassLoader());
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // the archive is a start-up aid: without these classes it still works, only less well
        }
    }
}

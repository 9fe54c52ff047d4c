package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.Compression;
import io.backupdesk.pg.ArchiveToc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An age-encrypted dump brought in from elsewhere: its format and header read from the plaintext as it streams, each
 * time from the start, so nothing of it is written in plaintext. Only the beginning is decrypted for these.
 */
final class EncryptedDump {
    private final Path file;
    private final ArchiveDecryption decryption;
    private boolean gzip;

    EncryptedDump(Path file, ArchiveDecryption decryption) {
        this.file = file;
        this.decryption = decryption;
    }

    BackupFormat format() throws IOException {
        if (Files.isDirectory(file)) {
            throw BackupDeskException.configuration(file + " is a folder; only a file can be an age-encrypted dump.",
                    "Import the encrypted file (.dump.age, .tar.age, .sql.gz.age).");
        }
        byte[] head;
        try (InputStream plain = open()) {
            head = plain.readNBytes(DumpFormatSniffer.HEAD_BYTES);
        }
        gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
        return DumpFormatSniffer.detect(head, file);
    }

    DumpImporter.DumpHeader header(BackupFormat format) throws IOException {
        if (format == BackupFormat.PLAIN) {
            return PlainDumpHeader.read(PlainDumpStream.open(open(), new AtomicLong()), gzip);
        }
        try (InputStream plain = open()) {
            return DumpImporter.archiveHeader(ArchiveToc.readStream(file.getFileName(), plain));
        }
    }

    /** The name the catalog files it under: the format's own ending, then {@code .age}. */
    String fileName(String stem, BackupFormat format) {
        Compression compression = gzip ? Compression.DEFAULT : Compression.parse("0");
        return stem + format.extension(compression) + ArchiveEncryption.SUFFIX;
    }

    private InputStream open() throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return decryption.decrypt(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}

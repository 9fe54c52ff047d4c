package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells a dump's format from its first bytes, not from its name. */
final class DumpFormatSniffer {
    /** Enough to hold the tar header and a plain dump's first comment lines. */
    static final int HEAD_BYTES = 4096;

    private DumpFormatSniffer() { }

    static BackupFormat detect(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve("toc.dat"))) {
                return BackupFormat.DIRECTORY;
            }
            throw notADump(path);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        return detect(head, path);
    }

    /** The format of a dump whose first bytes are {@code head} (of an encrypted one, its plaintext's). */
    static BackupFormat detect(byte[] head, Path path) {
        if (head.length >= 5 && new String(head, 0, 5, StandardCharsets.US_ASCII).equals("PGDMP")) {
            return BackupFormat.CUSTOM;
        }
        if (head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            return BackupFormat.TAR;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return BackupFormat.PLAIN;
        }
        if (new String(head, StandardCharsets.UTF_8).contains("PostgreSQL database dump")) {
            return BackupFormat.PLAIN;
        }
        throw notADump(path);
    }

    private static BackupDeskException notADump(Path path) {
        return BackupDeskException.configuration(path + " is not a PostgreSQL dump.",
                "Import a file made by pg_dump: custom (.dump), tar, directory, or plain SQL (optionally gzip-compressed).");
    }
}

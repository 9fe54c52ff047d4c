package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * A known_hosts file in OpenSSH's format, which the SFTP destinations check servers against. Only adding is ours:
 * a line is added when the user accepted a fingerprint; the file stays readable by {@code ssh -o UserKnownHostsFile}.
 */
public final class KnownHostsFile {
    private KnownHostsFile() { }

    /**
     * Appends one line, such as {@link HostKey#knownHostsLine()}, unless the file has it already. A new file (and its
     * missing folders) is created owner-only, as OpenSSH keeps its own.
     *
     * @throws BackupDeskException CONFIGURATION for a line that is not one known_hosts entry, IO when the file cannot
     *                             be read or written
     */
    public static void add(Path file, String line) {
        String entry = line == null ? "" : line.strip();
        String[] fields = entry.split("\\s+");
        if (entry.isEmpty() || entry.startsWith("#") || entry.contains("\n") || entry.contains("\r")
                || fields.length < 3) {
            throw BackupDeskException.configuration("That is not a line of a known_hosts file: '" + entry + "'.",
                    "Give one line: the server's name, the key type and the key, as the fingerprint check shows it.");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                SecureFiles.createDirectories(parent);
            }
            boolean exists = Files.exists(file);
            if (exists && has(file, entry)) {
                return;
            }
            String text = entry + "\n";
            if (exists && Files.size(file) > 0 && !endsWithNewline(file)) {
                text = "\n" + text;
            }
            try (FileChannel channel = exists
                    ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                    : FileChannel.open(file, Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW),
                            SecureFiles.ownerOnlyFile())) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not add the host key to " + file + ": " + e.getMessage()
                    + ".", "Check that the folder exists and that you may write there.", List.of(), e);
        }
    }

    private static boolean has(Path file, String entry) throws IOException {
        String wanted = String.join(" ", entry.split("\\s+"));
        try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.map(String::strip).map(l -> String.join(" ", l.split("\\s+"))).anyMatch(wanted::equals);
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) == '\n';
        }
    }
}

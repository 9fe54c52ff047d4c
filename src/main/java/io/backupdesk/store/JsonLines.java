package io.backupdesk.store;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An append-only file of one JSON object a line, each line fsynced. Lines are never rewritten, so a crash can at
 * worst leave a torn last line, which reading skips with a warning; appends of several processes interleave whole
 * lines (O_APPEND). Thread-safe.
 *
 * @param <T> the type of a line
 */
public final class JsonLines<T> {
    private final Path file;
    private final Class<T> type;
    private final String what;
    private final Consumer<String> warnings;

    /** @param what the file for messages, e.g. "the job history" */
    public JsonLines(Path file, Class<T> type, String what, Consumer<String> warnings) {
        this.file = file;
        this.type = type;
        this.what = what;
        this.warnings = warnings;
    }

    public Path path() {
        return file;
    }

    public synchronized void append(T line) {
        try {
            SecureFiles.createDirectories(file.getParent());
            String json = Json.compact().writeValueAsString(line) + "\n";
            try (FileChannel channel = FileChannel.open(file,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                    SecureFiles.ownerOnlyFile())) {
                // a crash may have left a torn line without its newline: end it, so this line stays readable
                ByteBuffer buffer = ByteBuffer.wrap(((endsTorn(file) ? "\n" : "") + json).getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not write " + what + " " + file + ": " + e.getMessage(),
                    "Check free space and permissions of the configuration folder.", List.of(), e);
        }
    }

    private static boolean endsTorn(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    /** Every line that can be read, oldest first; the others are skipped with one warning. */
    public synchronized List<T> readAll() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not read " + what + " " + file + ".",
                    "Check that it is readable by you.", List.of(), e);
        }
        List<T> read = new ArrayList<>(lines.size());
        int skipped = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                read.add(Json.mapper().readValue(line, type));
            } catch (IOException | RuntimeException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            warnings.accept(skipped + " unreadable line(s) in " + file.getFileName() + " were skipped.");
        }
        return read;
    }
}

package io.backupdesk.store;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Our passwords, in libpq's own pgpass format and mode 0600, so that pg_dump and friends read them natively through
 * {@code PGPASSFILE}. Entries use {@code *} for the database: the same login serves every database on the server,
 * including the temporary ones a restore creates. Thread-safe.
 */
public final class PgPassFile {
    private final Path file;

    public PgPassFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The password of the first line matching, with libpq's rules ({@code *} matches anything). */
    public synchronized Optional<String> lookup(String host, int port, String database, String user) {
        for (String line : readLines()) {
            List<String> fields = split(line);
            if (fields.size() == 5 && matches(fields.get(0), host) && matches(fields.get(1), String.valueOf(port))
                    && matches(fields.get(2), database) && matches(fields.get(3), user)) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    /** Stores the password for this login on this server, replacing an earlier one. */
    public synchronized void store(String host, int port, String user, String password) {
        List<String> lines = withoutEntry(host, port, user);
        lines.add(0, String.join(":", escape(hostKey(host)), String.valueOf(port), "*", escape(user), escape(password)));
        write(lines);
    }

    public synchronized void remove(String host, int port, String user) {
        List<String> before = readLines();
        List<String> after = withoutEntry(host, port, user);
        if (after.size() != before.size()) {
            write(after);
        }
    }

    /** A single-entry pgpass text for a password asked at run time; written to a per-run 0600 file. */
    public static String singleEntry(String host, int port, String user, String password) {
        return String.join(":", escape(hostKey(host)), String.valueOf(port), "*", escape(user), escape(password)) + "\n";
    }

    private List<String> withoutEntry(String host, int port, String user) {
        List<String> lines = new ArrayList<>(readLines());
        lines.removeIf(line -> {
            List<String> f = split(line);
            return f.size() == 5 && f.get(0).equals(hostKey(host)) && f.get(1).equals(String.valueOf(port))
                    && f.get(2).equals("*") && f.get(3).equals(user);
        });
        return lines;
    }

    private static String hostKey(String host) {
        return host == null ? "*" : host;
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    private List<String> readLines() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not read the password file " + file + ".",
                    "Check that it is readable by you.", List.of(), e);
        }
    }

    private void write(List<String> lines) {
        try {
            SecureFiles.writeAtomically(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not save the password file " + file + ".",
                    "Check free space and permissions of the configuration folder.", List.of(), e);
        }
    }

    static String escape(String field) {
        return field.replace("\\", "\\\\").replace(":", "\\:");
    }

    /** Splits on unescaped colons, undoing the escapes; comment lines give no fields. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        if (line.startsWith("#")) {
            return fields;
        }
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}

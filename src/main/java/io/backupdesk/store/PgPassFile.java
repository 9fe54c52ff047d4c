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
 * A file in libpq's own pgpass format, mode 0600, that pg_dump and friends read natively through {@code PGPASSFILE}.
 * Our entries use {@code *} for the database: the same login serves every database on the server, including the
 * temporary ones a restore creates. Names are escaped the way libpq reads them: {@code \} before {@code :}, {@code \}
 * and {@code *}, because a field that is exactly {@code *} matches every host or user and a profile for a server
 * literally named "*" must not send its password everywhere. Thread-safe.
 */
public final class PgPassFile {
    private final Path file;

    public PgPassFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The password of the first line matching, with libpq's rules (an unescaped {@code *} matches anything). */
    public synchronized Optional<String> lookup(String host, int port, String database, String user) {
        for (String line : readLines()) {
            Optional<String> password = passwordIfMatches(line, host, port, database, user);
            if (password.isPresent()) {
                return password;
            }
        }
        return Optional.empty();
    }

    /** The line's password if it matches this login, with libpq's rules; comments and short lines match nothing. */
    static Optional<String> passwordIfMatches(String line, String host, int port, String database, String user) {
        List<String> f = split(line);
        if (f.size() == 5 && matches(f.get(0), host) && matches(f.get(1), String.valueOf(port))
                && matches(f.get(2), database) && matches(f.get(3), user)) {
            return Optional.of(unescape(f.get(4)));
        }
        return Optional.empty();
    }

    /** Stores the password for this login on this server, replacing an earlier one. */
    public synchronized void store(String host, int port, String user, String password) {
        List<String> lines = withoutEntry(host, port, user);
        lines.add(0, entry(host, port, user, password));
        write(lines);
    }

    public synchronized void remove(String host, int port, String user) {
        List<String> before = readLines();
        List<String> after = withoutEntry(host, port, user);
        if (after.size() != before.size()) {
            write(after);
        }
    }

    /** Every line as it is in the file, comments included; empty when there is no file. */
    public synchronized List<String> lines() {
        return List.copyOf(readLines());
    }

    /** Replaces the whole file with these lines, or deletes it when none is left. */
    public synchronized void replace(List<String> lines) {
        if (lines.isEmpty()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new BackupDeskException(ErrorKind.IO, "Could not delete the password file " + file + ".",
                        "Check the permissions of the configuration folder.", List.of(), e);
            }
        } else {
            write(lines);
        }
    }

    /**
     * One pgpass line for this login, without the newline. A null host or user (left to a service file or to libpq's
     * defaults) is the wildcard {@code *}; every name given is escaped so that it only ever matches itself.
     */
    public static String entry(String host, int port, String user, String password) {
        return String.join(":", host == null ? "*" : escape(host), String.valueOf(port), "*",
                user == null ? "*" : escape(user), escape(password));
    }

    /** A single-entry pgpass text for one run's password; written to a per-run 0600 file. */
    public static String singleEntry(String host, int port, String user, String password) {
        return entry(host, port, user, password) + "\n";
    }

    private List<String> withoutEntry(String host, int port, String user) {
        String hostField = host == null ? "*" : escape(host);
        String userField = user == null ? "*" : escape(user);
        List<String> lines = new ArrayList<>(readLines());
        lines.removeIf(line -> {
            List<String> f = split(line);
            return f.size() == 5 && f.get(0).equals(hostField) && f.get(1).equals(String.valueOf(port))
                    && f.get(2).equals("*") && f.get(3).equals(userField);
        });
        return lines;
    }

    /** libpq's rule: a field that is exactly an unescaped {@code *} matches anything, any other is the name itself. */
    private static boolean matches(String rawField, String value) {
        return rawField.equals("*") || unescape(rawField).equals(value);
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
        return field.replace("\\", "\\\\").replace(":", "\\:").replace("*", "\\*");
    }

    static String unescape(String rawField) {
        StringBuilder out = new StringBuilder(rawField.length());
        for (int i = 0; i < rawField.length(); i++) {
            char c = rawField.charAt(i);
            if (c == '\\' && i + 1 < rawField.length()) {
                c = rawField.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Splits on unescaped colons and keeps the escapes, so that a wildcard can be told from a literal star. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        if (line.startsWith("#")) {
            return fields;
        }
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(c).append(line.charAt(++i));
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

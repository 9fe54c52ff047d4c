package io.backupdesk.backup;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.TableCount;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.function.Supplier;

/**
 * The rules a sidecar read from disk must pass before anything acts on it. A backup folder may be shared, so a
 * sidecar is untrusted input: whoever can write there must not be able to make a cleanup delete, or a verify read,
 * anything but the backup's own files. See docs/decisions/0016.
 * <p>
 * A backup's files are named by its sidecar: {@code <stem>.backup.json} describes the archive whose name less its
 * dump ending is {@code <stem>} (as {@link BackupLayout} and {@link DumpImporter} name them) and the globals file
 * {@code <stem>.globals.sql}, both in the sidecar's own folder (each with {@code .age} after it when encrypted). So two sidecars can never claim one archive, and no
 * name can lead elsewhere. Files below the backup root that are symbolic links are not followed.
 */
final class SidecarCheck {
    /** A sidecar is a few kilobytes; even ten thousand tables stay far below this. */
    static final long MAX_SIDECAR_BYTES = 32L << 20;
    /** 1 PiB: more than any dump, and small enough that the sizes of a whole catalog add up without overflow. */
    static final long MAX_SIZE = 1L << 50;
    /** Ids we make are 12 hex digits; this leaves room for others but never for a path. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Desks sharing a folder may disagree on the time a little, never by days. */
    private static final Duration CLOCK_SKEW = Duration.ofDays(1);
    /** The usual limit of a file name, in bytes, on every file system we support. */
    private static final int MAX_NAME_BYTES = 255;

    private SidecarCheck() { }

    /** Whether a name from a file is one plain file name, safe to resolve in a folder; empty if it is, else why not. */
    static Optional<String> plainNameProblem(String what, String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(what + " is empty");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return Optional.of(what + " is longer than " + MAX_NAME_BYTES + " bytes");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7f) {
                return Optional.of(what + " '" + printable(name) + "' is not a plain file name (it holds '"
                        + printable(String.valueOf(c)) + "')");
            }
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of(what + " '" + name + "' names a folder, not a file");
        }
        return Optional.empty();
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The stem of a sidecar's name: {@code sales_20260101-120000.backup.json} gives {@code sales_20260101-120000}. */
    static String stem(Path sidecar) {
        String name = sidecar.getFileName().toString();
        return name.substring(0, name.length() - BackupLayout.SIDECAR_SUFFIX.length());
    }

    /** Whether the record may be acted on, read from {@code sidecar}; empty when it may, else why it is refused. */
    static Optional<String> problem(Path sidecar, BackupRecord record, Instant now) {
        return firstOf(
                () -> isId(record.id()) ? Optional.empty()
                        : Optional.of("its id '" + printable(String.valueOf(record.id())) + "' is not an id we make"),
                () -> record.profile() == null || record.database() == null
                        ? Optional.of("the profile or database is missing") : Optional.empty(),
                () -> record.status() == null || record.verification() != null && record.verification().status() == null
                        ? Optional.of("its status is missing or unknown") : Optional.empty(),
                () -> namesProblem(sidecar, record),
                () -> numbersProblem(record),
                () -> datesProblem(record, now),
                () -> linksProblem(sidecar, record));
    }

    private static Optional<String> namesProblem(Path sidecar, BackupRecord record) {
        Optional<String> file = plainNameProblem("the file name", record.fileName());
        if (file.isPresent()) {
            return file;
        }
        String stem = stem(sidecar);
        String suffix = record.encrypted() ? ArchiveEncryption.SUFFIX : "";
        // an encrypted backup's names end in .age after the usual ending, and only an encrypted one's do
        if (record.encrypted() && (record.format() == BackupFormat.DIRECTORY || !record.fileName().endsWith(suffix))
                || !record.encrypted() && record.fileName().endsWith(ArchiveEncryption.SUFFIX)) {
            return Optional.of("it names '" + printable(record.fileName()) + "', which is not the file name of "
                    + (record.encrypted() ? "an encrypted " : "an unencrypted ") + record.format() + " backup");
        }
        String fileName = record.fileName().substring(0, record.fileName().length() - suffix.length());
        if (DumpImporter.stem(fileName).equals(fileName)
                || (record.format() == BackupFormat.DIRECTORY) != fileName.endsWith(".dir")) {
            // without a dump ending its own name is its stem: "sales" beside "sales.backup.json" one level up is the
            // database's whole backup folder, which a delete would take with every backup in it
            return Optional.of("it names '" + printable(record.fileName()) + "', which is not a " + record.format()
                    + " backup's file name");
        }
        if (!DumpImporter.stem(fileName).equals(stem)) {
            return Optional.of("it names the file '" + printable(record.fileName()) + "', which is not the one a sidecar called "
                    + sidecar.getFileName() + " describes");
        }
        if (record.globalsFile() != null) {
            Optional<String> globals = plainNameProblem("the roles file name", record.globalsFile());
            if (globals.isPresent()) {
                return globals;
            }
            if (!record.globalsFile().equals(stem + BackupLayout.GLOBALS_SUFFIX + suffix)) {
                return Optional.of("it names the roles file '" + printable(record.globalsFile()) + "', which is not "
                        + stem + BackupLayout.GLOBALS_SUFFIX + suffix);
            }
        }
        return record.files().keySet().stream().map(name -> plainNameProblem("a file of the folder", name))
                .flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> numbersProblem(BackupRecord record) {
        if (outOfRange(record.sizeBytes()) || outOfRange(record.databaseSizeBytes()) || record.durationMillis() < 0) {
            return Optional.of("a size or duration is negative or impossibly large");
        }
        for (TableCount table : record.tables()) {
            if (table == null || table.rows() != null && table.rows() < 0) {
                return Optional.of("its table list holds an empty entry or a negative row count");
            }
        }
        for (Map.Entry<String, String> file : record.files().entrySet()) {
            if (file.getValue() == null) {
                return Optional.of("the file " + printable(file.getKey()) + " has no checksum");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> datesProblem(BackupRecord record, Instant now) {
        if (record.createdAt() == null) {
            return Optional.of("its creation time is missing");
        }
        // a backup from the future would count as the newest one and make retention let real ones go
        if (record.createdAt().isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("it says it was made in the future (" + record.createdAt() + ")");
        }
        return Optional.empty();
    }

    private static Optional<String> linksProblem(Path sidecar, BackupRecord record) {
        if (Files.isSymbolicLink(sidecar.resolveSibling(record.fileName()))) {
            return Optional.of(record.fileName() + " is a symbolic link, which the catalog does not follow");
        }
        if (record.globalsFile() != null && Files.isSymbolicLink(sidecar.resolveSibling(record.globalsFile()))) {
            return Optional.of(record.globalsFile() + " is a symbolic link, which the catalog does not follow");
        }
        return Optional.empty();
    }

    private static boolean outOfRange(long bytes) {
        return bytes < 0 || bytes > MAX_SIZE;
    }

    /** A name fit for a message: control characters (a NUL, a line break) shown as escapes, long names cut. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < 120; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return i < text.length() ? out + "..." : out.toString();
    }

    @SafeVarargs
    private static Optional<String> firstOf(Supplier<Optional<String>>... checks) {
        for (var check : checks) {
            Optional<String> problem = check.get();
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }
}

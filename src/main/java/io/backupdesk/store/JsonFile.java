package io.backupdesk.store;

import java.util.List;
import java.util.function.Supplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One JSON file of ours with a {@code schemaVersion}. A file that cannot be read is moved aside as
 * {@code <name>.corrupt-<time>} and the user is told; it is never overwritten. A file from a newer version is
 * refused rather than rewritten, so a downgrade cannot lose what the newer version stored. With a {@link FieldCheck},
 * a file that is JSON but holds some bad values keeps the good ones: a copy of the original is set aside, the bad
 * values are taken out of the file, and the user is told which ones and why.
 */
public final class JsonFile<T> {
    /** Checks the fields of a file's top-level object one by one. */
    public interface FieldCheck {
        /** Removes each field that cannot be used from the object; returns one "field value why" note per removal. */
        List<String> removeBadFields(ObjectNode file);
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path path;
    private final Class<T> type;
    private final int supportedVersion;
    private final Supplier<T> empty;
    private final Consumer<String> warnings;
    private final FieldCheck fieldCheck;
    /** Set when this process moved the file aside. */
    private volatile boolean setAsideHere;

    public JsonFile(Path path, Class<T> type, int supportedVersion, Supplier<T> empty, Consumer<String> warnings) {
        this(path, type, supportedVersion, empty, warnings, null);
    }

    /** @param fieldCheck takes bad values out one by one instead of setting the whole file aside; null for none */
    public JsonFile(Path path, Class<T> type, int supportedVersion, Supplier<T> empty, Consumer<String> warnings,
                    FieldCheck fieldCheck) {
        this.path = path;
        this.type = type;
        this.supportedVersion = supportedVersion;
        this.empty = empty;
        this.warnings = warnings;
        this.fieldCheck = fieldCheck;
    }

    public Path path() {
        return path;
    }

    /** The file's content, or the empty value when the file is missing or had to be moved aside. */
    public T read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return empty.get();
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not read " + path + ": " + e.getMessage(),
                    "Check that the file is readable by you.", List.of(), e);
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            return moveAside("it is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        int version = node == null ? -1 : node.path("schemaVersion").asInt(-1);
        if (version > supportedVersion) {
            throw BackupDeskException.configuration(
                    path.getFileName() + " was written by a newer Backup Desk (schema " + version + ").",
                    "Update Backup Desk; this version reads schema " + supportedVersion + " and leaves the file as it is.");
        }
        if (version < 1) {
            return moveAside("it has no schemaVersion");
        }
        if (fieldCheck != null && node instanceof ObjectNode object) {
            node = withoutBadFields(object);
        }
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (IOException | RuntimeException e) {
            return moveAside("its content is invalid (" + firstLine(e.getMessage()) + ")");
        }
    }

    /**
     * The copy the file was last set aside as, while no new file has taken its place: whoever depends on the file
     * (scheduled backups) can keep saying so instead of carrying on as if it were empty.
     */
    public Optional<Path> setAside() {
        Path dir = path.toAbsolutePath().getParent();
        if (Files.exists(path) || dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        String prefix = path.getFileName() + ".corrupt-";
        try (Stream<Path> siblings = Files.list(dir)) {
            // the time stamp in the name sorts as text
            return siblings.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether this process is the one that moved the file aside (and so the first to tell about it). */
    public boolean setAsideByThisProcess() {
        return setAsideHere;
    }

    public void write(T value) {
        try {
            SecureFiles.writeAtomically(path, Json.mapper().writeValueAsBytes(value));
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not save " + path + ": " + e.getMessage(),
                    "Check free space and permissions of the folder; the previous version of the file is unchanged.",
                    List.of(), e);
        }
    }

    /**
     * The object without the fields the check refused. When there were any, the original is copied aside first and
     * the repaired file written in its place, so the user's values survive in the copy and the warning is given once.
     */
    private JsonNode withoutBadFields(ObjectNode object) {
        ObjectNode repaired = object.deepCopy();
        List<String> problems = fieldCheck.removeBadFields(repaired);
        if (problems.isEmpty()) {
            return object;
        }
        Path aside = asideName();
        try {
            // the copy keeps the original's permissions: the file may hold a webhook URL with its token
            Files.copy(path, aside, StandardCopyOption.COPY_ATTRIBUTES);
            SecureFiles.writeAtomically(path, Json.mapper().writeValueAsBytes(repaired));
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, path + " has values that cannot be used ("
                    + String.join("; ", problems) + "), and it could not be repaired: " + e.getMessage(),
                    "Correct those values in the file by hand.", List.of(), e);
        }
        warnings.accept(path.getFileName() + " has " + (problems.size() == 1 ? "a value" : problems.size() + " values")
                + " Backup Desk cannot use, so the default applies instead: " + String.join("; ", problems)
                + ". Every other setting was kept; the original file was kept as " + aside.getFileName() + ".");
        return repaired;
    }

    private Path asideName() {
        return path.resolveSibling(path.getFileName() + ".corrupt-" + LocalDateTime.now().format(STAMP));
    }

    private T moveAside(String reason) {
        Path aside = asideName();
        try {
            Files.move(path, aside);
            setAsideHere = true;
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, path + " cannot be read because " + reason
                    + ", and it could not be moved aside: " + e.getMessage(),
                    "Move or repair the file by hand.", List.of(), e);
        }
        warnings.accept(path.getFileName() + " could not be read because " + reason + ". It was kept as "
                + aside.getFileName() + " and Backup Desk started without it.");
        return empty.get();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}

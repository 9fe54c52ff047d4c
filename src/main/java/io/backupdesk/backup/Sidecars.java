package io.backupdesk.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.Json;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads and writes the sidecar, {@code <name>.backup.json}: written last and atomically, it marks a backup complete.
 * Every read checks the sidecar as untrusted input ({@link SidecarCheck}); every write holds the folder's
 * {@link CatalogLock}, and a change re-reads the sidecar under it, so that two writers never lose each other's change.
 */
public final class Sidecars {
    /** No sidecar we write is larger; a larger file is refused unread. */
    public static final long MAX_BYTES = SidecarCheck.MAX_SIDECAR_BYTES;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Why a sidecar cannot be used; {@link #kind()} tells whether moving it aside is a way back. */
    public static final class Unreadable extends IOException {
        /** NEWER: a newer Backup Desk wrote it; INVALID: not a sidecar we can parse; REFUSED: parsed, but untrusted. */
        public enum Kind { NEWER, INVALID, REFUSED }

        private final Kind kind;
        private final String claimedId;

        Unreadable(Kind kind, String message, String claimedId) {
            super(message);
            this.kind = kind;
            this.claimedId = claimedId;
        }

        public Kind kind() {
            return kind;
        }

        /** The id the sidecar claims, when it could be parsed; only for messages, never to act on. */
        public Optional<String> claimedId() {
            return Optional.ofNullable(claimedId);
        }
    }

    private Sidecars() { }

    /**
     * Reads and checks a sidecar.
     *
     * @throws Unreadable when it is not a sidecar this version can trust, saying why
     * @throws IOException when it cannot be read at all
     */
    public static BackupRecord read(Path sidecar) throws IOException {
        if (Files.isSymbolicLink(sidecar)) {
            throw new Unreadable(Unreadable.Kind.REFUSED, "it is a symbolic link, which the catalog does not follow", null);
        }
        if (Files.size(sidecar) > SidecarCheck.MAX_SIDECAR_BYTES) {
            throw new Unreadable(Unreadable.Kind.INVALID, "it is larger than any sidecar we write", null);
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(Files.readAllBytes(sidecar));
        } catch (JsonProcessingException e) {
            throw new Unreadable(Unreadable.Kind.INVALID, "it is not valid JSON: " + firstLine(e.getOriginalMessage()), null);
        }
        if (tree == null || !tree.isObject()) {
            throw new Unreadable(Unreadable.Kind.INVALID, "it holds no backup metadata", null);
        }
        // the id it claims, so that a lookup by that id can say why the backup is not listed
        String claimedId = Optional.ofNullable(tree.get("id")).map(JsonNode::asText).filter(SidecarCheck::isId).orElse(null);
        // before the values: a newer version may use values this one does not know
        int schema = tree.path("schemaVersion").asInt(0);
        if (schema > BackupRecord.SCHEMA_VERSION) {
            throw new Unreadable(Unreadable.Kind.NEWER, "it was written by a newer Backup Desk (schema " + schema + ")",
                    claimedId);
        }
        BackupRecord record;
        try {
            record = Json.mapper().treeToValue(tree, BackupRecord.class);
        } catch (JsonProcessingException e) {
            throw new Unreadable(Unreadable.Kind.INVALID, "it is not valid backup metadata: " + firstLine(e.getOriginalMessage()),
                    claimedId);
        }
        if (record.id() == null || record.fileName() == null || record.format() == null) {
            throw new Unreadable(Unreadable.Kind.INVALID, "its id, fileName or format is missing", claimedId);
        }
        Optional<String> refused = SidecarCheck.problem(sidecar, record, Instant.now());
        if (refused.isPresent()) {
            throw new Unreadable(Unreadable.Kind.REFUSED, refused.get(), claimedId);
        }
        return record;
    }

    /**
     * Writes the sidecar of a new backup, the mark that it is complete.
     *
     * @throws BackupDeskException {@code IO} when it cannot be written, or a sidecar of that name exists already
     */
    public static void create(Path sidecar, BackupRecord record) {
        try {
            CatalogLock.whileHolding(sidecar.getParent(), () -> {
                if (Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(sidecar.toString(), null, "another backup's metadata has this name");
                }
                write(sidecar, record);
                return null;
            });
        } catch (IOException e) {
            throw writeFailed(sidecar, e);
        }
    }

    /**
     * Writes the sidecar of an imported backup. Metadata of that name that cannot be used (not valid JSON, or refused
     * as untrusted) is moved aside first, as {@code <name>.corrupt-<time>}, and never overwritten.
     *
     * @return where the unusable metadata was put, if there was one
     * @throws BackupDeskException {@code CONFIGURATION} when usable metadata, or metadata of a newer version, is there
     */
    static Optional<Path> createReplacingUnusable(Path sidecar, BackupRecord record) {
        try {
            return CatalogLock.whileHolding(sidecar.getParent(), () -> {
                Optional<Path> aside = Optional.empty();
                if (Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
                    requireReplaceable(sidecar);
                    aside = Optional.of(moveAside(sidecar));
                }
                write(sidecar, record);
                return aside;
            });
        } catch (IOException e) {
            throw writeFailed(sidecar, e);
        }
    }

    /** Refuses, saying why, unless the sidecar is one this version cannot use and may set aside. */
    static void requireReplaceable(Path sidecar) throws IOException {
        BackupRecord listed;
        try {
            listed = read(sidecar);
        } catch (Unreadable e) {
            if (e.kind() == Unreadable.Kind.NEWER) {
                throw BackupDeskException.configuration("The metadata " + sidecar + " is there already and " + e.getMessage()
                        + ".", "Import it with that version, or move the file away first.");
            }
            return;
        }
        throw BackupDeskException.configuration(sidecar.resolveSibling(listed.fileName()) + " is in the catalog already"
                + " as backup " + listed.id() + ".", "It is listed among the backups already.")
                .withCommandLineHint("List it with 'backupdesk list'.");
    }

    /**
     * Changes a sidecar: re-reads it under the folder's lock, applies the change to what is there now and writes
     * that back. A sidecar that is gone (its backup was deleted meanwhile), or that now describes another backup,
     * is left alone and never brought back.
     *
     * @param id the backup the change is meant for
     * @return the record as written, or empty when it was left alone
     * @throws BackupDeskException {@code IO} when the sidecar cannot be read or written, e.g. on a read-only folder
     */
    public static Optional<BackupRecord> update(Path sidecar, String id, UnaryOperator<BackupRecord> change) {
        try {
            return CatalogLock.whileHolding(sidecar.getParent(), () -> {
                if (!Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.empty();
                }
                BackupRecord now = read(sidecar);
                if (!now.id().equals(id)) {
                    return Optional.empty();
                }
                BackupRecord changed = change.apply(now);
                write(sidecar, changed);
                return Optional.of(changed);
            });
        } catch (IOException e) {
            throw writeFailed(sidecar, e);
        }
    }

    /** Moves an unusable sidecar aside as {@code <name>.corrupt-<time>}, where the catalog no longer reads it. */
    static Path moveAside(Path sidecar) throws IOException {
        Path aside = sidecar.resolveSibling(sidecar.getFileName() + ".corrupt-" + LocalDateTime.now().format(STAMP));
        for (int n = 2; Files.exists(aside, LinkOption.NOFOLLOW_LINKS); n++) {
            aside = sidecar.resolveSibling(sidecar.getFileName() + ".corrupt-" + LocalDateTime.now().format(STAMP) + "-" + n);
        }
        Files.move(sidecar, aside);
        return aside;
    }

    /** Writes in place; the caller holds the folder's lock. */
    static void write(Path sidecar, BackupRecord record) throws IOException {
        SecureFiles.writeAtomically(sidecar, Json.mapper().writeValueAsBytes(record));
    }

    private static BackupDeskException writeFailed(Path sidecar, IOException e) {
        return new BackupDeskException(ErrorKind.IO, "Could not write the backup's metadata " + sidecar + ": " + e.getMessage(),
                "Check free space and permissions of the backup folder.", List.of(), e);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        int nl = text.indexOf('\n');
        return SidecarCheck.printable(nl < 0 ? text : text.substring(0, nl));
    }
}

package io.backupdesk.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.Json;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the sidecar, {@code <name>.backup.json}: written last and atomically, it marks a backup complete.
 * Every read checks the sidecar as untrusted input ({@link SidecarCheck}).
 */
public final class Sidecars {
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

    public static void write(Path sidecar, BackupRecord record) {
        try {
            SecureFiles.writeAtomically(sidecar, Json.mapper().writeValueAsBytes(record));
        } catch (IOException e) {
            throw writeFailed(sidecar, e);
        }
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

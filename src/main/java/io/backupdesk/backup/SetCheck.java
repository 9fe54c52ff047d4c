package io.backupdesk.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.core.BackupSet;
import io.backupdesk.store.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a set's manifest read from disk must pass before anything acts on it. A manifest is untrusted input as a
 * sidecar is ({@link SidecarCheck}, decision 0016): whoever can write to a shared backup folder must not be able to make
 * a cleanup or a delete of the set reach anything but the set's own files. So its names are plain names fixed by the
 * manifest's own name, its ids are ids, and it may list each database and each backup once.
 */
final class SetCheck {
    static final String MANIFEST_SUFFIX = ".set.json";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Why a manifest is not used; the id it claims only for messages. */
    static final class Refusal extends IOException {
        private final String claimedId;

        Refusal(String reason, String claimedId) {
            super(reason);
            this.claimedId = claimedId;
        }

        String claimedId() {
            return claimedId;
        }
    }

    private SetCheck() { }

    /** The stem of a manifest's name: {@code prod_20260101-120000.set.json} gives {@code prod_20260101-120000}. */
    static String stem(Path manifest) {
        String name = manifest.getFileName().toString();
        return name.substring(0, name.length() - MANIFEST_SUFFIX.length());
    }

    /** The roles file a manifest of this name may name, and no other. */
    static String rolesFileOf(Path manifest, boolean encrypted) {
        return stem(manifest) + BackupLayout.GLOBALS_SUFFIX + (encrypted ? ArchiveEncryption.SUFFIX : "");
    }

    /**
     * Reads and checks a manifest on its own (its members are matched with their sidecars by the caller).
     *
     * @throws Refusal saying why it cannot be used
     * @throws IOException when it cannot be read at all
     */
    static BackupSet read(Path manifest) throws IOException {
        if (Files.isSymbolicLink(manifest)) {
            throw new Refusal("it is a symbolic link, which the catalog does not follow", null);
        }
        if (Files.size(manifest) > SidecarCheck.MAX_SIDECAR_BYTES) {
            throw new Refusal("it is larger than any manifest we write", null);
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(Files.readAllBytes(manifest));
        } catch (JsonProcessingException e) {
            throw new Refusal("it is not valid JSON", null);
        }
        if (tree == null || !tree.isObject()) {
            throw new Refusal("it holds no set", null);
        }
        String claimedId = Optional.ofNullable(tree.get("id")).map(JsonNode::asText).filter(SidecarCheck::isId)
                .orElse(null);
        int schema = tree.path("schemaVersion").asInt(0);
        if (schema > BackupSet.SCHEMA_VERSION) {
            throw new Refusal("it was written by a newer Backup Desk (schema " + schema + ")", claimedId);
        }
        BackupSet set;
        try {
            set = Json.mapper().treeToValue(tree, BackupSet.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new Refusal("it is not a valid set manifest", claimedId);
        }
        Optional<String> problem = problem(manifest, set);
        if (problem.isPresent()) {
            throw new Refusal(problem.get(), claimedId);
        }
        return set;
    }

    static Optional<String> problem(Path manifest, BackupSet set) {
        if (!SidecarCheck.isId(set.id())) {
            return Optional.of("its id '" + SidecarCheck.printable(String.valueOf(set.id())) + "' is not an id we make");
        }
        if (set.profile() == null || !BackupLayout.safe(set.profile()).equals(manifest.getParent().getFileName().toString())) {
            return Optional.of("it is not in the folder of the connection it names");
        }
        if (set.createdAt() == null || set.durationMillis() < 0) {
            return Optional.of("its time or duration is missing or invalid");
        }
        return globalsProblem(manifest, set).or(() -> membersProblem(set));
    }

    private static Optional<String> globalsProblem(Path manifest, BackupSet set) {
        if (set.globalsFile() == null) {
            return Optional.empty();
        }
        Optional<String> plain = SidecarCheck.plainNameProblem("the roles file name", set.globalsFile());
        if (plain.isPresent()) {
            return plain;
        }
        if (!set.globalsFile().equals(rolesFileOf(manifest, set.encrypted()))) {
            return Optional.of("the roles file '" + SidecarCheck.printable(set.globalsFile())
                    + "' is not the one named after the manifest");
        }
        if (set.globalsSha256() == null || !SHA256.matcher(set.globalsSha256()).matches()) {
            return Optional.of("the roles file's checksum is missing or not a SHA-256");
        }
        if (Files.isSymbolicLink(manifest.resolveSibling(set.globalsFile()))) {
            return Optional.of(set.globalsFile() + " is a symbolic link, which the catalog does not follow");
        }
        return Optional.empty();
    }

    private static Optional<String> membersProblem(BackupSet set) {
        Set<String> databases = new HashSet<>();
        Set<String> backups = new HashSet<>();
        for (BackupSet.Member m : set.members()) {
            if (m == null || m.database() == null || m.database().isEmpty()) {
                return Optional.of("a member names no database");
            }
            if (!databases.add(m.database())) {
                return Optional.of("it lists the database " + SidecarCheck.printable(m.database()) + " twice");
            }
            if (m.backupId() != null && !SidecarCheck.isId(m.backupId())) {
                return Optional.of("the backup id of " + SidecarCheck.printable(m.database()) + " is not an id we make");
            }
            if (m.backupId() != null && !backups.add(m.backupId())) {
                return Optional.of("it lists the backup " + m.backupId() + " twice");
            }
            if (m.backupId() == null && (m.error() == null || m.error().isBlank())) {
                return Optional.of("the member " + SidecarCheck.printable(m.database()) + " has neither a backup nor a reason");
            }
        }
        return set.excluded().stream().anyMatch(e -> e == null) ? Optional.of("an excluded database has no name")
                : Optional.empty();
    }
}

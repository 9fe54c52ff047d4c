package io.backupdesk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failed, cancelled or killed run must not leave behind. */
public final class Leftovers {
    private static final String SIDECAR = ".backup.json";

    private Leftovers() { }

    /**
     * No run marker and no per-run password file; in the backup folders exactly the sidecars expected, and nothing
     * else but the archives and globals files those sidecars name: no partial, no temporary file, no orphan archive.
     */
    public static void assertNone(EngineRig rig, int expectedSidecars) throws IOException {
        assertThat(Fixtures.filesEndingWith(rig.configDir.resolve("runs"), ".json")).as("run markers").isEmpty();
        assertThat(Fixtures.filesEndingWith(rig.configDir.resolve("runs"), ".pgpass")).as("per-run password files").isEmpty();
        // the folder's lock file is the catalog's own, not a backup's: it stays, empty, while the folder does
        List<Path> entries = backupFolderEntries(rig.backupRoot).stream()
                .filter(p -> !p.getFileName().toString().equals(".backupdesk-catalog.lock")).toList();
        List<String> bases = entries.stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SIDECAR))
                .map(n -> n.substring(0, n.length() - SIDECAR.length())).toList();
        assertThat(bases).as("sidecars").hasSize(expectedSidecars);
        assertThat(entries).as("files that belong to no finished backup")
                .allMatch(p -> bases.stream().anyMatch(b -> p.getFileName().toString().startsWith(b + "."))
                        && !p.getFileName().toString().endsWith(".partial"));
    }

    /** Everything in root/profile/database/, files and folders alike. */
    private static List<Path> backupFolderEntries(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root, 3)) {
            return all.filter(p -> root.relativize(p).getNameCount() == 3).toList();
        }
    }
}

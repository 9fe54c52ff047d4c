package io.backupdesk.testing;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failed, cancelled or killed run must not leave behind. */
public final class Leftovers {
    private Leftovers() { }

    /** No partial file, no run marker, no per-run password file, and exactly the sidecars expected. */
    public static void assertNone(EngineRig rig, int expectedSidecars) throws IOException {
        assertThat(Fixtures.filesEndingWith(rig.backupRoot, ".partial")).as("partial files").isEmpty();
        assertThat(Fixtures.filesEndingWith(rig.configDir.resolve("runs"), ".json")).as("run markers").isEmpty();
        assertThat(Fixtures.filesEndingWith(rig.configDir.resolve("runs"), ".pgpass")).as("per-run password files").isEmpty();
        assertThat(Fixtures.filesEndingWith(rig.backupRoot, ".backup.json")).as("sidecars").hasSize(expectedSidecars);
    }
}

package io.backupdesk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a run in another process is doing, seen from outside: its marker's text and the tools it started. */
public final class RunWatch {
    private RunWatch() { }

    /** Whether a run marker in the rig's runs folder holds this text. */
    public static boolean markerSays(EngineRig rig, String text) throws IOException {
        for (Path marker : Fixtures.filesEndingWith(rig.configDir.resolve("runs"), ".json")) {
            if (Files.readString(marker).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** The pg_restore processes the command line process started. */
    public static List<ProcessHandle> pgRestores(Process cli) {
        return cli.descendants().filter(p -> p.info().command().orElse("").endsWith("pg_restore")).toList();
    }
}

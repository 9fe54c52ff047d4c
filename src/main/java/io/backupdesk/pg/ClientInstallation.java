package io.backupdesk.pg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** One folder of PostgreSQL client programs and their version, as {@code pg_dump --version} reports it. */
public record ClientInstallation(Path binDir, PgVersion version) {
    public Optional<Path> tool(ClientTool tool) {
        Path path = binDir.resolve(tool.executableName());
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public String toString() {
        return version + " in " + binDir;
    }
}

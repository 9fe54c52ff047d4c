package io.backupdesk.testing;

import io.backupdesk.pg.ClientTool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the PostgreSQL server programs (initdb, pg_ctl, postgres) are installed: beside the client programs the tests
 * use, where {@code pg_config --bindir} says, or in the folders of Debian's and the PGDG packages, newest first. On
 * Debian the server programs are not on the PATH (they are in /usr/lib/postgresql/MAJOR/bin).
 */
final class InstalledServer {
    private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres");

    private InstalledServer() { }

    static Path binDir() throws IOException {
        List<Path> candidates = new ArrayList<>();
        candidates.add(PgTools.tool(ClientTool.PG_DUMP).getParent());
        pgConfigBinDir().ifPresent(candidates::add);
        candidates.addAll(versionFolders(Path.of("/usr/lib/postgresql"), "*", "bin"));
        candidates.addAll(versionFolders(Path.of("/usr"), "pgsql-*", "bin"));
        return candidates.stream().filter(InstalledServer::hasServer).findFirst()
                .orElseThrow(() -> new IllegalStateException("No PostgreSQL server programs (initdb, pg_ctl, postgres)"
                        + " found in " + candidates + ". Install the server package (on Debian: apt-get install"
                        + " postgresql) for the tests that start a cluster of their own."));
    }

    private static boolean hasServer(Path dir) {
        return PROGRAMS.stream().allMatch(p -> Files.isExecutable(dir.resolve(p)));
    }

    private static Optional<Path> pgConfigBinDir() {
        try {
            Process p = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(Path.of(out))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no pg_config on the PATH: the package folders are looked at next
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** parent/GLOB/bin folders, the highest version first ("17" before "9.6"). */
    private static List<Path> versionFolders(Path parent, String glob, String bin) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return found;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, glob)) {
            dirs.forEach(d -> found.add(d.resolve(bin)));
        }
        found.sort(Comparator.comparingDouble(InstalledServer::version).reversed());
        return found;
    }

    private static double version(Path bin) {
        String name = bin.getParent().getFileName().toString().replaceAll("[^0-9.]", "");
        try {
            return Double.parseDouble(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

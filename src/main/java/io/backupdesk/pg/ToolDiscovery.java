package io.backupdesk.pg;

import io.backupdesk.core.DaemonThreads;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Finds every installed set of PostgreSQL client programs: the configured folder first, then the places installers
 * use, then {@code PATH}. Versions are read once per instance by running {@code pg_dump --version}. Thread-safe.
 */
public final class ToolDiscovery {
    /** Reads the version of one pg_dump binary. */
    @FunctionalInterface
    public interface VersionProbe {
        Optional<PgVersion> probe(Path pgDump);
    }

    /** Folders whose sub-folders hold versioned installations; "*" stands for the version part. */
    private static final List<String> VERSIONED_DIRS = List.of(
            "/usr/lib/postgresql/*/bin",
            "/usr/pgsql-*/bin",
            "/opt/homebrew/opt/postgresql@*/bin",
            "/usr/local/opt/postgresql@*/bin",
            "/Applications/Postgres.app/Contents/Versions/*/bin",
            "C:\\Program Files\\PostgreSQL\\*\\bin");
    private static final List<String> FIXED_DIRS = List.of("/opt/homebrew/opt/libpq/bin", "/usr/local/opt/libpq/bin");

    private final Path configuredDir;
    private final List<Path> searchDirs;
    private final VersionProbe probe;
    private volatile List<ClientInstallation> cached;

    public ToolDiscovery(Path configuredDir, List<Path> searchDirs, VersionProbe probe) {
        this.configuredDir = configuredDir;
        this.searchDirs = List.copyOf(searchDirs);
        this.probe = probe;
    }

    /** The standard search: configured folder, installer locations (newest first), then PATH. */
    public static ToolDiscovery standard(Path configuredDir, Map<String, String> env) {
        Set<Path> dirs = new LinkedHashSet<>();
        if (configuredDir != null) {
            dirs.add(configuredDir);
        }
        for (String pattern : VERSIONED_DIRS) {
            dirs.addAll(expand(pattern));
        }
        FIXED_DIRS.stream().map(Path::of).forEach(dirs::add);
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                dirs.add(Path.of(entry));
            }
        }
        return new ToolDiscovery(configuredDir, new ArrayList<>(dirs), ToolDiscovery::runVersion);
    }

    /** A search of exactly these folders, in this order. */
    public static ToolDiscovery inFolders(List<Path> dirs) {
        return new ToolDiscovery(null, dirs, ToolDiscovery::runVersion);
    }

    public Optional<Path> configuredDir() {
        return Optional.ofNullable(configuredDir);
    }

    /** Every installation found, one per version, in search order. Blocks while another thread is discovering. */
    public synchronized List<ClientInstallation> installations() {
        if (cached == null) {
            cached = discover();
        }
        return cached;
    }

    /** Starts the search on a thread of its own, so that it overlaps other start-up work such as connecting. */
    public void prefetch() {
        if (cached == null) {
            Thread thread = new Thread(this::installations, "tool-discovery");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private List<ClientInstallation> discover() {
        List<Path> dirs = new ArrayList<>();
        Set<Path> binaries = new HashSet<>();
        for (Path dir : searchDirs) {
            Path pgDump = dir.resolve(ClientTool.PG_DUMP.executableName());
            // the same binary reached twice (/bin is /usr/bin on most systems now) can only repeat a version
            if (Files.isRegularFile(pgDump) && Files.isExecutable(pgDump)
                    && (binaries.add(realPath(pgDump)) || dir.equals(configuredDir))) {
                dirs.add(dir);
            }
        }
        // each probe starts a process; side by side they take as long as the slowest, not as all of them
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, dirs.size()), DaemonThreads.named("tool-probe"));
        try {
            List<Future<Optional<PgVersion>>> probes = new ArrayList<>();
            for (Path dir : dirs) {
                probes.add(pool.submit(() -> probe.probe(dir.resolve(ClientTool.PG_DUMP.executableName()))));
            }
            List<ClientInstallation> found = new ArrayList<>();
            Set<Integer> versions = new LinkedHashSet<>();
            for (int i = 0; i < dirs.size(); i++) {
                Optional<PgVersion> version = result(probes.get(i));
                boolean configured = dirs.get(i).equals(configuredDir);
                if (version.isPresent() && (versions.add(version.get().num()) || configured)) {
                    found.add(new ClientInstallation(dirs.get(i), version.get()));
                }
            }
            return List.copyOf(found);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static Optional<PgVersion> result(Future<Optional<PgVersion>> probe) {
        try {
            return probe.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private static List<Path> expand(String pattern) {
        int star = pattern.indexOf('*');
        String sep = pattern.contains("\\") ? "\\" : "/";
        int parentEnd = pattern.lastIndexOf(sep, star);
        Path parent = Path.of(pattern.substring(0, parentEnd));
        String prefix = pattern.substring(parentEnd + 1, star);
        int childEnd = pattern.indexOf(sep, star);
        String suffix = pattern.substring(star + 1, childEnd < 0 ? pattern.length() : childEnd);
        String rest = childEnd < 0 ? "" : pattern.substring(childEnd + 1);
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(suffix) && name.length() >= prefix.length() + suffix.length()) {
                    matches.add(rest.isEmpty() ? child : child.resolve(rest));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        matches.sort(Comparator.comparing((Path p) -> versionKey(p.toString())).reversed());
        return matches;
    }

    /** Sorts "17" above "9.6" above "9.5" by reading the first number in the path's varying part. */
    private static int versionKey(String path) {
        return PgVersion.fromText(path.replaceAll("^[^0-9]*", "")).map(PgVersion::num).orElse(0);
    }

    static Optional<PgVersion> runVersion(Path pgDump) {
        try {
            Process process = new ProcessBuilder(pgDump.toString(), "--version").redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readNBytes(4096);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0
                    ? PgVersion.fromToolOutput(new String(out, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

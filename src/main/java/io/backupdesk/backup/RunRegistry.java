package io.backupdesk.backup;

import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.pg.Credentials;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.Json;
import io.backupdesk.store.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Knows which runs are in progress, across processes, so that a run killed with its app can be cleaned up at the
 * next start. Each run holds an exclusive lock on a marker file in the runs folder that lists the files it writes and,
 * once started, the pg_dump process. The operating system drops the lock when the process dies, however it dies; a
 * marker whose lock can be taken therefore belongs to a dead run. Thread-safe.
 */
public final class RunRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RunRegistry.class);
    /**
     * Markers this JVM holds. On Linux, closing any channel to a file drops every lock the process holds on it, so
     * the recovery must not even open a marker of its own process: it skips these.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    static void released(Path marker) {
        HELD_HERE.remove(marker);
    }

    private final Path runsDir;
    private final JobHistory history;
    private final Clock clock;

    public RunRegistry(Path runsDir, JobHistory history, Clock clock) {
        this.runsDir = runsDir;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Registers a run. The marker is written and locked under a temporary name, then renamed: recovery never sees a
     * marker that is not yet locked. Close the handle when the run has ended.
     */
    public ActiveRun begin(JobRun run, List<Path> paths, Path sidecar) throws IOException {
        return register(run, paths.stream().map(Path::toString).toList(), sidecar.toString());
    }

    /** Registers a restore, which writes no backup files; the databases it makes are noted as it goes. */
    public ActiveRun beginRestore(JobRun run) throws IOException {
        return register(run, List.of(), null);
    }

    private ActiveRun register(JobRun run, List<String> paths, String sidecar) throws IOException {
        SecureFiles.createDirectories(runsDir);
        Path file = runsDir.resolve(run.id() + ".json");
        Path temp = runsDir.resolve(run.id() + ".json.new");
        FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ), SecureFiles.ownerOnlyFile());
        try {
            FileLock lock = channel.lock();
            RunMarker marker = new RunMarker(run, paths, sidecar, null, List.of(), null, null, null);
            ActiveRun.write(channel, marker);
            HELD_HERE.add(file);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return new ActiveRun(file, channel, lock, marker);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(file);
            channel.close();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Drops a database that a dead restore created on its profile's server. Throws when it cannot (server down, no
     * stored password); the marker then stays and the next start tries again.
     */
    public interface DatabaseDropper {
        /** Dropping needs a server: without one, markers with databases wait for a start that has it. */
        DatabaseDropper NONE = (profile, database, oid) -> {
            throw new IllegalStateException("no server connection at hand");
        };

        /**
         * @param oid the oid the run recorded once the database existed; null when it was noted before it was made
         * @return false when a database of that name exists but is another one than the run made: it is left alone
         */
        boolean drop(String profile, String database, Long oid);
    }

    /** As {@link #recoverInterrupted(DatabaseDropper)}, leaving markers with databases to drop for later. */
    public List<JobRun> recoverInterrupted() {
        return recoverInterrupted(DatabaseDropper.NONE);
    }

    /**
     * Cleans up after runs whose process died: stops their tool if it outlived them, deletes what they were writing
     * unless their sidecar shows they finished, drops the databases a restore had made, and records them in the history.
     *
     * @return the runs recorded as interrupted, and ({@code FAILED}, the error saying what to do) those that ended
     *         leaving something for the user to do, each told once
     */
    public List<JobRun> recoverInterrupted(DatabaseDropper dropper) {
        List<JobRun> recovered = new ArrayList<>();
        if (!Files.isDirectory(runsDir)) {
            return recovered;
        }
        List<Path> markers;
        try (Stream<Path> files = Files.list(runsDir)) {
            markers = files.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        } catch (IOException e) {
            LOG.warn("Could not list {}: {}", runsDir, e.getMessage());
            return recovered;
        }
        for (Path file : markers) {
            if (HELD_HERE.contains(file)) {
                continue;
            }
            try {
                recoverOne(file, dropper).ifPresent(recovered::add);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not clean up after the run in {}: {}", file, e.getMessage());
            }
        }
        deleteStrays();
        return recovered;
    }

    /**
     * Removes what no marker accounts for: a per-run password file whose marker is gone (its own deletion failed) and
     * a marker still under its temporary name, left by an app that died inside {@link #begin}. A temporary name only
     * lives for microseconds, so one older than a minute is a dead run's.
     */
    private void deleteStrays() {
        Instant staleBefore = clock.instant().minusSeconds(60);
        try (Stream<Path> files = Files.list(runsDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                boolean orphanPassword = name.endsWith(".pgpass")
                        && !Files.exists(file.resolveSibling(name.substring(0, name.length() - ".pgpass".length()) + ".json"));
                boolean deadTemporary = name.endsWith(".json.new")
                        && Files.getLastModifiedTime(file).toInstant().isBefore(staleBefore);
                if (orphanPassword || deadTemporary) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not tidy {}: {}", runsDir, e.getMessage());
        }
    }

    private Optional<JobRun> recoverOne(Path file, DatabaseDropper dropper) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return Optional.empty();
            }
            RunMarker marker;
            try {
                marker = Json.mapper().readValue(Files.readAllBytes(file), RunMarker.class);
            } catch (IOException e) {
                LOG.warn("Removing the unreadable run marker {}: {}", file, e.getMessage());
                Files.deleteIfExists(file);
                return Optional.empty();
            }
            Optional<String> refused = marker.problem();
            if (refused.isPresent()) {
                Path aside = file.resolveSibling(file.getFileName() + ".refused-" + clock.instant().toEpochMilli());
                LOG.warn("The run marker {} is refused ({}); nothing it names is touched, it is kept as {}.", file,
                        refused.get(), aside.getFileName());
                Files.move(file, aside);
                return Optional.empty();
            }
            Optional.ofNullable(marker.process()).flatMap(RunMarker.ProcessRef::alive).ifPresent(RunRegistry::stop);
            Dropped dropped = dropDatabases(marker, dropper);
            List<String> kept = dropped.kept();
            JobRun recorded = marker.run().status() == null ? outcome(marker, dropped) : null;
            if (recorded != null) {
                history.append(recorded);
            }
            if (marker.unresolved() != null) {
                // the run's failure is in the history already; this start only tells what is still to be done
                recorded = finished(marker.run(), JobStatus.FAILED, 0, null, marker.unresolved());
            }
            Files.deleteIfExists(Credentials.runPassFile(runsDir, marker.run().id()));
            if (kept.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                ActiveRun.write(channel, marker.withDatabases(kept).ended(JobStatus.INTERRUPTED));
            }
            lock.release();
            return Optional.ofNullable(recorded)
                    .filter(r -> r.status() == JobStatus.INTERRUPTED || marker.unresolved() != null);
        }
    }

    /** How the dead run ended: a backup whose sidecar exists finished; anything else was interrupted. */
    private JobRun outcome(RunMarker marker, Dropped databases) throws IOException {
        List<String> keptDatabases = databases.kept();
        Path sidecar = marker.sidecar() == null ? null : Path.of(marker.sidecar());
        if (sidecar != null && Files.exists(sidecar)) {
            BackupRecord backup = Sidecars.read(sidecar);
            return finished(marker.run(), JobStatus.OK, backup.sizeBytes(), backup.id(), null);
        }
        StringBuilder note = new StringBuilder("The app stopped while this run was in progress;");
        if (!marker.paths().isEmpty()) {
            note.append(" its partial files were removed;");
        }
        List<String> dropped = marker.databases().stream()
                .filter(d -> !keptDatabases.contains(d) && !databases.leftAlone().contains(d)).toList();
        if (!dropped.isEmpty()) {
            note.append(" the database it was restoring into (").append(String.join(", ", dropped)).append(") was dropped;");
        }
        if (!databases.leftAlone().isEmpty()) {
            note.append(" ").append(String.join(", ", databases.leftAlone())).append(" is now another database of that"
                    + " name than the one it made, so it was left alone;");
        }
        if (!keptDatabases.isEmpty()) {
            note.append(" ").append(String.join(", ", keptDatabases))
                    .append(" could not be dropped yet and will be at the next start;");
        }
        note.setLength(note.length() - 1);
        note.append('.');
        if (marker.note() != null) {
            note.append(' ').append(marker.note());
        }
        return finished(marker.run(), JobStatus.INTERRUPTED, 0, null, note.toString());
    }

    /** What became of the databases a dead run had made: those that could not be dropped yet, and those left alone. */
    private record Dropped(List<String> kept, List<String> leftAlone) { }

    /** Removes what the run was writing and drops the databases it made, if they are still the ones it made. */
    private static Dropped dropDatabases(RunMarker marker, DatabaseDropper dropper) throws IOException {
        if (marker.sidecar() == null || !Files.exists(Path.of(marker.sidecar()))) {
            for (String path : marker.paths()) {
                SecureFiles.deleteRecursively(Path.of(path));
            }
        }
        List<String> kept = new ArrayList<>();
        List<String> leftAlone = new ArrayList<>();
        for (String database : marker.databases()) {
            try {
                if (!dropper.drop(marker.run().profile(), database, marker.oids().get(database))) {
                    LOG.warn("{}, left by the interrupted run {}, is now another database of that name: left alone",
                            database, marker.run().id());
                    leftAlone.add(database);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not drop {} left by the interrupted run {}: {}", database, marker.run().id(), e.getMessage());
                kept.add(database);
            }
        }
        return new Dropped(kept, leftAlone);
    }

    private JobRun finished(JobRun run, JobStatus status, long size, String backupId, String note) {
        return run.toBuilder().finishedAt(clock.instant()).status(status).sizeBytes(size).backupId(backupId)
                .errorKind(null).error(note).build();
    }

    /** Kills a tool and its workers and waits for them, so that none writes into what is deleted or dropped next. */
    private static void stop(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Tool process {} did not stop: {}", handle.pid(), e.getMessage());
            }
        }
    }
}

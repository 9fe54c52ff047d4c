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
    /**
     * What a marker records.
     *
     * @param run     the run as the history will show it; its status is set once the run ended without being able to
     *                clean up, so that recovery removes the files without recording the run a second time
     * @param process pg_dump's pid and start time, to stop a pg_dump that outlived its app; null until started
     */
    public record Marker(JobRun run, List<String> paths, String sidecar, ProcessRef process) {
        Marker withProcess(ProcessRef ref) {
            return new Marker(run, paths, sidecar, ref);
        }

        Marker ended(JobStatus status) {
            return new Marker(new JobRun(run.schemaVersion(), run.id(), run.kind(), run.profile(), run.database(),
                    run.origin(), run.startedAt(), run.finishedAt(), status, run.sizeBytes(), run.backupId(),
                    run.errorKind(), run.error()), paths, sidecar, process);
        }
    }

    /** A process, named by pid and start time so that a reused pid is never mistaken for it. */
    public record ProcessRef(long pid, Instant started) {
        static ProcessRef of(ProcessHandle handle) {
            return new ProcessRef(handle.pid(), handle.info().startInstant().orElse(null));
        }

        Optional<ProcessHandle> alive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> started != null && started.equals(h.info().startInstant().orElse(null)));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RunRegistry.class);
    /**
     * Markers this JVM holds. On Linux, closing any channel to a file drops every lock the process holds on it, so
     * the recovery must not even open a marker of its own process: it skips these.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

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
        SecureFiles.createDirectories(runsDir);
        Path file = runsDir.resolve(run.id() + ".json");
        Path temp = runsDir.resolve(run.id() + ".json.new");
        FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ), SecureFiles.ownerOnlyFile());
        try {
            FileLock lock = channel.lock();
            Marker marker = new Marker(run, paths.stream().map(Path::toString).toList(), sidecar.toString(), null);
            write(channel, marker);
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
     * Cleans up after runs whose process died: stops their pg_dump if it outlived them, deletes what they were
     * writing unless their sidecar shows they finished, and records them in the history.
     *
     * @return the runs recorded as interrupted
     */
    public List<JobRun> recoverInterrupted() {
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
                recoverOne(file).ifPresent(recovered::add);
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

    private Optional<JobRun> recoverOne(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return Optional.empty();
            }
            Marker marker;
            try {
                marker = Json.mapper().readValue(Files.readAllBytes(file), Marker.class);
            } catch (IOException e) {
                LOG.warn("Removing the unreadable run marker {}: {}", file, e.getMessage());
                Files.deleteIfExists(file);
                return Optional.empty();
            }
            Optional.ofNullable(marker.process()).flatMap(ProcessRef::alive).ifPresent(RunRegistry::stop);
            Path sidecar = Path.of(marker.sidecar());
            JobRun recorded = null;
            if (!Files.exists(sidecar)) {
                for (String path : marker.paths()) {
                    SecureFiles.deleteRecursively(Path.of(path));
                }
                if (marker.run().status() == null) {
                    recorded = finished(marker.run(), JobStatus.INTERRUPTED, 0, null,
                            "The app stopped while this run was in progress; its partial files were removed.");
                }
            } else if (marker.run().status() == null) {
                BackupRecord backup = Sidecars.read(sidecar);
                recorded = finished(marker.run(), JobStatus.OK, backup.sizeBytes(), backup.id(), null);
            }
            if (recorded != null) {
                history.append(recorded);
            }
            Files.deleteIfExists(Credentials.runPassFile(runsDir, marker.run().id()));
            Files.deleteIfExists(file);
            lock.release();
            return Optional.ofNullable(recorded).filter(r -> r.status() == JobStatus.INTERRUPTED);
        }
    }

    private JobRun finished(JobRun run, JobStatus status, long size, String backupId, String note) {
        return new JobRun(run.schemaVersion(), run.id(), run.kind(), run.profile(), run.database(), run.origin(),
                run.startedAt(), clock.instant(), status, size, backupId, null, note);
    }

    /** Kills a pg_dump and its workers and waits for them, so that none writes into what is deleted next. */
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
                LOG.warn("pg_dump process {} did not stop: {}", handle.pid(), e.getMessage());
            }
        }
    }

    private static void write(FileChannel channel, Marker marker) throws IOException {
        channel.truncate(0);
        ByteBuffer buffer = ByteBuffer.wrap(Json.mapper().writeValueAsBytes(marker));
        long position = 0;
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(true);
    }

    /** A registered run. Thread-safe. */
    public static final class ActiveRun implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;
        private Marker marker;
        private boolean clean;

        private ActiveRun(Path file, FileChannel channel, FileLock lock, Marker marker) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
            this.marker = marker;
        }

        /** Notes pg_dump's process, so that a pg_dump that outlives a killed app can be stopped at the next start. */
        public synchronized void started(ProcessHandle process) throws IOException {
            marker = marker.withProcess(ProcessRef.of(process));
            write(channel, marker);
        }

        /** The run's files are final or gone: the marker can go when the run is closed. */
        public synchronized void settled() {
            clean = true;
        }

        /**
         * Releases the lock. A run that settled removes its marker; one that did not keeps it, marked as ended with
         * this status, so that the next start finishes the cleanup without recording the run again.
         */
        public synchronized void close(JobStatus endedAs) throws IOException {
            try {
                if (clean) {
                    Files.deleteIfExists(file);
                } else {
                    write(channel, marker.ended(endedAs));
                }
                lock.release();
            } finally {
                channel.close();
                HELD_HERE.remove(file);
            }
        }

        @Override
        public void close() throws IOException {
            close(JobStatus.FAILED);
        }
    }
}

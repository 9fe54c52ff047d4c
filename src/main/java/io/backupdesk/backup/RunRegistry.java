package io.backupdesk.backup;

import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.Json;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Knows which runs are in progress, across processes, so that a run killed with its app can be cleaned up at the
 * next start. Each run holds an exclusive lock on a marker file in {@code <config>/runs} that lists the files it
 * writes. The operating system drops the lock when the process dies, however it dies; a marker whose lock can be
 * taken therefore belongs to a dead run. Thread-safe.
 */
public final class RunRegistry {
    /** What a marker records: the run as the history will show it, and every path it may leave behind. */
    public record Marker(JobRun run, List<String> paths, String sidecar) { }

    private final Path runsDir;
    private final JobHistory history;
    private final Clock clock;

    public RunRegistry(Path configDir, JobHistory history, Clock clock) {
        this.runsDir = configDir.resolve("runs");
        this.history = history;
        this.clock = clock;
    }

    /** Registers a run; close the returned handle when the run has ended and its files are final or gone. */
    public ActiveRun begin(JobRun run, List<Path> paths, Path sidecar) throws IOException {
        SecureFiles.createDirectories(runsDir);
        Path file = runsDir.resolve(run.id() + ".json");
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ), SecureFiles.ownerOnlyFile());
        try {
            FileLock lock = channel.lock();
            Marker marker = new Marker(run, paths.stream().map(Path::toString).toList(), sidecar.toString());
            channel.write(ByteBuffer.wrap(Json.mapper().writeValueAsBytes(marker)));
            channel.force(true);
            return new ActiveRun(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Cleans up after runs whose process died: deletes what they were writing, unless their sidecar shows they
     * finished, and records them in the history as interrupted.
     *
     * @return the runs recorded as interrupted
     */
    public List<JobRun> recoverInterrupted() {
        List<JobRun> recovered = new ArrayList<>();
        if (!Files.isDirectory(runsDir)) {
            return recovered;
        }
        try (Stream<Path> markers = Files.list(runsDir)) {
            for (Path file : (Iterable<Path>) markers.filter(p -> p.toString().endsWith(".json"))::iterator) {
                recoverOne(file).ifPresent(recovered::add);
            }
        } catch (IOException e) {
            return recovered;
        }
        return recovered;
    }

    private Optional<JobRun> recoverOne(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return Optional.empty();
            }
            if (lock == null) {
                return Optional.empty();
            }
            Marker marker;
            try {
                marker = Json.mapper().readValue(Files.readAllBytes(file), Marker.class);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                return Optional.empty();
            }
            JobRun interrupted = null;
            if (!Files.exists(Path.of(marker.sidecar()))) {
                for (String path : marker.paths()) {
                    SecureFiles.deleteRecursively(Path.of(path));
                }
                JobRun run = marker.run();
                interrupted = new JobRun(run.schemaVersion(), run.id(), run.kind(), run.profile(), run.database(),
                        run.origin(), run.startedAt(), clock.instant(), JobStatus.INTERRUPTED, 0, null, null,
                        "The app stopped while this run was in progress; its partial files were removed.");
                history.append(interrupted);
            }
            Files.deleteIfExists(file.resolveSibling(marker.run().id() + ".pgpass"));
            Files.deleteIfExists(file);
            lock.release();
            return Optional.ofNullable(interrupted);
        }
    }

    /** A registered run; closing it releases the lock and removes the marker. */
    public static final class ActiveRun implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;

        private ActiveRun(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                Files.deleteIfExists(file);
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}

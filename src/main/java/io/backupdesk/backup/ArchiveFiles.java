package io.backupdesk.backup;

import io.backupdesk.core.DaemonThreads;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** Archives pg_dump wrote itself (a folder, or a file from a pg_dump before 12): sized, made durable and hashed. */
final class ArchiveFiles {
    /** A durable archive: its checksum, per-file checksums for a folder, and its size. */
    record Sealed(String sha256, Map<String, String> files, long sizeBytes) { }

    private ArchiveFiles() { }

    /** Size of a file, or of the files in a folder; 0 while it cannot be read. */
    static long sizeOf(Path archive) {
        try {
            if (!Files.isDirectory(archive)) {
                return Files.size(archive);
            }
            long total = 0;
            for (Path file : list(archive)) {
                total += Files.size(file);
            }
            return total;
        } catch (IOException e) {
            return 0;
        }
    }

    /** fsyncs and hashes; a folder's files are hashed in parallel, one task per file. */
    static Sealed seal(Path archive) throws IOException {
        if (!Files.isDirectory(archive)) {
            SecureFiles.fsync(archive);
            return new Sealed(Sha256.ofFile(archive), Map.of(), Files.size(archive));
        }
        List<Path> files = list(archive);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), DaemonThreads.named("archive-hash"));
        try {
            Map<String, Future<String>> pending = new TreeMap<>();
            long size = 0;
            for (Path file : files) {
                SecureFiles.restrictToOwner(file);
                size += Files.size(file);
                pending.put(file.getFileName().toString(), pool.submit(() -> {
                    SecureFiles.fsync(file);
                    return Sha256.ofFile(file);
                }));
            }
            Map<String, String> hashes = new TreeMap<>();
            for (Map.Entry<String, Future<String>> e : pending.entrySet()) {
                hashes.put(e.getKey(), e.getValue().get());
            }
            SecureFiles.fsyncDirectory(archive);
            return new Sealed(Sha256.ofManifest(hashes), hashes, size);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while hashing", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.filter(Files::isRegularFile).toList());
        }
    }
}

package io.backupdesk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Looks for a known string of a database's rows, and for secrets, over and over while a command runs: in the folders
 * given (all the way down), in the temporary folder's own files, and in the command lines of every process. For the
 * tests that prove an encrypted backup, or its restore, never puts its plaintext on disk.
 */
public final class PlaintextSearch {
    private final byte[] canary;
    private final List<byte[]> secrets;
    private final List<Path> roots;
    private final Set<Path> holding = ConcurrentHashMap.newKeySet();
    private final Set<Path> holdingSecrets = ConcurrentHashMap.newKeySet();
    private final List<String> commandLines = Collections.synchronizedList(new ArrayList<>());
    private final Instant since = Instant.now();
    private final AtomicInteger scans = new AtomicInteger();

    /** @param roots the folders searched all the way down, e.g. the backup root and the configuration folder */
    public PlaintextSearch(String canary, List<String> secrets, List<Path> roots) {
        this.canary = canary.getBytes(StandardCharsets.UTF_8);
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.roots = List.copyOf(roots);
    }

    /** Runs the command while another thread searches, again and again until it ends. */
    public <T> T during(Supplier<T> command) throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (!done.get()) {
                scanOnce();
            }
        });
        watcher.start();
        try {
            return command.get();
        } finally {
            done.set(true);
            watcher.join();
        }
    }

    public void scanOnce() {
        scans.incrementAndGet();
        for (Path root : roots) {
            files(root, true).forEach(this::check);
        }
        // the temporary folder's own files only: below it may be a server's data folder, which holds the rows
        files(Path.of(System.getProperty("java.io.tmpdir")), false).filter(this::recent).forEach(this::check);
        commandLines();
    }

    /** The files found holding the known string, at any scan. */
    public Set<Path> filesHolding() {
        return holding;
    }

    /** The files other than key files found holding a secret. */
    public Set<Path> filesHoldingSecrets() {
        return holdingSecrets;
    }

    public List<String> commandLinesHolding() {
        return commandLines;
    }

    public int scans() {
        return scans.get();
    }

    private void check(Path file) {
        byte[] content;
        try {
            if (Files.size(file) > (256L << 20)) {
                return;
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return;
        }
        if (indexOf(content, canary) >= 0) {
            holding.add(file);
        }
        if (!file.getFileName().toString().endsWith(".key") && secrets.stream().anyMatch(s -> indexOf(content, s) >= 0)) {
            holdingSecrets.add(file);
        }
    }

    private void commandLines() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    byte[] line = Files.readAllBytes(p.resolve("cmdline"));
                    if (secrets.stream().anyMatch(s -> indexOf(line, s) >= 0)) {
                        commandLines.add(new String(line, StandardCharsets.UTF_8).replace('\0', ' '));
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            // no /proc: nothing to watch here
        }
    }

    private boolean recent(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isAfter(since.minusSeconds(1));
        } catch (IOException e) {
            return false;
        }
    }

    private static Stream<Path> files(Path root, boolean deep) {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = deep ? Files.walk(root) : Files.list(root)) {
            walk.filter(Files::isRegularFile).forEach(found::add);
        } catch (IOException | RuntimeException e) {
            // a file went away while we looked: the next scan sees the folder as it is then
        }
        return found.stream();
    }

    private static int indexOf(byte[] content, byte[] wanted) {
        outer:
        for (int i = 0; i <= content.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (content[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

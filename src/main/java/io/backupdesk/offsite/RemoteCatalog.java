package io.backupdesk.offsite;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.Sidecars;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.SecureFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The backups at the destinations, as this desk knows them: a sync mirrors each destination's sidecars and sets'
 * manifests into a folder of its own ({@code <data>/remote/<destination>/}, the same layout as there), where the local
 * catalog's and manifest store's checks read them as untrusted input ({@link RemoteSets}). One object per sidecar at the destination, never a shared index, so desks that copy to
 * one bucket at once never spoil each other's catalog. Thread-safe; holds no state between calls.
 */
public final class RemoteCatalog {
    /** A backup at a destination: its record, read from the mirrored sidecar, and where its files are there. */
    public record RemoteEntry(BackupCatalog.Entry entry, String destination, String folderKey) {
        public String archiveKey() {
            return folderKey + entry.record().fileName();
        }

        public Optional<String> globalsKey() {
            return Optional.ofNullable(entry.record().globalsFile()).map(g -> folderKey + g);
        }
    }

    /**
     * What a sync found: the backups there, those refused and why, those whose files do not match, and the sets whose
     * manifests and roles files are there.
     */
    public record Synced(List<RemoteEntry> backups, List<String> refused, List<RemoteEntry> damaged,
                         List<RemoteSets.RemoteSet> sets) {
        public Synced(List<RemoteEntry> backups, List<String> refused, List<RemoteEntry> damaged) {
            this(backups, refused, damaged, List.of());
        }
    }

    private final Path mirrors;
    private final Consumer<String> warnings;

    public RemoteCatalog(Path mirrors, Consumer<String> warnings) {
        this.mirrors = mirrors;
        this.warnings = warnings;
    }

    /**
     * Reads the destination's sidecars and set manifests into its mirror, replacing what was mirrored before. A
     * sidecar whose backup file is not there, or is not the size it records, is not offered for a restore; a manifest
     * the manifest store refuses, or whose roles file is not there, is not kept.
     */
    public Synced sync(Destination destination, RemoteStore store, Cancellation cancel) {
        Map<String, RemoteStore.RemoteFile> files = store.list("").stream()
                .collect(Collectors.toMap(RemoteStore.RemoteFile::key, Function.identity(), (a, b) -> a));
        Path mirror = mirrorOf(destination.name());
        Path fresh = mirror.resolveSibling("." + destination.name() + ".sync-" + System.nanoTime());
        List<String> refused = new ArrayList<>();
        List<RemoteSets.RemoteSet> sets;
        try {
            SecureFiles.createDirectories(fresh);
            for (RemoteStore.RemoteFile file : files.values()) {
                if (cancel.isCancelled()) {
                    throw io.backupdesk.offsite.Transfers.cancelled();
                }
                boolean manifest = RemoteLayout.isManifest(file.key());
                if (!RemoteLayout.isSidecar(file.key()) && !manifest) {
                    continue;
                }
                Optional<String> problem = mirrorOne(store, file, fresh, !manifest, cancel);
                problem.ifPresent(p -> refused.add(file.key() + ": " + p));
            }
            if (Files.exists(mirror)) {
                SecureFiles.deleteRecursively(mirror);
            }
            Files.move(fresh, mirror);
            sets = RemoteSets.checkMirrored(mirror, destination.name(), read(destination.name()), files.keySet(),
                    refused);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "The catalog of " + destination.name()
                    + " could not be kept on this desk: " + e.getMessage(), "Check free space and permissions of the"
                    + " data folder.", List.of(), e);
        } finally {
            try {
                if (Files.exists(fresh)) {
                    SecureFiles.deleteRecursively(fresh);
                }
            } catch (IOException ignored) {
                // a leftover sync folder is hidden and replaced by the next sync
            }
        }
        List<RemoteEntry> damaged = new ArrayList<>();
        List<RemoteEntry> usable = new ArrayList<>();
        for (RemoteEntry remote : read(destination.name())) {
            Optional<String> problem = filesProblem(remote, files);
            if (problem.isEmpty()) {
                usable.add(remote);
            } else if (problem.get().startsWith("damaged")) {
                damaged.add(remote);
                refused.add(remote.archiveKey() + ": " + problem.get());
            } else {
                refused.add(remote.archiveKey() + ": " + problem.get());
            }
        }
        refused.forEach(r -> warnings.accept("At " + destination.name() + ", " + r));
        return new Synced(usable, refused, damaged, sets);
    }

    /**
     * Downloads one sidecar or manifest into the mirror, bounded in size; the reason when it is refused. A sidecar is
     * checked here; the manifests once all are there, as their members' sidecars must be read with them.
     */
    private Optional<String> mirrorOne(RemoteStore store, RemoteStore.RemoteFile file, Path into, boolean sidecar,
                                       Cancellation cancel) throws IOException {
        String key;
        try {
            key = RemoteKeys.checked(file.key());
        } catch (BackupDeskException e) {
            return Optional.of(e.getMessage());
        }
        if (key.split("/").length > 3) {
            return Optional.of("it is deeper than profile/database/file");
        }
        if (file.size() > Sidecars.MAX_BYTES) {
            return Optional.of("it is larger than any sidecar we write");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.max(0, file.size()));
        store.download(key, new BoundedOutputStream(bytes, Sidecars.MAX_BYTES), cancel);
        Path target = into.resolve(key);
        SecureFiles.writeAtomically(target, bytes.toByteArray());
        if (!sidecar) {
            return Optional.empty();
        }
        try {
            Sidecars.read(target);
            return Optional.empty();
        } catch (IOException e) {
            Files.deleteIfExists(target);
            return Optional.of("refused (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> filesProblem(RemoteEntry remote, Map<String, RemoteStore.RemoteFile> files) {
        BackupRecord record = remote.entry().record();
        if (record.format() == BackupFormat.DIRECTORY) {
            for (String name : record.files().keySet()) {
                if (!files.containsKey(remote.archiveKey() + "/" + name)) {
                    return Optional.of("its file " + name + " is not there");
                }
            }
            return Optional.empty();
        }
        RemoteStore.RemoteFile archive = files.get(remote.archiveKey());
        if (archive == null) {
            return Optional.of("its backup file is not there");
        }
        if (archive.size() != record.sizeBytes()) {
            return Optional.of("damaged: it holds " + archive.size() + " bytes, its sidecar says " + record.sizeBytes());
        }
        return Optional.empty();
    }

    /** The backups mirrored from one destination at its last sync, newest first. */
    public List<RemoteEntry> read(String destination) {
        Path mirror = mirrorOf(destination);
        if (!Files.isDirectory(mirror)) {
            return List.of();
        }
        List<RemoteEntry> entries = new ArrayList<>();
        for (BackupCatalog.Entry e : new BackupCatalog(new BackupLayout(mirror), warnings).scan()) {
            StringBuilder folder = new StringBuilder();
            for (Path segment : mirror.relativize(e.sidecar().getParent())) {
                if (!segment.toString().isEmpty()) {
                    folder.append(segment).append('/');
                }
            }
            entries.add(new RemoteEntry(new BackupCatalog.Entry(e.record(), e.sidecar(), BackupStatus.REMOTE),
                    destination, folder.toString()));
        }
        return entries;
    }

    /** The backups mirrored from every destination, newest first. */
    public List<RemoteEntry> readAll() {
        return destinationsMirrored().stream().flatMap(name -> read(name).stream())
                .sorted(Comparator.comparing((RemoteEntry r) -> r.entry().record().createdAt()).reversed())
                .toList();
    }

    /**
     * The backups mirrored from the destinations that are not among {@code here} (the ids on this desk), each once
     * (from the first destination in name order that has it), newest first.
     */
    public List<RemoteEntry> readAllExcept(java.util.Set<String> here) {
        Map<String, RemoteEntry> byId = new java.util.LinkedHashMap<>();
        readAll().stream().sorted(Comparator.comparing(RemoteEntry::destination))
                .filter(r -> !here.contains(r.entry().record().id()))
                .forEach(r -> byId.putIfAbsent(r.entry().record().id(), r));
        return byId.values().stream()
                .sorted(Comparator.comparing((RemoteEntry r) -> r.entry().record().createdAt()).reversed()).toList();
    }

    /** The sets at one destination, as its last sync found them, newest first. */
    public List<RemoteSets.RemoteSet> sets(String destination) {
        return RemoteSets.read(mirrorOf(destination), destination, read(destination));
    }

    /**
     * The sets at the destinations that are not among {@code here} (the set ids on this desk), each once (from the
     * first destination in name order that has it), newest first.
     */
    public List<RemoteSets.RemoteSet> setsExcept(java.util.Set<String> here) {
        Map<String, RemoteSets.RemoteSet> byId = new java.util.LinkedHashMap<>();
        destinationsMirrored().stream().sorted().flatMap(name -> sets(name).stream())
                .filter(s -> !here.contains(s.entry().set().id()))
                .forEach(s -> byId.putIfAbsent(s.entry().set().id(), s));
        return byId.values().stream().sorted(Comparator.comparing((RemoteSets.RemoteSet s) -> s.entry().set()
                .createdAt()).reversed()).toList();
    }

    private List<String> destinationsMirrored() {
        if (!Files.isDirectory(mirrors)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(mirrors)) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).toList();
        } catch (IOException e) {
            warnings.accept("The mirrored catalogs in " + mirrors + " could not be read: " + e.getMessage());
            return List.of();
        }
    }

    /** Forgets what was mirrored from a destination, e.g. when it is removed. */
    public void forget(String destination) {
        try {
            Path mirror = mirrorOf(destination);
            if (Files.exists(mirror)) {
                SecureFiles.deleteRecursively(mirror);
            }
        } catch (IOException e) {
            warnings.accept("The mirrored catalog of " + destination + " could not be removed: " + e.getMessage());
        }
    }

    private Path mirrorOf(String destination) {
        return mirrors.resolve(destination);
    }
}

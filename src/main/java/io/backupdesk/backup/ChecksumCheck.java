package io.backupdesk.backup;

import io.backupdesk.core.BackupRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Compares a backup's files with the SHA-256 its sidecar recorded; says in words what differs. */
final class ChecksumCheck {
    private static final int NAMED_FILES = 5;

    private ChecksumCheck() { }

    /** Empty when everything matches; else the problem, e.g. "toc.dat was changed". */
    static Optional<String> problem(BackupCatalog.Entry entry) throws IOException {
        BackupRecord record = entry.record();
        Path archive = entry.archive();
        // checked again here, not only when the catalog was read: a file may have been swapped for a link since
        Optional<String> link = linked(archive).or(() -> entry.globals().flatMap(ChecksumCheck::linked));
        if (link.isPresent()) {
            return link;
        }
        Optional<String> main = Files.isDirectory(archive) ? folderProblem(record, archive) : fileProblem(record, archive);
        if (main.isPresent()) {
            return main;
        }
        Optional<Path> globals = entry.globals();
        if (globals.isPresent()) {
            if (!Files.exists(globals.get())) {
                return Optional.of("the roles file " + globals.get().getFileName() + " saved with it is gone");
            }
            if (record.globalsSha256() != null && !record.globalsSha256().equals(Sha256.ofFile(globals.get()))) {
                return Optional.of("the roles file " + globals.get().getFileName() + " was changed or damaged after the backup");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fileProblem(BackupRecord record, Path archive) throws IOException {
        if (record.sha256() == null || record.sha256().equals(Sha256.ofFile(archive))) {
            return Optional.empty();
        }
        return Optional.of("its SHA-256 checksum does not match the one recorded: the file was changed or damaged after the backup");
    }

    private static Optional<String> linked(Path file) {
        return Files.isSymbolicLink(file)
                ? Optional.of(file.getFileName() + " is a symbolic link, which is never followed out of the backup folder")
                : Optional.empty();
    }

    private static Optional<String> folderProblem(BackupRecord record, Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            Optional<String> link = files.map(ChecksumCheck::linked).flatMap(Optional::stream).findFirst();
            if (link.isPresent()) {
                return link;
            }
        }
        Map<String, String> now = Sha256.ofFolderFiles(folder);
        Map<String, String> then = record.files();
        if (then.isEmpty()) {
            return record.sha256() == null || record.sha256().equals(Sha256.ofManifest(now)) ? Optional.empty()
                    : Optional.of("its SHA-256 checksum does not match the one recorded");
        }
        List<String> differences = new ArrayList<>();
        for (String name : new TreeSet<>(then.keySet())) {
            String hash = now.get(name);
            if (hash == null) {
                differences.add(name + " is missing");
            } else if (!hash.equals(then.get(name))) {
                differences.add(name + " was changed");
            }
        }
        now.keySet().stream().filter(name -> !then.containsKey(name)).sorted().forEach(name -> differences.add(name + " was added"));
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        String named = String.join(", ", differences.subList(0, Math.min(NAMED_FILES, differences.size())));
        int more = differences.size() - NAMED_FILES;
        return Optional.of("its files differ from those recorded: " + named + (more > 0 ? " and " + more + " more" : ""));
    }
}

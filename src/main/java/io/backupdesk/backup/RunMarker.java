package io.backupdesk.backup;

import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;

/**
 * What a run in progress records in its marker file, so that the next start can clean up after it if it dies.
 *
 * @param run       the run as the history will show it; its status is set once the run ended without being able to
 *                  clean up, so that recovery finishes the cleanup without recording the run a second time
 * @param paths     files and folders the run writes, removed unless its sidecar shows it finished
 * @param sidecar   the backup's sidecar, the mark of a finished backup; null for a run that writes none (a restore)
 * @param process   the tool's pid and start time, to stop a tool that outlived its app; null until started
 * @param databases databases the run created on its profile's server and has not yet dropped or put in place
 * @param note      what to tell the user if the run is interrupted, beyond what was cleaned up; may be null
 * @param unresolved what the run, ended, left for the user to do; told at the next start; null when nothing
 * @param oids      the oid of each database the run made, once it exists: the cleanup drops a database of that name
 *                  only while it is still the one the run made, never one someone made again under the name since
 */
public record RunMarker(JobRun run, List<String> paths, String sidecar, ProcessRef process, List<String> databases,
                        String note, String unresolved, Map<String, Long> oids) {
    public RunMarker {
        paths = paths == null ? List.of() : List.copyOf(paths);
        databases = databases == null ? List.of() : List.copyOf(databases);
        oids = oids == null ? Map.of() : Map.copyOf(oids);
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

    /**
     * Why the marker must not be acted on, or empty. Recovery deletes what a marker names, so it may name only a
     * backup's own files: absolute plain paths beside its sidecar, named after it as {@link BackupLayout} names them.
     * The runs folder is the user's own, not a shared one, so no backup root is required: a marker may outlive a
     * change of the root.
     */
    Optional<String> problem() {
        if (run == null || !SidecarCheck.isId(run.id())) {
            return Optional.of("its run id is missing or not an id we make");
        }
        if (sidecar == null) {
            return paths.isEmpty() ? Optional.empty() : Optional.of("it names files but no backup");
        }
        Optional<Path> sidecarPath = ownPath(sidecar).filter(p -> p.getFileName().toString().endsWith(BackupLayout.SIDECAR_SUFFIX));
        if (sidecarPath.isEmpty()) {
            return Optional.of("its backup metadata path is not an absolute path to a sidecar");
        }
        String stem = SidecarCheck.stem(sidecarPath.get());
        for (String text : paths) {
            Optional<Path> path = ownPath(text).filter(p -> sidecarPath.get().getParent().equals(p.getParent()));
            String name = path.map(p -> p.getFileName().toString()).orElse("");
            String unfinished = name.endsWith(BackupLayout.PARTIAL_SUFFIX)
                    ? name.substring(0, name.length() - BackupLayout.PARTIAL_SUFFIX.length()) : name;
            boolean ours = unfinished.equals(stem + BackupLayout.GLOBALS_SUFFIX)
                    || !unfinished.equals(stem) && DumpImporter.stem(unfinished).equals(stem);
            if (!ours) {
                return Optional.of("it names " + SidecarCheck.printable(text) + ", which is not a file of its backup "
                        + sidecarPath.get().getFileName());
            }
        }
        return Optional.empty();
    }

    /** The path, if it is absolute, normalized and ends in a plain file name. */
    private static Optional<Path> ownPath(String text) {
        try {
            Path path = Path.of(text);
            return path.isAbsolute() && path.equals(path.normalize()) && path.getFileName() != null
                    && SidecarCheck.plainNameProblem("", path.getFileName().toString()).isEmpty()
                    ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    RunMarker withProcess(ProcessRef ref) {
        return new RunMarker(run, paths, sidecar, ref, databases, note, unresolved, oids);
    }

    RunMarker withDatabase(String database, boolean present) {
        List<String> now = new ArrayList<>(databases);
        now.remove(database);
        if (present) {
            now.add(database);
        }
        return new RunMarker(run, paths, sidecar, process, now, note, unresolved, oids);
    }

    RunMarker withOid(String database, long oid) {
        Map<String, Long> now = new HashMap<>(oids);
        now.put(database, oid);
        return new RunMarker(run, paths, sidecar, process, databases, note, unresolved, now);
    }

    RunMarker withDatabases(List<String> remaining) {
        return new RunMarker(run, paths, sidecar, process, remaining, note, unresolved, oids);
    }

    RunMarker withNote(String text) {
        return new RunMarker(run, paths, sidecar, process, databases, text, unresolved, oids);
    }

    RunMarker withUnresolved(String text) {
        return new RunMarker(run, paths, sidecar, process, databases, note, text, oids);
    }

    RunMarker ended(JobStatus status) {
        return new RunMarker(run.toBuilder().status(status).build(), paths, sidecar, process, databases, note,
                unresolved, oids);
    }
}

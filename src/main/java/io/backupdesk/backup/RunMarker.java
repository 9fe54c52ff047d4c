package io.backupdesk.backup;

import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 */
public record RunMarker(JobRun run, List<String> paths, String sidecar, ProcessRef process, List<String> databases,
                        String note, String unresolved) {
    public RunMarker {
        paths = paths == null ? List.of() : List.copyOf(paths);
        databases = databases == null ? List.of() : List.copyOf(databases);
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

    RunMarker withProcess(ProcessRef ref) {
        return new RunMarker(run, paths, sidecar, ref, databases, note, unresolved);
    }

    RunMarker withDatabase(String database, boolean present) {
        List<String> now = new ArrayList<>(databases);
        now.remove(database);
        if (present) {
            now.add(database);
        }
        return new RunMarker(run, paths, sidecar, process, now, note, unresolved);
    }

    RunMarker withDatabases(List<String> remaining) {
        return new RunMarker(run, paths, sidecar, process, remaining, note, unresolved);
    }

    RunMarker withNote(String text) {
        return new RunMarker(run, paths, sidecar, process, databases, text, unresolved);
    }

    RunMarker withUnresolved(String text) {
        return new RunMarker(run, paths, sidecar, process, databases, note, text);
    }

    RunMarker ended(JobStatus status) {
        return new RunMarker(new JobRun(run.schemaVersion(), run.id(), run.kind(), run.profile(), run.database(),
                run.origin(), run.startedAt(), run.finishedAt(), status, run.sizeBytes(), run.backupId(),
                run.errorKind(), run.error()), paths, sidecar, process, databases, note, unresolved);
    }
}

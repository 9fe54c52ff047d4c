package io.backupdesk.jobs;

import io.backupdesk.backup.ActiveRun;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.DaemonThreads;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.pg.DatabaseScope;
import io.backupdesk.pg.PgVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One set from its names claimed to its manifest: the roles, then the databases a few at a time on threads of their
 * own, then the manifest. Used once, by {@link SetBackupJob}.
 */
final class SetRun {
    private static final Logger LOG = LoggerFactory.getLogger(SetRun.class);

    /** What became of one database: its backup, or the failure. */
    private record Done(String database, BackupCatalog.Entry entry, BackupDeskException error) { }

    private final SetBackupJob job;
    private final SetBackupJob.Run run;
    private final JobRun line;
    private final BackupLayout.SetPaths paths;
    private final ActiveRun active;
    private final PgVersion server;
    private final String serverVersionText;
    private final DatabaseScope.Choice choice;
    private final String setId;

    SetRun(SetBackupJob job, SetBackupJob.Run run, JobRun line, BackupLayout.SetPaths paths, ActiveRun active,
           PgVersion server, String serverVersionText, DatabaseScope.Choice choice) {
        this.job = job;
        this.run = run;
        this.line = line;
        this.paths = paths;
        this.active = active;
        this.server = server;
        this.serverVersionText = serverVersionText;
        this.choice = choice;
        this.setId = line.id();
    }

    SetBackupJob.Outcome complete(Progress progress, Cancellation cancel) {
        try {
            return completeRegistered(progress, cancel);
        } finally {
            try {
                active.close();
            } catch (IOException e) {
                LOG.warn("Set {}: could not release its run marker: {}", setId, e.getMessage());
            }
        }
    }

    private SetBackupJob.Outcome completeRegistered(Progress progress, Cancellation cancel) {
        String rolesSha = null;
        String rolesError = null;
        progress.report(ProgressUpdate.phase("Roles and tablespaces of " + run.profile().name()));
        try {
            rolesSha = job.dumpRoles(run, server, paths, cancel);
        } catch (BackupDeskException e) {
            if (e.kind() == ErrorKind.CANCELLED) {
                return cancelled(List.of(), e);
            }
            rolesError = e.getMessage();
            LOG.warn("Set {}: the roles could not be dumped: {}", setId, e.getMessage());
        }
        List<Done> done = members(progress, cancel);
        List<BackupCatalog.Entry> written = done.stream().filter(d -> d.entry() != null).map(Done::entry).toList();
        if (cancel.isCancelled()) {
            return cancelled(written, done.stream().map(Done::error).filter(e -> e != null
                    && e.kind() == ErrorKind.CANCELLED).findFirst().orElse(null));
        }
        BackupSet set = manifest(done, rolesSha, rolesError);
        job.writeManifest(paths, set);
        active.settled();
        long size = written.stream().mapToLong(e -> e.record().sizeBytes()).sum();
        JobRun ended = set.status() == BackupSet.Status.COMPLETE
                ? job.record(line, JobStatus.OK, size, setId, null, null)
                : job.record(line, JobStatus.FAILED, size, set.status() == BackupSet.Status.FAILED ? null : setId,
                firstKind(done), failures(set));
        LOG.info("Set {} of {}: {}, {} of {} database(s)", setId, run.profile().name(), set.status(), written.size(),
                done.size());
        return new SetBackupJob.Outcome(new BackupSets.SetEntry(set, paths.manifest(), written), ended);
    }

    /** Each database on one of {@code databasesAtOnce} threads; returns every database's outcome in name order. */
    private List<Done> members(Progress progress, Cancellation cancel) {
        List<String> databases = choice.chosen();
        if (databases.isEmpty()) {
            return List.of();
        }
        int threads = Math.max(1, Math.min(run.databasesAtOnce(), databases.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("set-member"));
        Map<String, String> running = new ConcurrentHashMap<>();
        AtomicInteger finished = new AtomicInteger();
        try {
            List<Future<Done>> futures = new ArrayList<>();
            for (String database : databases) {
                futures.add(pool.submit(() -> {
                    running.put(database, database);
                    tell(progress, running, finished.get(), databases.size());
                    try {
                        cancel.throwIfCancelled();
                        return new Done(database, job.backUpMember(run, setId, database, cancel), null);
                    } catch (BackupDeskException e) {
                        LOG.warn("Set {}: {} failed: {}", setId, database, e.getMessage());
                        return new Done(database, null, e);
                    } finally {
                        running.remove(database);
                        tell(progress, running, finished.incrementAndGet(), databases.size());
                    }
                }));
            }
            List<Done> done = new ArrayList<>();
            for (Future<Done> future : futures) {
                done.add(await(future));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Done await(Future<Done> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a set's databases were backed up", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private static void tell(Progress progress, Map<String, String> running, int finished, int total) {
        String now = running.keySet().stream().sorted().collect(Collectors.joining(", "));
        progress.report(new ProgressUpdate((double) finished / total, (now.isEmpty() ? "" : now + " ")
                + "(" + finished + " of " + total + " databases done)", 0, null));
    }

    private BackupSet manifest(List<Done> done, String rolesSha, String rolesError) {
        List<BackupSet.Member> members = done.stream().map(d -> new BackupSet.Member(d.database(),
                d.entry() == null ? null : d.entry().record().id(),
                d.error() == null ? null : d.error().getMessage())).toList();
        return new BackupSet(BackupSet.SCHEMA_VERSION, setId, run.profile().name(), run.profile().host(),
                run.profile().port(), serverVersionText, run.options().format(), line.startedAt(),
                job.millisSince(line.startedAt()), rolesSha == null ? null : paths.globals().getFileName().toString(),
                rolesSha, rolesError, members, choice.excluded(), run.options().label(), run.origin(), false,
                run.encryption() != null, run.encryption() == null ? List.of() : run.encryption().recipients());
    }

    private SetBackupJob.Outcome cancelled(List<BackupCatalog.Entry> written, BackupDeskException cause) {
        job.removeCancelled(written, paths);
        active.settled();
        BackupDeskException e = cause != null ? cause : new BackupDeskException(ErrorKind.CANCELLED,
                "The set of " + run.profile().name() + " was cancelled; what it had written was removed.", "");
        job.record(line, JobStatus.CANCELLED, 0, null, ErrorKind.CANCELLED, e.getMessage());
        throw e;
    }

    private static ErrorKind firstKind(List<Done> done) {
        return done.stream().filter(d -> d.error() != null).map(d -> d.error().kind()).findFirst().orElse(null);
    }

    /** The history's error of a set that is not complete: how much was written, and each failure with its reason. */
    private static String failures(BackupSet set) {
        long written = set.members().stream().filter(BackupSet.Member::written).count();
        String members = set.failed().stream().map(m -> m.database() + " (" + m.error() + ")")
                .collect(Collectors.joining("; "));
        return written + " of " + set.members().size() + " databases backed up" + (members.isEmpty() ? "" : "; failed: "
                + members) + (set.globalsError() == null ? "" : "; roles: " + set.globalsError()) + ".";
    }
}

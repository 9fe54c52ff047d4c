package io.backupdesk.jobs;

import io.backupdesk.alert.Alert;
import io.backupdesk.alert.AlertDispatcher;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Progress;
import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.offsite.CopyLedger;
import io.backupdesk.offsite.CopyService;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.offsite.DestinationStore;
import io.backupdesk.offsite.RemoteStore;
import io.backupdesk.offsite.RemoteStores;

import io.backupdesk.core.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Copying backups off the desk, the one use case every front end and the scheduler call: after a backup, a copy to
 * each of its destinations; a failed copy never fails or touches the local backup, is recorded in the copy ledger
 * and alerted, and is tried again with a growing back-off. Thread-safe; one copy of a backup to a destination at a
 * time is the caller's business (the claims of the backup run, or one retry pass at a time).
 */
public final class CopyJob {
    private static final Logger LOG = LoggerFactory.getLogger(CopyJob.class);
    /** The waits before the 1st, 2nd, … retry; the last one repeats until {@link #MAX_ATTEMPTS}. */
    private static final List<Duration> BACK_OFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));
    /** After this many failed attempts a copy waits for a person ({@code copies retry}). */
    static final int MAX_ATTEMPTS = 10;

    private final DestinationStore destinations;
    private final RemoteStores stores;
    private final CopyLedger ledger;
    private final BackupCatalog catalog;
    private final AlertDispatcher alerts;
    private final RemoteBackups remote;
    private final BackupSets sets;
    private final SetCopies setCopies;
    private final Clock clock;

    /**
     * @param remote applies a destination's retention after each copy to it
     * @param sets   the whole-server sets on this desk, whose copies are retried as one
     */
    public CopyJob(DestinationStore destinations, RemoteStores stores, CopyLedger ledger, BackupCatalog catalog,
                   BackupSets sets, AlertDispatcher alerts, RemoteBackups remote, Clock clock) {
        this.remote = remote;
        this.sets = sets;
        this.setCopies = new SetCopies(this, destinations, stores, ledger, catalog.root());
        this.destinations = destinations;
        this.stores = stores;
        this.ledger = ledger;
        this.catalog = catalog;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The destinations of a run: its own when it names any, else the connection's. */
    public static List<String> forRun(List<String> runDestinations, ConnectionProfile profile) {
        return runDestinations.isEmpty() ? profile.copyTo() : runDestinations;
    }

    /** The names, each of a destination that exists, without repeats; else a configuration error naming the first. */
    public List<String> check(List<String> names) {
        names.forEach(destinations::require);
        return List.copyOf(new LinkedHashSet<>(names));
    }

    /**
     * Copies a backup just made to each destination, one after the other. Never throws for a failed copy: each
     * outcome is in the ledger and in what is returned.
     */
    public List<CopyState> afterBackup(BackupCatalog.Entry entry, List<String> destinationNames, Progress progress,
                                       Cancellation cancel) {
        List<CopyState> outcomes = new ArrayList<>();
        for (String name : new LinkedHashSet<>(destinationNames)) {
            outcomes.add(attempt(entry, name, 0, progress, cancel, false));
        }
        return outcomes;
    }

    /**
     * Copies a set just made to each destination as one backup (decision 0043): each member as an ordinary copy,
     * then the roles file, then the manifest last. Never throws for a failed copy: the set's own line in the ledger
     * is ok only when every part is there, and what is returned is that line for each destination. A set that wrote
     * nothing has nothing to copy.
     */
    public List<CopyState> afterSet(BackupSets.SetEntry set, List<String> destinationNames, Progress progress,
                                    Cancellation cancel) {
        List<CopyState> outcomes = new ArrayList<>();
        if (set.status() == BackupSet.Status.FAILED) {
            return outcomes;
        }
        for (String name : new LinkedHashSet<>(destinationNames)) {
            outcomes.add(setCopies.attempt(set, name, 0, progress, cancel));
        }
        return outcomes;
    }

    /**
     * Tries again now every copy that is pending or failed, whatever its back-off, optionally of one destination
     * only; {@code copies retry}.
     */
    public List<CopyState> retry(Optional<String> destination, Progress progress, Cancellation cancel) {
        destination.ifPresent(destinations::require);
        return retryWhere(s -> (s.status() == CopyState.Status.PENDING || s.status() == CopyState.Status.FAILED)
                && destination.map(s.destination()::equals).orElse(true), progress, cancel);
    }

    /** Tries again now the pending or failed copies of one backup, whatever their back-off: the desktop's "Retry copies". */
    public List<CopyState> retryOf(String backupId, Progress progress, Cancellation cancel) {
        return retryWhere(s -> s.backupId().equals(backupId) && (s.status() == CopyState.Status.PENDING
                || s.status() == CopyState.Status.FAILED), progress, cancel);
    }

    /** Tries again the pending copies whose back-off has run out: what the scheduler and {@code run-due} call. */
    public List<CopyState> retryDue(Cancellation cancel) {
        Instant now = clock.instant();
        return retryWhere(s -> s.due(now), Progress.NONE, cancel);
    }

    /**
     * A set's copy is tried again as one, which tries its members that are not there yet; so a member's own line is
     * then not tried again beside it.
     */
    private List<CopyState> retryWhere(java.util.function.Predicate<CopyState> which, Progress progress,
                                       Cancellation cancel) {
        BackupCatalog.Listing listing = catalog.read();
        Map<String, BackupCatalog.Entry> local = listing.backups().stream()
                .collect(Collectors.toMap(e -> e.record().id(), Function.identity(), (a, b) -> a));
        Map<String, BackupSets.SetEntry> localSets = sets.read(listing).sets().stream()
                .collect(Collectors.toMap(s -> s.set().id(), Function.identity(), (a, b) -> a));
        List<CopyState> outcomes = new ArrayList<>();
        Set<String> triedInSets = new HashSet<>();
        for (CopyState state : ledger.current()) {
            BackupSets.SetEntry set = localSets.get(state.backupId());
            if (set == null || !which.test(state) || cancel.isCancelled()) {
                continue;
            }
            outcomes.add(setCopies.attempt(set, state.destination(), attemptsSoFar(state), progress, cancel));
            set.members().forEach(m -> triedInSets.add(m.record().id() + "\n" + state.destination()));
        }
        for (CopyState state : ledger.current()) {
            if (!which.test(state) || cancel.isCancelled() || localSets.containsKey(state.backupId())
                    || triedInSets.contains(state.backupId() + "\n" + state.destination())) {
                continue;
            }
            BackupCatalog.Entry entry = local.get(state.backupId());
            if (entry == null) {
                outcomes.add(record(state.backupId(), state.destination(), CopyState.Status.FAILED, state.attempts(),
                        null, "the backup is no longer on this desk", state.remoteKey()));
                continue;
            }
            outcomes.add(attempt(entry, state.destination(), attemptsSoFar(state), progress, cancel, false));
        }
        return outcomes;
    }

    /** A copy given up on starts counting again when a person asks for it. */
    static int attemptsSoFar(CopyState state) {
        return state == null || state.status() == CopyState.Status.FAILED ? 0 : state.attempts();
    }

    /**
     * Retries the due copies at once and then every minute on a thread of its own, until closed: the app does this
     * while it runs the schedules, so that a copy that failed goes out once its back-off has run out.
     */
    public AutoCloseable watch() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("copy-retries"));
        Cancellation stop = new Cancellation();
        timer.scheduleWithFixedDelay(() -> {
            try {
                retryDue(stop);
            } catch (RuntimeException e) {
                LOG.warn("Retrying the copies that are due failed: {}", e.getMessage());
            }
        }, 0, 1, TimeUnit.MINUTES);
        return () -> {
            stop.cancel();
            timer.shutdownNow();
        };
    }

    /** The copies of every backup, or of one. */
    public List<CopyState> states(Optional<String> backupId) {
        return backupId.map(ledger::of).orElseGet(ledger::current);
    }

    /** The copies of a set: its own line for each destination first, then its members'. */
    public List<CopyState> statesOf(BackupSets.SetEntry set) {
        List<CopyState> states = new ArrayList<>(ledger.of(set.set().id()));
        set.members().forEach(m -> states.addAll(ledger.of(m.record().id())));
        return states;
    }

    /**
     * One attempt at one copy; its outcome recorded, alerted when it failed. A member of a set being copied is
     * neither alerted on its own nor followed by the destination's retention: its set is, once, as a whole.
     */
    CopyState attempt(BackupCatalog.Entry entry, String destinationName, int attemptsBefore, Progress progress,
                      Cancellation cancel, boolean inSet) {
        String id = entry.record().id();
        Subject subject = Subject.of(entry, !inSet);
        Optional<Destination> destination = destinations.find(destinationName);
        if (destination.isEmpty()) {
            return failedForGood(subject, destinationName, attemptsBefore, "the destination " + destinationName
                    + " was removed");
        }
        if (entry.status() != BackupStatus.OK && entry.status() != BackupStatus.VERIFIED) {
            return failedForGood(subject, destinationName, attemptsBefore, "the backup is "
                    + entry.status().name().toLowerCase(java.util.Locale.ROOT) + ", and only a good backup is copied");
        }
        try {
            CopyService.refuseUnencrypted(entry, destination.get());
        } catch (BackupDeskException e) {
            return failedForGood(subject, destinationName, attemptsBefore, e.getMessage());
        }
        progress.report(ProgressUpdate.phase("Copying to " + destinationName));
        try (RemoteStore store = stores.open(destination.get())) {
            CopyService.Copied copied = new CopyService(catalog.root()).copy(entry, destination.get(), store,
                    n -> progress.report(new ProgressUpdate(-1, "Copying to " + destinationName, n, null)), cancel);
            CopyState ok = ok(id, destinationName, copied);
            if (!inSet) {
                pruneAfterCopy(destination.get(), cancel);
            }
            return ok;
        } catch (BackupDeskException e) {
            return failedForNow(subject, destinationName, attemptsBefore + 1, e.getMessage() + " " + e.hint());
        } catch (RuntimeException e) {
            return failedForNow(subject, destinationName, attemptsBefore + 1, "unexpected error: " + e);
        }
    }

    /** A copy just made may let an old one go there; a prune that fails is logged and tried after the next copy. */
    void pruneAfterCopy(Destination destination, Cancellation cancel) {
        if (destination.retention().isNone()) {
            return;
        }
        try {
            remote.prune(destination.name(), false, cancel).failures().forEach(f ->
                    LOG.warn("The retention of {} could not delete {}", destination.name(), f));
        } catch (RuntimeException e) {
            LOG.warn("The retention of {} failed: {}", destination.name(), e.getMessage());
        }
    }

    /**
     * What a failed copy is recorded and alerted as: a backup, or a whole set.
     *
     * @param alerted whether a failure is sent to the webhook and e-mail; not for a member of a set, whose set is
     */
    record Subject(String id, String profile, String what, boolean alerted) {
        static Subject of(BackupCatalog.Entry entry, boolean alerted) {
            return new Subject(entry.record().id(), entry.record().profile(), entry.record().database(), alerted);
        }
    }

    CopyState ok(String id, String destination, CopyService.Copied copied) {
        CopyState ok = new CopyState(id, destination, CopyState.Status.OK, copied.confirmed().sha256(),
                copied.confirmed().how(), clock.instant(), 0, null, null, copied.archiveKey());
        ledger.record(ok);
        return ok;
    }

    CopyState failedForNow(Subject subject, String destination, int attempts, String error) {
        if (attempts >= MAX_ATTEMPTS) {
            return failedForGood(subject, destination, attempts, error + " (after " + attempts + " attempts)");
        }
        Instant retry = clock.instant().plus(BACK_OFF.get(Math.min(attempts, BACK_OFF.size()) - 1));
        CopyState state = record(subject.id(), destination, CopyState.Status.PENDING, attempts, retry, error, null);
        if (attempts == 1) {
            alert(subject, destination, error, retry);
        }
        return state;
    }

    CopyState failedForGood(Subject subject, String destination, int attempts, String error) {
        CopyState state = record(subject.id(), destination, CopyState.Status.FAILED, attempts, null, error, null);
        alert(subject, destination, error, null);
        return state;
    }

    private CopyState record(String backupId, String destination, CopyState.Status status, int attempts,
                             Instant retry, String error, String remoteKey) {
        CopyState state = new CopyState(backupId, destination, status, null, null, clock.instant(), attempts, retry,
                error, remoteKey);
        ledger.record(state);
        return state;
    }

    private void alert(Subject subject, String destination, String error, Instant retry) {
        if (!subject.alerted()) {
            return;
        }
        try {
            alerts.send(Alert.failedCopy(subject.id(), subject.profile(), subject.what(), destination, error, retry,
                    clock.instant()));
        } catch (RuntimeException ignored) {
            // a channel that fails is reported by the dispatcher's own deliveries; the copy's state is recorded
        }
    }
}

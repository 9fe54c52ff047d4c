package io.backupdesk.jobs;

import io.backupdesk.alert.Alert;
import io.backupdesk.alert.AlertDispatcher;
import io.backupdesk.core.DaemonThreads;
import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.store.StaleAlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The databases gone past their recovery-point objective, told to the webhook and e-mail once per staleness episode,
 * over restarts and across processes (the told episodes are stored). Wherever the schedules run, this looks: the
 * app on a timer of its own, whether or not it has a tray, and {@code schedule run-due} after its runs. The tray and
 * the screens only show what it found. Thread-safe.
 */
public final class StaleDatabases {
    private static final Logger LOG = LoggerFactory.getLogger(StaleDatabases.class);
    /** Databases go stale with time alone, so they are looked at this often while the schedules run here. */
    public static final Duration EVERY = Duration.ofMinutes(10);

    private final Supplier<List<DatabaseHealth>> health;
    private final StaleAlertStore told;
    private final AlertDispatcher alerts;
    private final Supplier<Duration> rpo;
    private final Clock clock;
    private final List<Consumer<List<DatabaseHealth>>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param health the standing of the databases of the connections that exist now
     * @param rpo    the recovery-point objective as the settings say at each look
     */
    public StaleDatabases(Supplier<List<DatabaseHealth>> health, StaleAlertStore told, AlertDispatcher alerts,
                          Supplier<Duration> rpo, Clock clock) {
        this.health = health;
        this.told = told;
        this.alerts = alerts;
        this.rpo = rpo;
        this.clock = clock;
    }

    /** Hears the databases newly gone stale, after their alerts were sent; on the looking thread. */
    public void onNewlyStale(Consumer<List<DatabaseHealth>> listener) {
        listeners.add(listener);
    }

    /**
     * Looks now: each database newly past its RPO is sent to the webhook and e-mail, and the listeners hear of it.
     *
     * @return the databases newly stale, told just now
     */
    public synchronized List<DatabaseHealth> look() {
        StaleWatch.Decision decision = StaleWatch.look(health.get(), told.load());
        told.save(decision.told());
        List<DatabaseHealth> newly = decision.toTell();
        for (DatabaseHealth h : newly) {
            LOG.warn("{} is past its RPO: no good backup since {}", h.key(),
                    h.lastBackup() == null ? "ever" : h.lastBackup());
            alerts.send(Alert.stale(h.profile(), h.database(), h.lastBackup(), rpo.get(), clock.instant()));
        }
        if (!newly.isEmpty()) {
            listeners.forEach(l -> l.accept(newly));
        }
        return newly;
    }

    /**
     * Looks at once and then every {@link #EVERY} on a thread of its own, until closed. A look that fails is logged
     * and the next one comes as planned.
     */
    public AutoCloseable watch() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("stale-watch"));
        timer.scheduleWithFixedDelay(() -> {
            try {
                look();
            } catch (RuntimeException e) {
                LOG.warn("Looking for databases past their RPO failed: {}", e.getMessage());
            }
        }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }
}

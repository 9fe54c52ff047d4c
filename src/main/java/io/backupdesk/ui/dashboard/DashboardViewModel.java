package io.backupdesk.ui.dashboard;

import io.backupdesk.core.BackupSet;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.stats.DashboardStats;
import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.stats.Health;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.RunningJob;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The dashboard: cards, each database's health against the RPO, recent activity, and the data of four charts. The
 * numbers come from the stats supplier on a worker thread; the dashboard reads them again whenever a job ends.
 */
public final class DashboardViewModel {
    /** One card: a title, its big value, a line below, and a tone for its colour. */
    public record Card(String title, String value, String detail, Tone tone) { }

    public enum Tone { NEUTRAL, GOOD, WARNING, BAD }

    /**
     * One line of the health list: a database; or a server connection, with its databases under it.
     *
     * @param database     "profile/database"; a server's profile; only the database for one under its server
     * @param toAcknowledge what is wrong, for Acknowledge to acknowledge; null when nothing is, or it is acknowledged
     * @param acknowledged whether what is wrong was acknowledged
     */
    public record HealthRow(String database, Health health, String lastBackup, String lastVerified, String note,
                            Kind kind, String toAcknowledge, boolean acknowledged) {
        /** A database on its own, a server connection, or a database under its server connection. */
        public enum Kind { DATABASE, SERVER, IN_SERVER }

        public HealthRow(String database, Health health, String lastBackup, String lastVerified, String note,
                         Kind kind) {
            this(database, health, lastBackup, lastVerified, note, kind, null, false);
        }

        public HealthRow(String database, Health health, String lastBackup, String lastVerified, String note) {
            this(database, health, lastBackup, lastVerified, note, Kind.DATABASE);
        }

        /** The same line, named and placed otherwise. */
        HealthRow as(String name, Kind where) {
            return new HealthRow(name, health, lastBackup, lastVerified, note, where, toAcknowledge, acknowledged);
        }
    }

    /**
     * A server connection and its newest set, for its line in the health list.
     *
     * @param newest when its newest set was made; null when it has none yet
     * @param failed the databases its newest set could not back up
     */
    public record ServerSet(String profile, Instant newest, BackupSet.Status status, int written, int databases,
                            List<String> failed) {
        /** Made from the server connection's newest set; null when it has none. */
        public static ServerSet of(String profile, BackupSet newest) {
            return ServerHealth.of(profile, newest);
        }
    }

    /**
     * The soonest scheduled run (which connection, and when), or that all schedules are paused.
     *
     * @param pausedSince when the schedules were paused; then there is no profile and no time
     */
    public record NextRun(String profile, Instant at, Instant pausedSince) {
        public NextRun(String profile, Instant at) {
            this(profile, at, null);
        }

        public static NextRun paused(Instant since) {
            return new NextRun(null, null, since);
        }
    }

    /**
     * The copies off the desk that wait: for a retry (pending), or for a person (failed, or found damaged).
     */
    public record Copies(int pending, int failed) { }

    /** One run in the recent activity. */
    public record ActivityRow(String when, String what, JobStatus status, String detail) { }

    private static final int RECENT_ROWS = 10;
    private static final double GOOD_RATE = 0.95;
    private static final double POOR_RATE = 0.8;

    private final Supplier<DashboardStats> stats;
    private final Supplier<Duration> rpo;
    private final Supplier<Optional<NextRun>> nextRun;
    private final Supplier<Optional<Copies>> copies;
    private final Supplier<List<ServerSet>> servers;
    private final Consumer<List<String>> acknowledge;
    private final TaskRunner runner;
    private final ObservableList<Card> cards = FXCollections.observableArrayList();
    private final ObservableList<HealthRow> health = FXCollections.observableArrayList();
    private final ObservableList<ActivityRow> recent = FXCollections.observableArrayList();
    private final ObservableList<ChartSeries> storage = FXCollections.observableArrayList();
    private final ObservableList<ChartSeries> durations = FXCollections.observableArrayList();
    private final ObservableList<ChartSeries> daily = FXCollections.observableArrayList();
    private final ObservableList<ChartSeries> storageByDatabase = FXCollections.observableArrayList();
    private final StringProperty storageUnit = new SimpleStringProperty("MB");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<Instant> updatedAt = new SimpleObjectProperty<>();
    private boolean again;

    /**
     * @param stats   the numbers, read on a worker thread
     * @param nextRun the soonest run of the schedules, read on a worker thread with the numbers; empty when none is
     *                due (no schedule, all switched off, or paused)
     */
    public DashboardViewModel(Supplier<DashboardStats> stats, Supplier<Duration> rpo,
                              Supplier<Optional<NextRun>> nextRun, TaskRunner runner) {
        // a desk that copies nothing off: no copies card
        this(stats, rpo, nextRun, Optional::empty, runner);
    }

    /**
     * @param copies the copies that wait, read on a worker thread with the numbers; empty where nothing is copied
     *               off the desk (no destination), which shows no card
     */
    public DashboardViewModel(Supplier<DashboardStats> stats, Supplier<Duration> rpo,
                              Supplier<Optional<NextRun>> nextRun, Supplier<Optional<Copies>> copies,
                              TaskRunner runner) {
        this(stats, rpo, nextRun, copies, List::of, runner);
    }

    /**
     * @param servers the server connections with their newest sets, read on a worker thread with the numbers; none
     *                where there is no server connection
     */
    public DashboardViewModel(Supplier<DashboardStats> stats, Supplier<Duration> rpo,
                              Supplier<Optional<NextRun>> nextRun, Supplier<Optional<Copies>> copies,
                              Supplier<List<ServerSet>> servers, TaskRunner runner) {
        this(stats, rpo, nextRun, copies, servers, conditions -> { }, runner);
    }

    /** @param acknowledge stores the acknowledgement of these conditions; called on a worker thread */
    public DashboardViewModel(Supplier<DashboardStats> stats, Supplier<Duration> rpo,
                              Supplier<Optional<NextRun>> nextRun, Supplier<Optional<Copies>> copies,
                              Supplier<List<ServerSet>> servers, Consumer<List<String>> acknowledge,
                              TaskRunner runner) {
        this.stats = stats;
        this.servers = servers;
        this.acknowledge = acknowledge;
        this.rpo = rpo;
        this.nextRun = nextRun;
        this.copies = copies;
        this.runner = runner;
        runner.jobs().addListener((ListChangeListener<RunningJob>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    refresh();
                }
            }
        });
    }

    /** Reads the numbers again, off the UI thread; asked while reading, it reads once more when done. */
    public void refresh() {
        if (loading.get()) {
            again = true;
            return;
        }
        loading.set(true);
        runner.runInBackground((progress, cancel) -> new Read(stats.get(), nextRun.get(), waitingCopies(),
                serverSets()), this::show,
                failure -> {
            done();
            error.set(Messages.get("dashboard.error", String.valueOf(failure.getMessage())));
        });
    }

    /**
     * Acknowledges what is wrong on this line, as the line showed it: the tray and the notices leave it alone until
     * something new happens. The list is read again after.
     */
    public void acknowledge(HealthRow row) {
        if (row.toAcknowledge() == null) {
            return;
        }
        runner.runInBackground((progress, cancel) -> {
            acknowledge.accept(List.of(row.toAcknowledge()));
            return row;
        }, done -> refresh(), failure -> error.set(Messages.get("health.acknowledge.failed") + ": "
                + failure.getMessage()));
    }

    private void done() {
        loading.set(false);
        if (again) {
            again = false;
            refresh();
        }
    }

    /** The copies that wait; a copy ledger that cannot be read costs the card, not the dashboard. */
    private Optional<Copies> waitingCopies() {
        try {
            return copies.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What one refresh reads. */
    private record Read(DashboardStats stats, Optional<NextRun> next, Optional<Copies> copies,
                        List<ServerSet> servers) { }

    /** The server connections' newest sets; manifests that cannot be read cost their servers' lines, not the rest. */
    private List<ServerSet> serverSets() {
        try {
            return servers.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private void show(Read read) {
        DashboardStats s = read.stats();
        error.set("");
        updatedAt.set(s.computedAt());
        cards.setAll(cards(s, read.next(), read.copies()));
        health.setAll(ServerHealth.rows(s.health(), read.servers(), s.computedAt(), h -> healthRow(h, s.computedAt())));
        recent.setAll(s.recent().stream().limit(RECENT_ROWS).map(this::activity).toList());
        DashboardCharts charts = new DashboardCharts(s);
        storageUnit.set(charts.storageUnit());
        storage.setAll(charts.storage());
        durations.setAll(charts.durations());
        daily.setAll(charts.daily());
        storageByDatabase.setAll(charts.storageByDatabase());
        done();
    }

    private List<Card> cards(DashboardStats s, Optional<NextRun> next, Optional<Copies> copies) {
        List<Card> list = new ArrayList<>();
        list.add(new Card(Messages.get("dashboard.card.backups"), String.format(Locale.ROOT, "%,d", s.backups()),
                Messages.get("dashboard.card.backups.detail", Formats.bytes(s.totalBytes())), Tone.NEUTRAL));
        boolean fresh = s.lastSuccess() != null && s.lastSuccess().isAfter(s.computedAt().minus(rpo.get()));
        list.add(new Card(Messages.get("dashboard.card.last"), Formats.age(s.lastSuccess(), s.computedAt()),
                s.lastSuccess() == null ? Messages.get("dashboard.card.last.none") : Formats.time(s.lastSuccess()),
                fresh ? Tone.GOOD : Tone.BAD));
        copies.map(DashboardViewModel::copiesCard).ifPresent(list::add);
        list.add(next.map(n -> n.pausedSince() != null
                        ? new Card(Messages.get("dashboard.card.next"), Messages.get("dashboard.card.next.paused"),
                        Messages.get("dashboard.card.next.paused.detail", Formats.time(n.pausedSince())), Tone.WARNING)
                        : new Card(Messages.get("dashboard.card.next"), Formats.until(n.at(), s.computedAt()),
                        Messages.get("dashboard.card.next.detail", n.profile(), Formats.soon(n.at(), s.computedAt())),
                        Tone.NEUTRAL))
                .orElse(new Card(Messages.get("dashboard.card.next"), "–", Messages.get("dashboard.card.next.none"),
                        Tone.NEUTRAL)));
        list.add(new Card(Messages.get("dashboard.card.rate"), Formats.percent(s.successRate30d()),
                Messages.get("dashboard.card.rate.detail", Formats.percent(s.successRate7d())), rateTone(s.successRate30d())));
        list.add(new Card(Messages.get("dashboard.card.duration"), Formats.duration(s.averageDuration()),
                Messages.get("dashboard.card.duration.detail"), Tone.NEUTRAL));
        list.add(new Card(Messages.get("dashboard.card.compression"), s.compressionRatio() == null ? "–"
                : String.format(Locale.ROOT, "%.1f×", s.compressionRatio()), Messages.get("dashboard.card.compression.detail"),
                Tone.NEUTRAL));
        list.add(new Card(Messages.get("dashboard.card.free"), Formats.bytes(s.freeBytes()),
                Messages.get("dashboard.card.free.detail"), Tone.NEUTRAL));
        return list;
    }

    /** "3 waiting: 2 pending, 1 failed", coloured by the worst; "All copies confirmed" when none wait. */
    static Card copiesCard(Copies copies) {
        int waiting = copies.pending() + copies.failed();
        Tone tone = copies.failed() > 0 ? Tone.BAD : copies.pending() > 0 ? Tone.WARNING : Tone.GOOD;
        return new Card(Messages.get("dashboard.card.copies"), String.valueOf(waiting), waiting == 0
                ? Messages.get("dashboard.card.copies.none")
                : Messages.get("dashboard.card.copies.detail", copies.pending(), copies.failed()), tone);
    }

    private static Tone rateTone(Double rate) {
        if (rate == null) {
            return Tone.NEUTRAL;
        }
        return rate >= GOOD_RATE ? Tone.GOOD : rate >= POOR_RATE ? Tone.WARNING : Tone.BAD;
    }

    private static HealthRow healthRow(DatabaseHealth h, Instant now) {
        String note = HealthNotes.of(h, now);
        return new HealthRow(h.key(), h.health(), Formats.age(h.lastBackup(), now), Formats.age(h.lastVerified(), now),
                note, HealthRow.Kind.DATABASE, h.needsAttention() ? h.condition() : null, h.acknowledged());
    }

    private ActivityRow activity(JobRun run) {
        // a set's run is the whole server's: it names no database
        String what = JobRun.KIND_SET.equals(run.kind()) ? Messages.get("dashboard.activity.set", run.profile())
                : Messages.get(JobRun.KIND_RESTORE.equals(run.kind()) ? "dashboard.activity.restore"
                : "dashboard.activity.backup", run.profile() + "/" + run.database());
        String detail = run.error() != null ? run.error()
                : run.status() == JobStatus.OK && run.sizeBytes() > 0 ? Formats.bytes(run.sizeBytes()) : "";
        return new ActivityRow(Formats.time(run.finishedAt() != null ? run.finishedAt() : run.startedAt()), what,
                run.status(), detail);
    }

    public ObservableList<Card> cards() {
        return cards;
    }

    public ObservableList<HealthRow> health() {
        return health;
    }

    public ObservableList<ActivityRow> recent() {
        return recent;
    }

    public ObservableList<ChartSeries> storage() {
        return storage;
    }

    public ObservableList<ChartSeries> durations() {
        return durations;
    }

    public ObservableList<ChartSeries> daily() {
        return daily;
    }

    public ObservableList<ChartSeries> storageByDatabase() {
        return storageByDatabase;
    }

    public ReadOnlyStringProperty storageUnitProperty() {
        return storageUnit;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyObjectProperty<Instant> updatedAtProperty() {
        return updatedAt;
    }
}

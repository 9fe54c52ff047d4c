package io.backupdesk.app;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.DaemonThreads;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.schedule.BackupScheduler;
import io.backupdesk.schedule.RunRequest;
import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.store.Settings;
import io.backupdesk.tray.TrayController;
import io.backupdesk.tray.TrayStatus;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import io.backupdesk.ui.Confirm;
import io.backupdesk.ui.Messages;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app while its window is closed: the tray icon with its state and menu, closing to the tray, notifications of
 * scheduled runs, and quitting. Without a tray (headless, or no panel with a tray) closing the window quits as
 * usual, and the schedules then run only while the window is open; that is logged and said once at start.
 * Scheduler events arrive on its threads and hop to the FX thread here, once.
 */
final class BackgroundMode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundMode.class);
    /**
     * Databases go stale with time alone, so the state is also looked at this often. On a plain timer thread: a
     * JavaFX Timeline, even a slow one, keeps the toolkit's 60-Hz pulse running, which is most of an idle app's CPU.
     */
    private static final long RECHECK_MINUTES = 10;

    private final AppContext context;
    private final Stage stage;
    private final ScheduledExecutorService recheck =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("tray-recheck"));
    /** The runs the tray menu started, told when they end whatever the settings say: the user is waiting for them. */
    private final Set<String> startedFromTray = ConcurrentHashMap.newKeySet();
    private TrayController tray;
    private boolean refreshing;
    private boolean refreshAgain;

    BackgroundMode(AppContext context, Stage stage) {
        this.context = context;
        this.stage = stage;
    }

    /** Puts the icon in the tray when there is one; returns whether there is. */
    boolean install() {
        BackupScheduler scheduler = context.scheduler();
        scheduler.addListener(new BackupScheduler.Listener() {
            @Override
            public void runFinished(RunRequest run, JobRun result) {
                boolean fromTray = startedFromTray.remove(run.key());
                // the setting is read here, on the scheduler's thread: no file is read on the FX thread; a scheduled
                // run that ended badly is told by its problems already
                boolean tell = fromTray || result.status() == JobStatus.OK
                        && context.engine().settings().load().backgroundOrDefaults().notifiesOnSuccess();
                if (tell) {
                    TrayOutcome done = TrayOutcome.finished(result, made(result), madeSet(result));
                    Platform.runLater(() -> {
                        if (done.failed()) {
                            notifyError(done.title(), done.text());
                        } else {
                            notifyInfo(done.title(), done.text());
                        }
                    });
                }
            }

            @Override
            public void runStarted(RunRequest run) {
                // said from the scheduler's thread, so that it always comes before the run's end
                if (startedFromTray.contains(run.key())) {
                    TrayOutcome begun = TrayOutcome.started(run.profile());
                    Platform.runLater(() -> notifyInfo(begun.title(), begun.text()));
                }
            }

            @Override
            public void runFailed(RunRequest run, RuntimeException error) {
                startedFromTray.remove(run.key());
                Platform.runLater(() -> failed(run, error));
            }

            @Override
            public void stateChanged() {
                Platform.runLater(BackgroundMode.this::refresh);
            }
        });
        context.onProblem(problem -> Platform.runLater(() -> notifyWarning(Messages.get("app.title"), problem)));
        // the engine's watch decides and sends the alerts; the desktop only shows them
        context.engine().jobs().stale().onNewlyStale(stale -> Platform.runLater(() -> showNewlyStale(stale)));
        context.engine().jobs().health().onAcknowledged(() -> Platform.runLater(this::refresh));
        if (!TrayController.supported()) {
            LOG.warn("No system tray here: closing the window quits, and schedules run only while the app is open");
            return false;
        }
        Platform.setImplicitExit(false);
        // the menu's actions arrive on the AWT event thread and hop to the FX thread here, once
        tray = new TrayController(new TrayController.Actions() {
            @Override
            public void open() {
                Platform.runLater(BackgroundMode.this::open);
            }

            @Override
            public void backUpNow(String profile) {
                Platform.runLater(() -> BackgroundMode.this.backUpNow(profile));
            }

            @Override
            public void togglePause() {
                // the scheduler may hold its lock while it reads the history: not on the FX thread
                Platform.runLater(() -> context.runner().runInBackground((progress, cancel) -> {
                    if (scheduler.paused()) {
                        scheduler.resume();
                    } else {
                        scheduler.pause();
                    }
                    return scheduler.paused();
                }, paused -> LOG.info(paused ? "Schedules paused" : "Schedules resumed"),
                        failure -> LOG.warn("Pause or resume failed: {}", failure.getMessage())));
            }

            @Override
            public void acknowledge(List<String> conditions) {
                Platform.runLater(() -> BackgroundMode.this.acknowledge(conditions));
            }

            @Override
            public void quit() {
                Platform.runLater(BackgroundMode.this::quit);
            }
        }, Messages::get);
        tray.show();
        stage.setOnCloseRequest(e -> {
            e.consume();
            hideToTray();
        });
        context.runner().jobs().addListener((ListChangeListener<Object>) change -> refresh());
        recheck.scheduleWithFixedDelay(() -> Platform.runLater(this::refresh), RECHECK_MINUTES, RECHECK_MINUTES,
                TimeUnit.MINUTES);
        refresh();
        return true;
    }

    boolean hasTray() {
        return tray != null;
    }

    void open() {
        stage.show();
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }

    private void hideToTray() {
        stage.hide();
        context.runner().runInBackground((progress, cancel) -> {
            Settings settings = context.engine().settings().load();
            if (settings.backgroundOrDefaults().trayNoticeShown() != null) {
                return false;
            }
            context.engine().settings().save(settings.withBackground(settings.backgroundOrDefaults().withTrayNoticeShown()));
            return true;
        }, first -> {
            if (first) {
                tray.info(Messages.get("tray.hidden.title"), Messages.get("tray.hidden.text"));
            }
        }, failure -> LOG.warn("Could not note the tray notice: {}", failure.getMessage()));
    }

    /** Quits, after asking when a job would be cancelled by it. */
    void quit() {
        boolean busy = context.scheduler().anyRunning() || !context.runner().jobs().isEmpty();
        if (busy) {
            if (!Confirm.ask(stage.isShowing() ? stage : null, Messages.get("quit.title"), Messages.get("quit.question"),
                    Messages.get("quit.action"))) {
                return;
            }
        }
        close();
        Platform.exit();
    }

    /** "Back up now" from the tray: the connection's preset or the default options, under the scheduler's rules. */
    private void backUpNow(String profileName) {
        context.runner().runInBackground((progress, cancel) -> {
            ConnectionProfile profile = context.engine().profiles().require(profileName);
            // as Back up now in the window: the connection's preset, else the settings' defaults
            BackupOptions options = context.engine().jobs().presets().startingPoint(profile, null);
            RunRequest now = RunRequest.fromTray(profile.name(), options);
            startedFromTray.add(now.key());
            boolean started = context.scheduler().runNow(now);
            if (!started) {
                startedFromTray.remove(now.key());
            }
            return started;
        }, started -> {
            if (!started) {
                notifyWarning(Messages.get("tray.backup.busy.title"),
                        Messages.get("tray.backup.busy.text", profileName));
            }
        }, failure -> notifyWarning(Messages.get("tray.backup.notStarted.title", profileName), failure.getMessage()));
    }

    private void failed(RunRequest run, RuntimeException error) {
        TrayOutcome failure = TrayOutcome.failed(run.profile(), error);
        notifyError(failure.title(), failure.text());
    }

    /** The backup a run made, as the catalog has it now; empty when it made none or the catalog cannot be read. */
    private Optional<BackupCatalog.Entry> made(JobRun run) {
        if (run.backupId() == null || JobRun.KIND_SET.equals(run.kind())) {
            return Optional.empty();
        }
        try {
            return context.engine().catalog().scan().stream().filter(e -> e.record().id().equals(run.backupId()))
                    .findFirst();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the backup {} back: {}", run.backupId(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The set a set's run made; empty for another run, or when its manifest cannot be read. */
    private Optional<BackupSets.SetEntry> madeSet(JobRun run) {
        if (run.backupId() == null || !JobRun.KIND_SET.equals(run.kind())) {
            return Optional.empty();
        }
        try {
            return context.engine().backupSets().read().sets().stream()
                    .filter(s -> s.set().id().equals(run.backupId())).findFirst();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the set {} back: {}", run.backupId(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The tray's Acknowledge: the alerts the icon showed. The icon and the dashboard read the health again when the
     * job says it changed.
     */
    private void acknowledge(List<String> conditions) {
        context.runner().runInBackground((progress, cancel) -> context.engine().jobs().health().acknowledge(conditions),
                health -> LOG.info("Acknowledged from the tray: {}", conditions),
                failure -> notifyWarning(Messages.get("health.acknowledge.failed"), failure.getMessage()));
    }

    /** Works out the tray's state off the FX thread; a change meanwhile asks for one more round, not a pile-up. */
    void refresh() {
        if (tray == null) {
            return;
        }
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        BackupScheduler scheduler = context.scheduler();
        boolean running = scheduler.anyRunning() || !context.runner().jobs().isEmpty();
        context.runner().runInBackground((progress, cancel) -> {
            // the health judges the databases of existing connections only, so a removed one neither stays red nor alerts
            List<DatabaseHealth> health = context.engine().jobs().health().now();
            List<String> profiles = context.engine().profiles().list().stream().map(ConnectionProfile::name).toList();
            return new Snapshot(TrayStatus.of(running, scheduler.paused(), context.engine().history().readAll(), health,
                    failedCopies(), scheduler.nextRun(), context.engine().clock().instant(),
                    ZoneId.systemDefault(), Messages::get),
                    scheduler.paused(), profiles);
        }, snapshot -> {
            refreshing = false;
            if (tray != null) {
                tray.update(snapshot.status(), snapshot.paused(), snapshot.profiles());
            }
            if (refreshAgain) {
                refreshAgain = false;
                refresh();
            }
        }, failure -> {
            refreshing = false;
            LOG.warn("Could not work out the tray state: {}", failure.getMessage());
        });
    }

    private record Snapshot(TrayStatus status, boolean paused, List<String> profiles) { }

    /** The copies that failed for good; a copy ledger that cannot be read does not stop the tray telling the rest. */
    private int failedCopies() {
        try {
            return context.engine().jobs().destinations().copiesSummary().failed();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the copies: {}", e.getMessage());
            return 0;
        }
    }

    /** What the engine's watch found newly past its RPO (and already sent to the webhook and e-mail), shown here. */
    private void showNewlyStale(List<DatabaseHealth> newlyStale) {
        for (DatabaseHealth h : newlyStale) {
            notifyWarning(Messages.get("tray.stale.title", h.key()), Messages.get("tray.stale.text"));
        }
        refresh();
    }

    private void notifyInfo(String title, String text) {
        Optional.ofNullable(tray).ifPresent(t -> t.info(title, text));
        LOG.info("{}: {}", title, text);
    }

    private void notifyWarning(String title, String text) {
        Optional.ofNullable(tray).ifPresent(t -> t.warning(title, text));
        LOG.warn("{}: {}", title, text);
    }

    private void notifyError(String title, String text) {
        Optional.ofNullable(tray).ifPresent(t -> t.error(title, text));
        LOG.warn("{}: {}", title, text);
    }

    @Override
    public void close() {
        recheck.shutdownNow();
        if (tray != null) {
            tray.close();
            tray = null;
        }
    }
}

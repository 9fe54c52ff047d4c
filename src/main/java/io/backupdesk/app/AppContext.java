package io.backupdesk.app;

import io.backupdesk.ui.shell.Navigation;
import io.backupdesk.engine.Logs;
import io.backupdesk.engine.Engine;
import io.backupdesk.engine.AppPaths;

import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.DaemonThreads;
import io.backupdesk.core.JobRun;
import io.backupdesk.jobs.DestinationsJob;
import io.backupdesk.schedule.RunRequest;
import io.backupdesk.ui.FxTaskRunner;
import io.backupdesk.ui.TaskRunner;
import io.backupdesk.ui.Notifier;
import io.backupdesk.ui.restorewizard.RestoreWizardViewModel;
import io.backupdesk.ui.restorewizard.SetRestoreWizardViewModel;
import io.backupdesk.ui.settings.DestinationsViewModel;
import io.backupdesk.ui.settings.KeysViewModel;
import io.backupdesk.ui.settings.PresetsViewModel;
import io.backupdesk.ui.settings.SettingsViewModel;
import io.backupdesk.ui.backups.BackupDialogViewModel;
import io.backupdesk.ui.backups.BackupsViewModel;
import io.backupdesk.ui.connections.ConnectionsViewModel;
import io.backupdesk.ui.dashboard.DashboardViewModel;
import io.backupdesk.ui.schedules.SchedulesViewModel;
import io.backupdesk.ui.shell.ShellViewModel;

import javafx.application.Platform;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import io.backupdesk.schedule.BackupScheduler;

/**
 * The desktop composition root: the headless engine, the executor the UI's jobs run on, the task runner over it,
 * the navigation, and the screens' ViewModels built from them. Closed on quit.
 */
public final class AppContext implements AutoCloseable {
    /** Jobs of the UI: reading the catalog, a backup, a verify. A few at once, each on a named daemon thread. */
    private static final int JOB_THREADS = 4;

    private final Engine engine;
    private final ExecutorService jobs = Executors.newFixedThreadPool(JOB_THREADS, DaemonThreads.named("ui-job"));
    private final TaskRunner runner = new FxTaskRunner(jobs);
    private final Navigation navigation = new Navigation();
    private final BackupScheduler scheduler;
    private final List<Consumer<String>> problemListeners = new CopyOnWriteArrayList<>();
    private final ScheduleStarter starter;
    private boolean windowOnly;
    /** The status bar of the main window, once it is built. */
    private volatile Consumer<String> outcomes = text -> { };

    public AppContext(AppPaths paths, Consumer<String> warnings) {
        Logs.toFolder(paths.logsDir());
        this.engine = new Engine(paths, null, warnings);
        this.scheduler = engine.newScheduler(problem -> problemListeners.forEach(l -> l.accept(problem)));
        this.starter = new ScheduleStarter(scheduler, engine.jobs().stale(), engine.jobs().copy(), paths.runsDir());
    }

    /** The scheduler of this app; started by {@link #startScheduler()}, closed on quit. */
    public BackupScheduler scheduler() {
        return scheduler;
    }

    /**
     * Starts the schedules once this app holds them: at once, or when a {@code schedule run-due} that holds them now
     * has finished. Call after the start-up housekeeping.
     */
    public void startScheduler() {
        starter.start();
    }

    /**
     * Runs the action on the UI thread after the scheduler changed what a screen shows: a run began, ended or was
     * skipped, a schedule was saved or removed, the schedules were paused. The scheduler's threads hop here once.
     */
    public void onScheduleChange(Runnable action) {
        scheduler.addListener(new BackupScheduler.Listener() {
            @Override
            public void runSkipped(RunRequest run, JobRun skipped) {
                Platform.runLater(action);
            }

            @Override
            public void stateChanged() {
                Platform.runLater(action);
            }
        });
    }

    /** Hears what went wrong after a scheduled backup succeeded (a cleanup, a test restore); any thread. */
    public void onProblem(Consumer<String> listener) {
        problemListeners.add(listener);
    }

    public Engine engine() {
        return engine;
    }

    public TaskRunner runner() {
        return runner;
    }

    public Navigation navigation() {
        return navigation;
    }

    public ShellViewModel shell() {
        return new ShellViewModel(navigation, runner);
    }

    public ConnectionsViewModel connections() {
        return new ConnectionsViewModel(new EngineProfileOperations(engine), runner);
    }

    public BackupDialogViewModel backupDialog(Notifier notifier) {
        return new BackupDialogViewModel(new EngineBackupOperations(engine), runner, notifier);
    }

    public SettingsViewModel settings() {
        return new SettingsViewModel(new EngineSettingsOperations(engine), runner, BackupDeskApp::applyTheme);
    }

    public PresetsViewModel presets() {
        return new PresetsViewModel(new EnginePresetOperations(engine), runner);
    }

    public KeysViewModel keys() {
        return new KeysViewModel(new EngineKeyOperations(engine, Clock.systemUTC()), runner);
    }

    public DestinationsViewModel destinations() {
        return new DestinationsViewModel(new EngineDestinationOperations(engine), runner);
    }

    public RestoreWizardViewModel restoreWizard() {
        return new RestoreWizardViewModel(new EngineRestoreOperations(engine,
                text -> Platform.runLater(() -> outcomes.accept(text))), runner);
    }

    /**
     * Where the outcome of a job started in the window goes (the main window's status bar): a restore's, which the
     * wizard's own window shows too and which ends after that window may be closed.
     */
    void tellOutcomesTo(Consumer<String> statusLine) {
        this.outcomes = statusLine;
    }

    /** The restore wizard of a whole-server set. */
    public SetRestoreWizardViewModel setRestoreWizard(BackupSets.SetEntry set) {
        return new SetRestoreWizardViewModel(set, new EngineSetRestoreOperations(engine), runner);
    }

    public BackupsViewModel backups() {
        return new BackupsViewModel(new EngineCatalogOperations(engine), runner);
    }

    public SchedulesViewModel schedules() {
        SchedulesViewModel schedules = new SchedulesViewModel(new EngineScheduleOperations(engine, scheduler), runner);
        if (windowOnly) {
            schedules.tellWindowOnly();
        }
        return schedules;
    }

    /** No tray here: closing the window quits, so the schedules run only while it is open; the screens say so. */
    void setWindowOnly(boolean noTray) {
        this.windowOnly = noTray;
    }

    public DashboardViewModel dashboard() {
        EngineScheduleOperations schedules = new EngineScheduleOperations(engine, scheduler);
        return new DashboardViewModel(engine::stats, () -> engine.settings().load().rpo(),
                () -> schedules.pausedSince().map(DashboardViewModel.NextRun::paused).or(() -> schedules.soonest()
                        .map(s -> new DashboardViewModel.NextRun(s.schedule().profile(), s.nextRun()))),
                this::waitingCopies, this::serverSets, engine.jobs().health()::acknowledge, runner);
    }

    /** Each server connection with its newest set, for the dashboard's health list. */
    private List<DashboardViewModel.ServerSet> serverSets() {
        List<String> servers = engine.profiles().list().stream().filter(ConnectionProfile::wholeServer)
                .map(ConnectionProfile::name).toList();
        if (servers.isEmpty()) {
            return List.of();
        }
        // newest first, so the first of a connection's is its newest
        List<BackupSet> sets = engine.backupSets().read().sets().stream().map(BackupSets.SetEntry::set).toList();
        return servers.stream().map(name -> DashboardViewModel.ServerSet.of(name, sets.stream()
                .filter(set -> set.profile().equals(name)).findFirst().orElse(null))).toList();
    }

    /** The copies that wait, for the dashboard; none where no destination is kept and nothing was ever copied. */
    private Optional<DashboardViewModel.Copies> waitingCopies() {
        DestinationsJob destinations = engine.jobs().destinations();
        DestinationsJob.CopiesSummary waiting = destinations.copiesSummary();
        return waiting.pending() + waiting.failed() == 0 && destinations.list().isEmpty() ? Optional.empty()
                : Optional.of(new DashboardViewModel.Copies(waiting.pending(), waiting.failed()));
    }

    @Override
    public void close() throws InterruptedException {
        // the jobs stop first; only then may a run-due take the schedules over
        scheduler.close();
        starter.close();
        jobs.shutdownNow();
        jobs.awaitTermination(5, TimeUnit.SECONDS);
    }
}

package io.backupdesk.app;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobStatus;
import io.backupdesk.ui.shell.Navigation;

import io.backupdesk.ui.FxNotifier;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Notifier;
import io.backupdesk.ui.WindowSizes;
import io.backupdesk.ui.backups.BackupDialogView;
import io.backupdesk.ui.backups.BackupDialogViewModel;
import io.backupdesk.ui.backups.BackupsView;
import io.backupdesk.ui.backups.BackupsViewModel;
import io.backupdesk.ui.connections.ConnectionsView;
import io.backupdesk.ui.connections.ConnectionsViewModel;
import io.backupdesk.ui.dashboard.DashboardView;
import io.backupdesk.ui.dashboard.DashboardViewModel;
import io.backupdesk.ui.restorewizard.RestoreWizardView;
import io.backupdesk.ui.restorewizard.RestoreWizardViewModel;
import io.backupdesk.ui.restorewizard.SetRestoreWizardView;
import io.backupdesk.ui.restorewizard.SetRestoreWizardViewModel;
import io.backupdesk.ui.schedules.SchedulesView;
import io.backupdesk.ui.schedules.SchedulesViewModel;
import io.backupdesk.ui.settings.DestinationsViewModel;
import io.backupdesk.ui.settings.KeysViewModel;
import io.backupdesk.ui.settings.PresetsViewModel;
import io.backupdesk.ui.settings.SettingsView;
import io.backupdesk.ui.settings.SettingsViewModel;
import io.backupdesk.ui.shell.MainView;
import io.backupdesk.ui.shell.ShellViewModel;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds the main window from the app context: the screens in sidebar order, the shortcuts, the first screen (the
 * connections when there is no profile yet), and the start-up cleanup as the first job. The app and the end-to-end
 * UI test build it the same way.
 */
public final class MainWindow {
    /** The first start's size, and the least the sidebar, the cards and the backup list's columns need. */
    public static final WindowSizes.Request SIZE = new WindowSizes.Request(1280, 800, 900, 560);

    private MainWindow() { }

    private static void restore(AppContext context, Stage stage, Consumer<Path> reveal,
                                Consumer<RestoreWizardViewModel> start) {
        RestoreWizardViewModel wizard = context.restoreWizard();
        new RestoreWizardView(wizard, reveal, context.engine().paths().logsDir()).show(stage);
        start.accept(wizard);
    }

    /**
     * Imports a dump file from elsewhere and opens it in the restore wizard: a file dropped on the window, or one a
     * second launch handed over.
     */
    static void openDumpFile(AppContext context, Stage stage, Consumer<Path> reveal, Path dump) {
        restore(context, stage, reveal, wizard -> wizard.openFile(dump));
    }

    /** @param reveal opens a folder in the system's file manager */
    public static Scene build(AppContext context, Stage stage, Consumer<Path> reveal) {
        ShellViewModel shell = context.shell();
        Notifier notifier = new FxNotifier(() -> stage, shell::tellOutcome);
        context.tellOutcomesTo(shell::tellOutcome);
        DashboardViewModel dashboard = context.dashboard();
        BackupsViewModel backups = context.backups();
        ConnectionsViewModel connections = context.connections();
        SchedulesViewModel schedules = context.schedules();
        // the scheduler's news: a run began or ended (its own, or the tray's "back up now"), was skipped, a schedule
        // was saved; every screen that shows the catalog reads it again. While the window is hidden in the tray,
        // only once it shows again
        Runnable reread = () -> {
            schedules.refresh();
            dashboard.refresh();
            backups.refresh();
        };
        context.onScheduleChange(() -> {
            if (stage.isShowing()) {
                reread.run();
            }
        });
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> reread.run());
        // an alert acknowledged from the tray (or here) leaves the health list
        context.engine().jobs().health().onAcknowledged(() -> Platform.runLater(() -> {
            if (stage.isShowing()) {
                dashboard.refresh();
            }
        }));
        Runnable backUpNow = () -> {
            BackupDialogViewModel dialog = context.backupDialog(notifier);
            // on the backup list, the connection of the backup in focus; elsewhere the dialog's own first choice
            dialog.open(context.navigation().current() == Navigation.Screen.BACKUPS ? backups.profileToBackUp() : null);
            new BackupDialogView(dialog).show(stage);
        };
        LinkedHashMap<Navigation.Screen, Supplier<Node>> screens = new LinkedHashMap<>();
        screens.put(Navigation.Screen.DASHBOARD, () -> new DashboardView(dashboard).node());
        screens.put(Navigation.Screen.BACKUPS, () -> {
            backups.refresh();
            return new BackupsView(backups, reveal, backUpNow, entry -> restore(context, stage, reveal,
                    wizard -> wizard.open(entry)), set -> {
                        SetRestoreWizardViewModel wizard = context.setRestoreWizard(set);
                        new SetRestoreWizardView(wizard).show(stage);
                        wizard.load();
                    }).node();
        });
        screens.put(Navigation.Screen.SCHEDULES, () -> {
            schedules.refresh();
            return new SchedulesView(schedules, () -> context.navigation().go(Navigation.Screen.CONNECTIONS)).node();
        });
        screens.put(Navigation.Screen.CONNECTIONS, () -> new ConnectionsView(connections).node());
        screens.put(Navigation.Screen.SETTINGS, () -> {
            SettingsViewModel settings = context.settings();
            settings.load();
            PresetsViewModel presets = context.presets();
            presets.load();
            KeysViewModel keys = context.keys();
            keys.load();
            DestinationsViewModel destinations = context.destinations();
            destinations.load();
            return new SettingsView(settings, presets, keys, destinations, reveal).node();
        });
        if (context.engine().profiles().list().isEmpty()) {
            // the first start: nothing can be backed up before a connection exists
            context.navigation().go(Navigation.Screen.CONNECTIONS);
        }
        connections.load();
        Scene scene = new Scene(new MainView(shell, screens).node(), 1280, 800);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), backUpNow);
        // on the scene, not a screen: F5 works wherever the focus is, the sidebar included
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), reread);
        // a dump file dropped on the window is imported and opened in the restore wizard
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            if (!files.isEmpty()) {
                openDumpFile(context, stage, reveal, files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        // the schedules start after the cleanup, so a catch-up run never meets the leftovers of a killed one
        // not a listed job: it takes a moment, and the tray would show it as a backup running
        context.runner().runInBackground((progress, cancel) ->
                context.engine().startupHousekeeping(), done -> {
                    dashboard.refresh();
                    context.startScheduler();
                    // a run that ended leaving work for the user (a safety backup to put back) is told at once
                    done.stream().filter(run -> run.status() == JobStatus.FAILED)
                            .forEach(run -> notifier.error(Messages.get("start.unresolved.title", run.database()),
                                    new BackupDeskException(ErrorKind.TOOL_FAILED, run.error(), "", List.of(),
                                            null)));
                }, failed -> {
                    dashboard.refresh();
                    context.startScheduler();
                });
        return scene;
    }
}

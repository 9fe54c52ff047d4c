package io.backupdesk.app;

import io.backupdesk.engine.AppPaths;
import io.backupdesk.app.instance.InstanceLock;

import io.backupdesk.cli.BackupDeskCli;
import io.backupdesk.core.BackupDeskException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point. With arguments it is the command line and never loads JavaFX; without, it starts the desktop
 * app. Kept apart from the Application class so the JavaFX runtime can start from a plain class path.
 *
 * <p>The desktop app claims its config folder before JavaFX loads: a second launch with the same folder hands over to
 * the running app and exits 0 without loading JavaFX, or, when the running app does not answer, says so and exits 1.
 * The command line never claims it, so a script can back up while the app is open.
 */
public final class Launcher {
    /** How long a second launch waits for the running app to take the hand-over. */
    private static final Duration HAND_OVER_PATIENCE = Duration.ofSeconds(5);

    private Launcher() { }

    public static void main(String[] args) {
        if (args.length > 0) {
            Warmup.start(args);
            BackupDeskCli.main(args);
            return;
        }
        Optional<InstanceLock> lock;
        try {
            lock = InstanceLock.acquireOrHandOver(AppPaths.forCurrentUser(null).configDir(), List.of(args),
                    HAND_OVER_PATIENCE);
        } catch (BackupDeskException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("hint: " + e.hint());
            System.exit(1);
            return;
        }
        if (lock.isEmpty()) {
            System.out.println("Backup Desk is already running; its window was brought forward.");
            return;
        }
        try (InstanceLock owned = lock.get()) {
            BackupDeskApp.launch(owned);
        }
    }
}

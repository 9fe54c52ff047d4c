package io.backupdesk.app;

import io.backupdesk.cli.BackupDeskCli;

/**
 * The one entry point. With arguments it is the command line and never loads JavaFX; without, it starts the desktop
 * app. Kept apart from the Application class so the JavaFX runtime can start from a plain class path.
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) {
        if (args.length > 0) {
            Warmup.start();
            BackupDeskCli.main(args);
        } else {
            javafx.application.Application.launch(BackupDeskApp.class, args);
        }
    }
}

package io.backupdesk.cli;

import io.backupdesk.core.BackupDeskException;

import java.io.Console;

/**
 * The guard before a destructive step: the user types the database's name on a terminal. Without a terminal the
 * step is refused unless --yes was given, so a script never destroys anything by accident or hangs on a prompt.
 */
final class Confirmation {
    private Confirmation() { }

    static void require(boolean yes, String database, String what) {
        if (yes) {
            return;
        }
        Console console = System.console();
        if (console == null) {
            throw BackupDeskException.configuration(what + " No terminal to confirm it on.",
                    "Run it in a terminal to type the database name, or add --yes.");
        }
        String typed = console.readLine("%s%nType the database name (%s) to go on: ", what, database);
        if (typed == null || !typed.trim().equals(database)) {
            throw BackupDeskException.configuration("The name typed did not match " + database + "; nothing was changed.",
                    "Type the database name exactly, or add --yes.");
        }
    }
}

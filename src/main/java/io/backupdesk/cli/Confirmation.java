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
        require(yes, database, "database", what);
    }

    /** @param noun what the name is the name of ("database", "key"), for the prompt */
    static void require(boolean yes, String name, String noun, String what) {
        if (yes) {
            return;
        }
        Console console = System.console();
        if (console == null) {
            throw BackupDeskException.configuration(what + " No terminal to confirm it on.",
                    "Run it in a terminal to type the " + noun + " name, or add --yes.");
        }
        String typed = console.readLine("%s%nType the %s name (%s) to go on: ", what, noun, name);
        if (typed == null || !typed.trim().equals(name)) {
            throw BackupDeskException.configuration("The name typed did not match " + name + "; nothing was changed.",
                    "Type the " + noun + " name exactly, or add --yes.");
        }
    }
}

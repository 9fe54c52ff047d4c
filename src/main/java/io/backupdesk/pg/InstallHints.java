package io.backupdesk.pg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** How to install the client programs of a given PostgreSQL major version, on the platform we run on. */
public final class InstallHints {
    private InstallHints() { }

    public static String clientTools(String major) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "Install the PostgreSQL " + major + " command line tools from https://www.postgresql.org/download/windows/"
                    + " (choose only 'Command Line Tools'), or set the client tools folder in the settings.";
        }
        if (os.startsWith("mac")) {
            return "Install them with 'brew install postgresql@" + major + "' or Postgres.app,"
                    + " or set the client tools folder in the settings.";
        }
        if (Files.exists(Path.of("/etc/debian_version"))) {
            return "Install them with 'sudo apt-get install postgresql-client-" + major + "'"
                    + " (add the apt.postgresql.org repository if your release lacks that version).";
        }
        if (Files.exists(Path.of("/etc/redhat-release"))) {
            return "Install them with 'sudo dnf install postgresql" + major + "' from the PGDG repository"
                    + " (https://www.postgresql.org/download/linux/redhat/).";
        }
        return "Install the PostgreSQL " + major + " client programs from https://www.postgresql.org/download/,"
                + " or set the client tools folder in the settings.";
    }
}

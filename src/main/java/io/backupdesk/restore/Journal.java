package io.backupdesk.restore;

import io.backupdesk.backup.ActiveRun;
import java.io.IOException;

/**
 * Where a restore notes what it would leave behind if the app died at this moment, so that the next start can clean
 * up: the databases it made and has not yet dropped or put in place, and what to tell the user.
 */
interface Journal {
    Journal NONE = new Journal() {
        @Override
        public void made(String database) {
            // nothing to note
        }

        @Override
        public void gone(String database) {
            // nothing to note
        }

        @Override
        public void note(String text) {
            // nothing to note
        }

        @Override
        public void started(ProcessHandle tool) {
            // nothing to note
        }

        @Override
        public void unresolved(String text) {
            // nothing to note
        }

        @Override
        public void created(String database, long oid) {
            // nothing to note
        }
    };

    /** The database exists now and must be dropped if the app dies. */
    void made(String database);

    /** The database exists now, as this oid: the cleanup drops it only while the name still means this one. */
    void created(String database, long oid);

    /** The database was dropped, or is final: renamed into place or kept as the new database. */
    void gone(String database);

    /** What the user should be told if the app dies from here on. */
    void note(String text);

    /** The restoring tool runs: stopped at the next start if it outlived the app. */
    void started(ProcessHandle tool);

    /** The run ends leaving something the user must do: the next start tells it again. */
    void unresolved(String text);

    static Journal of(ActiveRun run) {
        return new Journal() {
            @Override
            public void made(String database) {
                run.database(database, true);
            }

            @Override
            public void gone(String database) {
                run.database(database, false);
            }

            @Override
            public void note(String text) {
                run.note(text);
            }

            @Override
            public void unresolved(String text) {
                run.unresolved(text);
            }

            @Override
            public void created(String database, long oid) {
                run.created(database, oid);
            }

            @Override
            public void started(ProcessHandle tool) {
                try {
                    run.started(tool);
                } catch (IOException e) {
                    // the tool is stopped with the app in all but a hard kill; noting it is best effort
                }
            }
        };
    }
}

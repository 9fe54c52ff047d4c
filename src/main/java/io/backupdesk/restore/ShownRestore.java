package io.backupdesk.restore;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ShellQuoting;
import io.backupdesk.pg.ShownCommand;
import io.backupdesk.restore.roles.RolesMode;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The pg_restore (or psql) command line a restore runs, for a person to read and copy: the same options the run gives
 * ({@link ToolRestore#options}), the connection as options instead of the environment, never a password (libpq finds
 * it in ~/.pgpass or asks). What Backup Desk does itself around it (creating or emptying the database, the list of
 * entries, the roles, the swap) is said in comment lines starting with '#', so that the text pasted into a shell runs
 * only the command.
 */
public final class ShownRestore {
    /** The name the list of entries is shown under; the run writes it to a private file of its own. */
    static final String LIST_NAME = "restore-list.txt";

    private ShownRestore() { }

    /** @param now the time the restore would start, for the name of a safe replace's temporary database */
    public static String of(RestorePlan plan, LocalDateTime now) {
        BackupRecord record = plan.source().record();
        String db = plan.database();
        List<String> lines = new ArrayList<>();
        if (plan.roles() == RolesMode.CREATE_MISSING) {
            lines.add("# First the roles the server lacks are created from the backup's roles file, as previewed;"
                    + " existing roles are left as they are.");
        }
        // an encrypted backup streams into the program (decision 0051) unless the plan must seek in a file
        boolean streams = record.encrypted() && (record.format() == BackupFormat.PLAIN || plan.streamable());
        if (streams) {
            lines.add("# The backup is encrypted: its plaintext streams from age -d into the command, never to disk"
                    + " (KEYFILE: the key it was encrypted to).");
        } else if (record.encrypted()) {
            lines.add("# The backup is encrypted: it is first decrypted (age -d) to an owner-only temporary file that"
                    + " the command reads" + (plan.jobs() > 1 ? " with its workers" : " in the order of the foreign keys")
                    + ", removed afterwards.");
        }
        String decrypt = streams ? "age -d -i KEYFILE " + ShellQuoting.quote(plan.source().archive().toString()) + " | "
                : "";
        String into = db;
        switch (plan.mode()) {
            case SAFE_REPLACE -> {
                into = DatabaseNames.derived(db, "restoring", now, name -> false);
                lines.add("# Into a new temporary database " + into + " (its name carries the start time); once"
                        + " every table's rows match, it takes the place of " + db + ", which is kept aside."
                        + " Onto a server without " + db + ", into " + db + " itself.");
            }
            case NEW_DATABASE -> lines.add("# The database " + db + " is created first" + (plan.flags().create()
                    ? " with the backup's encoding and locale, and given the backup's own owner, settings, comment"
                    + " and grants after (--create)." : ", with the server's defaults."));
            case IN_PLACE -> lines.add("# After a safety backup of " + db + ", " + (plan.whole()
                    ? db + " is emptied (dropped and created again with its settings)."
                    : plan.loadsIntoExistingTables() ? "the tables whose rows are restored are emptied (TRUNCATE)."
                    : "only the objects restored are dropped and made again."));
        }
        if (record.format() == BackupFormat.PLAIN) {
            String file = plainName(plan);
            String psql = ShownCommand.tool(plan.target().withDatabase(into), "psql", withAll(
                    List.of("--no-password", "--no-psqlrc", "--quiet"), ToolRestore.psqlOptions(plan)));
            if (streams) {
                lines.add(decrypt + (file.endsWith(".gz") ? "gzip -dc | " : "") + psql);
            } else {
                lines.add(file.endsWith(".gz") ? "gzip -dc " + ShellQuoting.quote(file) + " | " + psql
                        : psql + " < " + ShellQuoting.quote(file));
            }
            return String.join("\n", lines);
        }
        boolean list = ToolRestore.needsUseList(plan);
        if (list) {
            lines.add("# " + LIST_NAME + ": the backup's entries as 'pg_restore -l' lists them, those not restored"
                    + " commented out" + (plan.ordersRowsByForeignKeys() ? ", each table's rows after those of the"
                    + " tables it refers to" : "") + ".");
        }
        List<String> args = withAll(List.of("--no-password", "--verbose"),
                ToolRestore.options(plan, ToolRestore.cleans(plan), list ? LIST_NAME : null));
        if (!streams) {
            args.add(archiveName(plan));
        }
        lines.add(decrypt + ShownCommand.tool(plan.target().withDatabase(into), "pg_restore", args));
        return String.join("\n", lines);
    }

    private static List<String> withAll(List<String> first, List<String> then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /** The archive as pg_restore reads it: for an encrypted one, its plaintext's name. */
    private static String archiveName(RestorePlan plan) {
        String path = plan.source().archive().toString();
        return plan.source().record().encrypted() && path.endsWith(".age")
                ? path.substring(0, path.length() - ".age".length()) : path;
    }

    private static String plainName(RestorePlan plan) {
        return archiveName(plan);
    }
}

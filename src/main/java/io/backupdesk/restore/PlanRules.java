package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How pg_restore's switches combine with the restore modes (decision 0047): what makes no sense is refused when the
 * plan is made, before anything connects, with what to do instead. The rule behind them: a restore never leaves a
 * database with less than the user asked to keep, so a part of a backup goes only where it adds to what is there.
 *
 * <ul>
 *   <li>Safe replace swaps whole databases, so it takes the whole backup: a copy without rows, indexes or tables
 *       would take the place of the complete database.</li>
 *   <li>A new database has no tables: it needs the pre-data section (the definitions) with whatever else comes.</li>
 *   <li>In place takes the whole backup, or rows and post-data without the definitions, into the tables that are
 *       there; definitions without the rest would drop the tables and their rows.</li>
 *   <li>{@code --create} makes a new database with the archive's own settings; the other modes keep those of the
 *       database they replace.</li>
 * </ul>
 */
final class PlanRules {
    private PlanRules() { }

    /**
     * @param jobsAsked the parallel workers asked for; 0 when left to the default
     * @param selective schemas or tables chosen, or schemas left out
     */
    static void check(BackupFormat format, RestoreMode mode, String database, boolean selective, List<String> schemas,
                      int jobsAsked, RestoreFlags flags) {
        if (flags.any() && format == BackupFormat.PLAIN) {
            throw BackupDeskException.configuration("A plain SQL backup is run by psql, which has none of pg_restore's"
                    + " switches (role, sections, schema or data only, create, schemas left out, tablespaces,"
                    + " triggers, failed tables).",
                    "Restore it without them, or back up in an archive format (custom, directory or tar).");
        }
        Set<RestoreSection> restored = flags.restored();
        String lacking = lacking(restored);
        if (!flags.whole() && mode == RestoreMode.SAFE_REPLACE) {
            throw BackupDeskException.configuration("A safe replace swaps the whole database, so it restores the"
                    + " whole backup: " + database + " would be replaced by a database " + lacking + ".",
                    partsHint())
                    .withCommandLineHint("Use --mode new-database with the definitions (pre-data), or --mode"
                            + " in-place for rows (--data-only) or post-data into the tables that are there.");
        }
        if (mode == RestoreMode.NEW_DATABASE && !restored.contains(RestoreSection.PRE_DATA)) {
            throw BackupDeskException.configuration("A new database has no tables, so "
                    + names(restored) + " alone would have nowhere to go.",
                    "Restore the definitions (pre-data) with them, or restore into the database whose tables are"
                            + " there, in place.")
                    .withCommandLineHint("Add --section pre-data, or use --mode in-place on the database that has"
                            + " the tables.");
        }
        if (mode == RestoreMode.IN_PLACE && !flags.whole() && restored.contains(RestoreSection.PRE_DATA)) {
            // the definitions in place drop the tables first, and without the rest they come back emptier
            throw BackupDeskException.configuration("Restoring the definitions in place drops the tables of "
                    + database + (selective ? " that are chosen" : "") + " and makes them again " + lacking
                    + ".", "Restore the definitions into a new database; in place, restore the whole backup, or"
                    + " only its rows or post-data.")
                    .withCommandLineHint("Use --mode new-database, or in place the whole backup, --data-only,"
                            + " --section data or --section post-data.");
        }
        if (flags.create() && mode != RestoreMode.NEW_DATABASE) {
            throw BackupDeskException.configuration("--create makes a new database with the backup's own settings,"
                    + " owner, comment and grants; a " + (mode == RestoreMode.IN_PLACE ? "restore in place" : "safe"
                    + " replace") + " keeps those of " + database + ".", "Restore into a new database to create it.")
                    .withCommandLineHint("Use --create with --mode new-database (its default), or leave it out.");
        }
        if (!restored.contains(RestoreSection.DATA) && (flags.disableTriggers() || flags.noDataForFailedTables())) {
            throw BackupDeskException.configuration("Disabling triggers and leaving out the rows of tables that"
                    + " failed both act on rows, and " + names(restored) + " loads none.",
                    "Leave them out, or restore the rows too.")
                    .withCommandLineHint("Drop --disable-triggers and --no-data-for-failed-tables, or restore data.");
        }
        if (flags.noDataForFailedTables() && !restored.contains(RestoreSection.PRE_DATA)) {
            throw BackupDeskException.configuration("Leaving out the rows of tables that could not be created needs"
                    + " the tables to be created: the rows go into tables that are there.", "Leave it out.")
                    .withCommandLineHint("Drop --no-data-for-failed-tables.");
        }
        for (String s : flags.excludeSchemas()) {
            if (schemas.contains(s)) {
                throw BackupDeskException.configuration("The schema " + s + " is both chosen and left out.",
                        "Choose it or leave it out.").withCommandLineHint("Drop it from --schema or --exclude-schema.");
            }
        }
        if (jobsAsked > 1 && keepsForeignKeysWhileLoading(mode, flags)) {
            throw BackupDeskException.configuration("Rows loaded into tables that keep their foreign keys go one table"
                    + " after another, each after the tables it refers to; parallel workers would load them in any"
                    + " order.", "Restore them with one job, or disable the triggers (as a superuser).")
                    .withCommandLineHint("Use --jobs 1, or --disable-triggers as a superuser.");
        }
    }

    /**
     * Whether rows go into tables that exist and keep their foreign keys while they load: in place, the data section
     * without post-data (whose --clean drops the keys first) and without disabled triggers. The tables are then
     * loaded one at a time, referenced tables first.
     */
    static boolean keepsForeignKeysWhileLoading(RestoreMode mode, RestoreFlags flags) {
        return mode == RestoreMode.IN_PLACE && flags.restored().equals(Set.of(RestoreSection.DATA))
                && !flags.disableTriggers();
    }

    private static String partsHint() {
        return "Restore the definitions (pre-data) into a new database, or rows and post-data in place into the"
                + " tables that are there.";
    }

    /** "without rows", "without indexes, constraints and triggers": what a restore of these sections leaves out. */
    static String lacking(Set<RestoreSection> restored) {
        List<String> missing = new ArrayList<>();
        if (!restored.contains(RestoreSection.PRE_DATA)) {
            missing.add("tables");
        }
        if (!restored.contains(RestoreSection.DATA)) {
            missing.add("rows");
        }
        if (!restored.contains(RestoreSection.POST_DATA)) {
            missing.add("indexes, constraints and triggers");
        }
        return missing.isEmpty() ? "" : "without " + String.join(" or ", missing);
    }

    /** "the rows (data)", "post-data": the sections as a sentence names them. */
    static String names(Set<RestoreSection> restored) {
        List<String> names = restored.stream().map(s -> s == RestoreSection.DATA ? "the rows (data)"
                : s.cliName()).toList();
        return names.size() == 1 ? names.get(0) : String.join(" and ", names);
    }
}

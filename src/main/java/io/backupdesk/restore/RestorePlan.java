package io.backupdesk.restore;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.QualifiedName;
import io.backupdesk.restore.roles.RolesMode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Everything a restore will do, frozen before it starts; the service checks it again.
 *
 * @param source             the backup to restore
 * @param target             the server (its profile's database is only the default target name)
 * @param database           the database to restore to
 * @param jobs               parallel pg_restore workers; 1 for plain SQL and tar, which cannot restore in parallel;
 *                           below 1 for the backup's default ({@link #defaultJobs(BackupRecord)})
 * @param schemas            restore only these schemas (empty: all)
 * @param tables             restore only these tables, "schema.name" or a bare name, quoted as {@link QualifiedName}
 *                           reads them (empty: all)
 * @param exitOnError        stop at the first error instead of going on and reporting them
 * @param terminateSessions  consent to end other sessions on the target database before it is replaced
 * @param overrides          blocking pre-flight checks the user chose to go past
 * @param flags              pg_restore's own switches; none for its defaults
 * @param roles              whether the roles file beside the backup is restored first (the roles the target lacks
 *                           are created); the jobs layer runs that step, the restore itself never touches a role
 */
public record RestorePlan(BackupCatalog.Entry source, ConnectionProfile target, String database, RestoreMode mode,
                          int jobs, boolean singleTransaction, boolean noOwner, boolean noPrivileges,
                          List<String> schemas, List<String> tables, boolean exitOnError, boolean terminateSessions,
                          Set<CheckId> overrides, RestoreFlags flags, RolesMode roles) {
    private static final int MAX_NAME_BYTES = 63;

    public RestorePlan {
        schemas = List.copyOf(schemas == null ? List.of() : schemas);
        tables = List.copyOf(tables == null ? List.of() : tables);
        overrides = Set.copyOf(overrides == null ? Set.of() : overrides);
        flags = flags == null ? RestoreFlags.NONE : flags;
        roles = roles == null ? RolesMode.SKIP : roles;
        tables.forEach(QualifiedName::parse);
        if (database == null || database.isBlank()) {
            throw BackupDeskException.configuration("Name the database to restore to.",
                    "Give the name of the target database.").withCommandLineHint("Use --database NAME.");
        }
        if (database.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw BackupDeskException.configuration("The database name '" + database + "' is longer than PostgreSQL's 63 bytes.",
                    "Choose a shorter name.");
        }
        int jobsAsked = Math.max(0, jobs);
        if (jobs < 1) {
            // rows loaded into tables that keep their foreign keys go one table at a time, in order
            jobs = PlanRules.keepsForeignKeysWhileLoading(mode, flags) ? 1 : defaultJobs(source.record());
        }
        if (singleTransaction && jobs > 1) {
            throw BackupDeskException.configuration("A single transaction cannot be combined with parallel jobs.",
                    "Use one job with a single transaction, or leave the single transaction off.")
                    .withCommandLineHint("Use --jobs 1 with --single-transaction, or drop --single-transaction.");
        }
        BackupFormat format = source.record().format();
        if (jobs > 1 && (format == BackupFormat.PLAIN || format == BackupFormat.TAR)) {
            throw BackupDeskException.configuration("A " + format.cliName() + " backup is restored by one worker only.",
                    "Use one job; parallel restore needs a custom or directory backup.")
                    .withCommandLineHint("Drop --jobs; parallel restore needs a custom or directory backup.");
        }
        boolean selective = !schemas.isEmpty() || !tables.isEmpty() || !flags.excludeSchemas().isEmpty();
        if (mode == RestoreMode.SAFE_REPLACE && selective) {
            // a safe replace swaps whole databases: with a selection it would put a database holding only the
            // chosen objects in the place of the complete one
            throw BackupDeskException.configuration("A safe replace swaps the whole database " + database
                    + ", so it cannot restore a selection of schemas or tables, or leave schemas out: " + database
                    + " would be replaced by a database holding only them.",
                    "Restore the selection in place, where only the chosen objects are replaced after a safety backup"
                            + " of the whole database, or into a new database.")
                    .withCommandLineHint("Use --mode in-place (only the chosen objects are replaced, after a safety"
                            + " backup of the whole database) or --mode new-database.");
        }
        PlanRules.check(format, mode, database, selective, schemas, jobsAsked, flags);
    }

    /** A plan with pg_restore's default switches, the roles left as they are. */
    public RestorePlan(BackupCatalog.Entry source, ConnectionProfile target, String database, RestoreMode mode,
                       int jobs, boolean singleTransaction, boolean noOwner, boolean noPrivileges,
                       List<String> schemas, List<String> tables, boolean exitOnError, boolean terminateSessions,
                       Set<CheckId> overrides, RestoreFlags flags) {
        this(source, target, database, mode, jobs, singleTransaction, noOwner, noPrivileges, schemas, tables,
                exitOnError, terminateSessions, overrides, flags, RolesMode.SKIP);
    }

    /** A plan with pg_restore's default switches. */
    public RestorePlan(BackupCatalog.Entry source, ConnectionProfile target, String database, RestoreMode mode,
                       int jobs, boolean singleTransaction, boolean noOwner, boolean noPrivileges,
                       List<String> schemas, List<String> tables, boolean exitOnError, boolean terminateSessions,
                       Set<CheckId> overrides) {
        this(source, target, database, mode, jobs, singleTransaction, noOwner, noPrivileges, schemas, tables,
                exitOnError, terminateSessions, overrides, RestoreFlags.NONE);
    }

    /** Whether rows are restored, and so counted against the backup's afterwards. */
    public boolean restoresRows() {
        return flags.restores(RestoreSection.DATA);
    }

    /**
     * Whether the rows go into tables that are there and are not made again: in place, without the definitions.
     * Those tables are emptied first, so that afterwards they hold the backup's rows.
     */
    public boolean loadsIntoExistingTables() {
        return mode == RestoreMode.IN_PLACE && restoresRows() && !flags.restores(RestoreSection.PRE_DATA);
    }

    /** Whether the tables are loaded one after another, referenced tables first (see {@link PlanRules}). */
    public boolean ordersRowsByForeignKeys() {
        return PlanRules.keepsForeignKeysWhileLoading(mode, flags);
    }

    /**
     * The default for this backup: as for its format, but one worker for an encrypted backup, whose plaintext then
     * streams into pg_restore and never reaches the disk; parallel workers need it decrypted to a file first.
     */
    public static int defaultJobs(BackupRecord backup) {
        return backup.encrypted() ? 1 : defaultJobs(backup.format());
    }

    /** One worker per core, at most four, where the format allows it. */
    public static int defaultJobs(BackupFormat format) {
        return format == BackupFormat.PLAIN || format == BackupFormat.TAR ? 1
                : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Schemas or tables chosen, or schemas left out: only part of the backup's objects are restored. */
    public boolean selective() {
        return !schemas.isEmpty() || !tables.isEmpty() || !flags.excludeSchemas().isEmpty();
    }

    /** Whether a restore in place empties the whole database and restores all of the backup into it. */
    public boolean whole() {
        return !selective() && flags.whole();
    }

    /**
     * Whether pg_restore can read this plan's archive from its stdin, as an encrypted backup is streamed (decision
     * 0051): one worker reading front to back, a whole archive or a --use-list in the archive's own order. From a pipe
     * pg_restore refuses parallel workers, and a list that moves data entries ("could not find block ID", after
     * loading the rows it found first), so any such plan must be false here: rows put in the order of their foreign
     * keys (decision 0047) may move, and whether they do is known only from the table of contents, so such a plan
     * reads a file every time.
     */
    public boolean streamable() {
        return jobs <= 1 && !ordersRowsByForeignKeys();
    }

    /** The same plan reading another copy of the same backup (the plaintext of an encrypted one). */
    public RestorePlan withSource(BackupCatalog.Entry copy) {
        return new RestorePlan(copy, target, database, mode, jobs, singleTransaction, noOwner, noPrivileges, schemas,
                tables, exitOnError, terminateSessions, overrides, flags, roles);
    }
}

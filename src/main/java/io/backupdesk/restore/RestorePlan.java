package io.backupdesk.restore;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.QualifiedName;

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
 */
public record RestorePlan(BackupCatalog.Entry source, ConnectionProfile target, String database, RestoreMode mode,
                          int jobs, boolean singleTransaction, boolean noOwner, boolean noPrivileges,
                          List<String> schemas, List<String> tables, boolean exitOnError, boolean terminateSessions,
                          Set<CheckId> overrides, RestoreFlags flags) {
    private static final int MAX_NAME_BYTES = 63;

    public RestorePlan {
        schemas = List.copyOf(schemas == null ? List.of() : schemas);
        tables = List.copyOf(tables == null ? List.of() : tables);
        overrides = Set.copyOf(overrides == null ? Set.of() : overrides);
        flags = flags == null ? RestoreFlags.NONE : flags;
        tables.forEach(QualifiedName::parse);
        if (database == null || database.isBlank()) {
            throw BackupDeskException.configuration("Name the database to restore to.",
                    "Give the name of the target database.").withCommandLineHint("Use --database NAME.");
        }
        if (database.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw BackupDeskException.configuration("The database name '" + database + "' is longer than PostgreSQL's 63 bytes.",
                    "Choose a shorter name.");
        }
        if (jobs < 1) {
            jobs = defaultJobs(source.record());
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
        if (mode == RestoreMode.SAFE_REPLACE && (!schemas.isEmpty() || !tables.isEmpty())) {
            // a safe replace swaps whole databases: with a selection it would put a database holding only the
            // chosen objects in the place of the complete one
            throw BackupDeskException.configuration("A safe replace swaps the whole database " + database
                    + ", so it cannot restore a selection of schemas or tables: " + database
                    + " would be replaced by a database holding only them.",
                    "Restore the selection in place, where only the chosen objects are replaced after a safety backup"
                            + " of the whole database, or into a new database.")
                    .withCommandLineHint("Use --mode in-place (only the chosen objects are replaced, after a safety"
                            + " backup of the whole database) or --mode new-database.");
        }
        if (flags.any() && source.record().format() == BackupFormat.PLAIN) {
            throw BackupDeskException.configuration("A plain SQL backup is run by psql, which has none of pg_restore's"
                    + " switches (role, schema only, tablespaces, triggers, failed tables).",
                    "Restore it without them, or back up in an archive format (custom, directory or tar).");
        }
        if (flags.schemaOnly() && mode != RestoreMode.NEW_DATABASE) {
            // a schema-only restore over a database would leave it without its rows
            throw BackupDeskException.configuration("A schema-only restore would replace " + database + " by a"
                    + " database without rows.", "Restore the schema only into a new database.")
                    .withCommandLineHint("Use --mode new-database with --schema-only.");
        }
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
        return !flags.schemaOnly();
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

    public boolean selective() {
        return !schemas.isEmpty() || !tables.isEmpty();
    }

    /**
     * Whether pg_restore can read this plan's archive from its stdin, as an encrypted backup is streamed (decision
     * 0051): one worker reading front to back, a whole archive or a --use-list in the archive's own order. From a pipe
     * pg_restore refuses parallel workers, and a list that moves data entries ("could not find block ID"), so any
     * such plan must be false here.
     */
    public boolean streamable() {
        return jobs <= 1;
    }

    /** The same plan reading another copy of the same backup (the plaintext of an encrypted one). */
    public RestorePlan withSource(BackupCatalog.Entry copy) {
        return new RestorePlan(copy, target, database, mode, jobs, singleTransaction, noOwner, noPrivileges, schemas,
                tables, exitOnError, terminateSessions, overrides, flags);
    }
}

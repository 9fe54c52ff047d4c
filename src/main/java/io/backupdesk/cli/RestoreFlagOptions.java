package io.backupdesk.cli;

import io.backupdesk.restore.RestoreFlags;
import picocli.CommandLine.Option;

/** pg_restore's own switches, under pg_restore's own names, for a restore of one backup. */
final class RestoreFlagOptions {
    @Option(names = "--role", paramLabel = "ROLE", description = "SET ROLE to this role after logging in, before restoring.")
    String role;
    @Option(names = "--schema-only", description = "Definitions only, no rows; with --mode new-database.")
    boolean schemaOnly;
    @Option(names = "--no-tablespaces", description = "Create every object in the default tablespace.")
    boolean noTablespaces;
    @Option(names = "--disable-triggers", description = "Triggers and foreign keys off while rows load (needs a superuser).")
    boolean disableTriggers;
    @Option(names = "--no-data-for-failed-tables", description = "A table that could not be created gets no rows.")
    boolean noDataForFailedTables;

    RestoreFlags flags() {
        return new RestoreFlags(role, schemaOnly, noTablespaces, disableTriggers, noDataForFailedTables);
    }
}

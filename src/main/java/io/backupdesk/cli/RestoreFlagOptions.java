package io.backupdesk.cli;

import io.backupdesk.restore.RestoreFlags;
import io.backupdesk.restore.RestoreSection;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** pg_restore's own switches, under pg_restore's own names, for a restore of one backup. */
final class RestoreFlagOptions {
    @Option(names = "--role", paramLabel = "ROLE", description = "SET ROLE to this role after logging in, before restoring.")
    String role;
    @Option(names = "--schema-only", description = "Definitions only, no rows (pre-data and post-data); with --mode new-database.")
    boolean schemaOnly;
    @Option(names = "--data-only", description = "Rows only (data), into the tables that are there: with --mode in-place,"
            + " which empties those tables first.")
    boolean dataOnly;
    @Option(names = "--section", paramLabel = "SECTION", description = "Only this section: pre-data, data or post-data"
            + " (repeatable).")
    List<String> sections = new ArrayList<>();
    @Option(names = "--create", description = "A new database with the backup's encoding, locale, owner, settings,"
            + " comment and grants; named as in the backup unless --database says otherwise.")
    boolean create;
    @Option(names = "--exclude-schema", paramLabel = "S", description = "Leave out this schema and everything in it,"
            + " matched exactly (repeatable).")
    List<String> excludeSchemas = new ArrayList<>();
    @Option(names = "--no-tablespaces", description = "Create every object in the default tablespace.")
    boolean noTablespaces;
    @Option(names = "--disable-triggers", description = "Triggers and foreign keys off while rows load (needs a superuser).")
    boolean disableTriggers;
    @Option(names = "--no-data-for-failed-tables", description = "A table that could not be created gets no rows.")
    boolean noDataForFailedTables;

    RestoreFlags flags() {
        return RestoreFlags.builder().role(role).schemaOnly(schemaOnly).dataOnly(dataOnly)
                .sections(sections.stream().map(RestoreSection::parse).toList()).create(create)
                .excludeSchemas(excludeSchemas).noTablespaces(noTablespaces).disableTriggers(disableTriggers)
                .noDataForFailedTables(noDataForFailedTables).build();
    }
}

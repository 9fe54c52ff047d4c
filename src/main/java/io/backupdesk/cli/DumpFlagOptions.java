package io.backupdesk.cli;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ByteSizes;
import io.backupdesk.core.DumpFlags;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * pg_dump's own switches, under pg_dump's own names so that a DBA types what they know, and the size limit; the
 * same wherever a backup's options are given.
 */
final class DumpFlagOptions {
    @Option(names = "--section", paramLabel = "SECTION", description = "Only this section: pre-data, data or post-data (repeatable).")
    List<String> sections = new ArrayList<>();
    @Option(names = "--no-owner", description = "Do not set the objects' owners in the dump.")
    boolean noOwner;
    @Option(names = {"--no-privileges", "--no-acl"}, description = "Leave out grants (GRANT/REVOKE).")
    boolean noPrivileges;
    @Option(names = "--no-tablespaces", description = "Leave out tablespace assignments.")
    boolean noTablespaces;
    @Option(names = "--exclude-table-data", paramLabel = "T", description = "Dump these tables' definitions but not their rows (repeatable).")
    List<String> excludeTableData = new ArrayList<>();
    @Option(names = {"--large-objects", "--blobs"}, negatable = true,
            description = "Dump large objects even with --schema or --table (--no-large-objects: never). Default: pg_dump's.")
    Boolean largeObjects;
    @Option(names = "--encoding", paramLabel = "ENCODING", description = "The dump's character set, e.g. UTF8. Default: the database's.")
    String encoding;
    @Option(names = "--role", paramLabel = "ROLE", description = "SET ROLE to this role after logging in, before dumping.")
    String role;
    @Option(names = "--inserts", description = "Rows as INSERT commands instead of COPY (slower to restore).")
    boolean inserts;
    @Option(names = "--column-inserts", description = "Rows as INSERT commands naming their columns.")
    boolean columnInserts;
    @Option(names = "--rows-per-insert", paramLabel = "N", description = "Rows per INSERT command (implies INSERTs).")
    Integer rowsPerInsert;
    @Option(names = "--quote-all-identifiers", description = "Quote every identifier, e.g. for a newer server's keywords.")
    boolean quoteAllIdentifiers;
    @Option(names = "--create", description = "Plain format: begin with CREATE DATABASE.")
    boolean create;
    @Option(names = "--clean", description = "Plain format: drop each object before creating it.")
    boolean clean;
    @Option(names = "--if-exists", description = "Plain format, with --clean: DROP ... IF EXISTS.")
    boolean ifExists;
    @Option(names = "--max-size", paramLabel = "SIZE", description = "Stop and remove the backup if it grows past this, e.g. 500MB, 20GB.")
    String maxSize;

    DumpFlags flags() {
        return new DumpFlags(sections, noOwner, noPrivileges, noTablespaces, excludeTableData, largeObjects, encoding,
                role, inserts, columnInserts, rowsPerInsert, quoteAllIdentifiers, create, clean, ifExists);
    }

    /** The options with these switches and the size limit set, when given; what was not given is kept. */
    BackupOptions.Builder applyTo(BackupOptions.Builder options) {
        return options.dump(flags()).maxSizeBytes(maxSize == null ? null : ByteSizes.parse(maxSize));
    }
}

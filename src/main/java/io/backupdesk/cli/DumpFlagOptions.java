package io.backupdesk.cli;

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
    Boolean noOwner;
    @Option(names = {"--no-privileges", "--no-acl"}, description = "Leave out grants (GRANT/REVOKE).")
    Boolean noPrivileges;
    @Option(names = "--no-tablespaces", description = "Leave out tablespace assignments.")
    Boolean noTablespaces;
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
    Boolean inserts;
    @Option(names = "--column-inserts", description = "Rows as INSERT commands naming their columns.")
    Boolean columnInserts;
    @Option(names = "--rows-per-insert", paramLabel = "N", description = "Rows per INSERT command (implies INSERTs).")
    Integer rowsPerInsert;
    @Option(names = "--quote-all-identifiers", description = "Quote every identifier, e.g. for a newer server's keywords.")
    Boolean quoteAllIdentifiers;
    @Option(names = "--create", description = "Plain format: begin with CREATE DATABASE.")
    Boolean create;
    @Option(names = "--clean", description = "Plain format: drop each object before creating it.")
    Boolean clean;
    @Option(names = "--if-exists", description = "Plain format, with --clean: DROP ... IF EXISTS.")
    Boolean ifExists;
    @Option(names = "--max-size", paramLabel = "SIZE", description = "Stop and remove the backup if it grows past this, e.g. 500MB, 20GB.")
    String maxSize;

    /** These switches over {@code base}: each one given replaces the base's, the others stay as they were. */
    DumpFlags over(DumpFlags base) {
        return new DumpFlags(sections.isEmpty() ? base.sections() : sections, or(noOwner, base.noOwner()),
                or(noPrivileges, base.noPrivileges()), or(noTablespaces, base.noTablespaces()),
                excludeTableData.isEmpty() ? base.excludeTableData() : excludeTableData,
                largeObjects != null ? largeObjects : base.largeObjects(), encoding != null ? encoding : base.encoding(),
                role != null ? role : base.role(), or(inserts, base.inserts()), or(columnInserts, base.columnInserts()),
                rowsPerInsert != null ? rowsPerInsert : base.rowsPerInsert(),
                or(quoteAllIdentifiers, base.quoteAllIdentifiers()), or(create, base.create()), or(clean, base.clean()),
                or(ifExists, base.ifExists()));
    }

    boolean anyGiven() {
        return maxSize != null || !over(DumpFlags.NONE).equals(DumpFlags.NONE);
    }

    /** The size limit given, else the base's. */
    Long maxSizeOver(Long base) {
        return maxSize == null ? base : Long.valueOf(ByteSizes.parse(maxSize));
    }

    private static boolean or(Boolean given, boolean base) {
        return given != null ? given : base;
    }
}

package io.backupdesk.core;

import java.util.List;
import java.util.Set;

/**
 * pg_dump's own switches that a DBA sets in pgAdmin's backup dialog, passed through as pg_dump names them. What is
 * not set leaves pg_dump's default.
 *
 * @param sections          only these sections (pre-data, data, post-data); empty for all
 * @param excludeTableData  tables whose definitions are dumped but not their rows (pg_dump's patterns)
 * @param largeObjects      true to dump large objects even when only some schemas or tables are, false never to;
 *                          null for pg_dump's choice
 * @param encoding          the dump's character set; null for the database's
 * @param role              the role pg_dump runs as after it logs in ({@code SET ROLE}); null for the login's
 * @param rowsPerInsert     rows per INSERT (implies INSERTs); null for one row per INSERT or COPY
 * @param create            plain SQL only: begin with CREATE DATABASE and a connection to it
 * @param clean             plain SQL only: drop each object before creating it
 * @param ifExists          plain SQL only: drop with IF EXISTS (needs {@code clean})
 */
public record DumpFlags(List<String> sections, boolean noOwner, boolean noPrivileges, boolean noTablespaces,
                        List<String> excludeTableData, Boolean largeObjects, String encoding, String role,
                        boolean inserts, boolean columnInserts, Integer rowsPerInsert, boolean quoteAllIdentifiers,
                        boolean create, boolean clean, boolean ifExists) {
    public static final Set<String> SECTIONS = Set.of("pre-data", "data", "post-data");
    /** None set: pg_dump's defaults. */
    public static final DumpFlags NONE = new DumpFlags(List.of(), false, false, false, List.of(), null, null, null,
            false, false, null, false, false, false, false);

    public DumpFlags {
        sections = sections == null ? List.of() : sections.stream().distinct().toList();
        excludeTableData = excludeTableData == null ? List.of() : List.copyOf(excludeTableData);
        encoding = blankToNull(encoding);
        role = blankToNull(role);
    }

    /**
     * Refuses what pg_dump would refuse, before connecting. Not in the constructor, so that a schedule holding such a
     * value is still read (its runs then fail with this message).
     */
    public DumpFlags checked(BackupFormat format, DumpScope scope) {
        for (String section : sections) {
            if (!SECTIONS.contains(section)) {
                throw BackupDeskException.configuration("'" + section + "' is not a section.",
                        "Use pre-data, data or post-data.");
            }
        }
        if (!sections.isEmpty() && scope != DumpScope.ALL) {
            throw BackupDeskException.configuration("Sections cannot be combined with schema-only or data-only.",
                    "Choose sections (pre-data and post-data are the schema, data the rows) or one of the two.");
        }
        if (rowsPerInsert != null && rowsPerInsert < 1) {
            throw BackupDeskException.configuration("Rows per INSERT must be at least 1, not " + rowsPerInsert + ".",
                    "Give a number of rows such as 100.");
        }
        if (format != BackupFormat.PLAIN && (create || clean || ifExists)) {
            throw BackupDeskException.configuration("--create, --clean and --if-exists shape plain SQL only.",
                    "For an archive, choose them when restoring; or back up in the plain format.");
        }
        if (ifExists && !clean) {
            throw BackupDeskException.configuration("--if-exists needs --clean.", "Add --clean, or leave out --if-exists.");
        }
        for (String text : new String[] {encoding, role}) {
            if (text != null && text.codePoints().anyMatch(Character::isISOControl)) {
                throw BackupDeskException.configuration("An encoding or role name holds a control character.",
                        "Give the name as PostgreSQL shows it.");
            }
        }
        return this;
    }

    /** Rows go as INSERT commands rather than COPY: slower to restore, but loadable by other databases. */
    public boolean insertsData() {
        return inserts || columnInserts || rowsPerInsert != null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;

/**
 * pg_restore's own switches that a DBA sets in pgAdmin's restore dialog, passed through under pg_restore's names.
 * They shape how an archive is restored; plain SQL is run by psql, which has none of them.
 *
 * @param role                  the role pg_restore runs as after logging in ({@code SET ROLE}); null for the login's
 * @param schemaOnly            definitions only, no rows: a new database only, since it would replace one with rows
 *                              by one without
 * @param disableTriggers       triggers and foreign keys off while rows are loaded (needs a superuser)
 * @param noDataForFailedTables a table whose creation failed (it existed) gets no rows, rather than a second copy
 */
public record RestoreFlags(String role, boolean schemaOnly, boolean noTablespaces, boolean disableTriggers,
                           boolean noDataForFailedTables) {
    public static final RestoreFlags NONE = new RestoreFlags(null, false, false, false, false);

    public RestoreFlags {
        role = role == null || role.isBlank() ? null : role.strip();
        if (role != null && role.codePoints().anyMatch(Character::isISOControl)) {
            throw BackupDeskException.configuration("The role name holds a control character.",
                    "Give the role's name as PostgreSQL shows it.");
        }
    }

    public boolean any() {
        return !equals(NONE);
    }
}

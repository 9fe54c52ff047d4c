package io.backupdesk.jobs;

import io.backupdesk.restore.CheckId;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.roles.RolesPreview;

import java.util.List;
import java.util.Set;

/**
 * What a set restore would do, before anything changes: the roles step's preview, then each chosen database's
 * pre-flight and what it would be given of its own settings and grants.
 *
 * @param roles     what the roles step would create and leave; with roles skipped it says what is there and what is
 *                  not, and nothing is created
 * @param databases in the order they are restored
 */
public record SetRestorePreview(String setId, String target, RolesPreview roles, List<Database> databases) {
    /**
     * @param databaseLevel what the database is given after its restore, in a few words ("owner app, 2 settings")
     */
    public record Database(String database, String targetName, List<PreflightCheck> checks, String databaseLevel) {
        public Database {
            checks = List.copyOf(checks);
        }

        /** The checks that stop this database's restore unless overridden. */
        public List<PreflightCheck> blocking(Set<CheckId> overrides) {
            return checks.stream().filter(c -> c.level() == PreflightCheck.Level.BLOCK && !overrides.contains(c.id()))
                    .toList();
        }
    }

    public SetRestorePreview {
        databases = List.copyOf(databases);
    }

    /** Whether the restore would be refused before anything changes: a role it cannot make, or a database's check. */
    public boolean blocked(Set<CheckId> overrides, boolean creatingRoles) {
        return creatingRoles && roles.blocked() || databases.stream().anyMatch(d -> !d.blocking(overrides).isEmpty());
    }
}

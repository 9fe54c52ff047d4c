package io.backupdesk.jobs;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.restore.CheckId;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.roles.RolesMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a set restore will do, frozen before it starts: which set, onto which server, which of its databases
 * under which names, in which mode, and whether the roles the target lacks are created.
 *
 * @param target            a server connection (or any profile of the server): its database is only the one it logs
 *                          in to
 * @param databases         the chosen databases, each once, each a database the set holds a backup of
 * @param roles             whether the roles the target lacks are created first, or no role is touched
 * @param mode              new-database or safe-replace; in place is not offered for a set (decision 0041)
 * @param noOwner           the databases' objects are not given their owners (they belong to the restoring role)
 * @param noPrivileges      the databases' grants are left out
 * @param terminateSessions consent to end other sessions on a database a safe replace swaps out
 * @param overrides         blocking pre-flight checks the user chose to go past, for every database
 */
public record SetRestoreRequest(Source source, ConnectionProfile target, List<Choice> databases, RestoreMode mode,
                                RolesMode roles, boolean noOwner, boolean noPrivileges, boolean terminateSessions,
                                Set<CheckId> overrides) {
    /**
     * A set as the restore reads it: its manifest, its roles file, and its members' backups as the catalog found them
     * (each one's own sidecar names the set back).
     *
     * @param roles the roles file beside the manifest; empty when the set has none
     */
    public record Source(BackupSet set, Optional<Path> roles, List<BackupCatalog.Entry> members) {
        public Source {
            members = List.copyOf(members);
        }

        /** A set as the catalog of sets lists it. */
        public static Source of(BackupSets.SetEntry entry) {
            return new Source(entry.set(), entry.roles(), entry.members());
        }

        /** The backup of this database in the set. */
        public Optional<BackupCatalog.Entry> member(String database) {
            return members.stream().filter(e -> e.record().database().equals(database)).findFirst();
        }

        /** The databases the set holds a backup of, in the manifest's order. */
        public List<String> written() {
            return set.members().stream().filter(BackupSet.Member::written).map(BackupSet.Member::database)
                    .filter(d -> member(d).isPresent()).toList();
        }
    }

    /** One database of the set and the name it takes on the target. */
    public record Choice(String database, String targetName) { }

    public SetRestoreRequest {
        databases = List.copyOf(databases);
        overrides = Set.copyOf(overrides == null ? Set.of() : overrides);
        if (mode == RestoreMode.IN_PLACE) {
            throw BackupDeskException.configuration("A set is restored into new databases or by safe replace, not in"
                    + " place.", "Restore with safe replace, which keeps each replaced database aside; to restore one"
                    + " database in place, restore its own backup.")
                    .withCommandLineHint("Use --mode safe-replace, or restore the database's backup id with --mode in-place.");
        }
        if (databases.isEmpty()) {
            throw BackupDeskException.configuration("The set " + source.set().id() + " holds no database to restore.",
                    "Choose a set whose databases were backed up.");
        }
        Set<String> names = new HashSet<>();
        for (Choice c : databases) {
            if (source.member(c.database()).isEmpty()) {
                throw BackupDeskException.configuration("The set " + source.set().id() + " holds no backup of "
                        + c.database() + ".", "Choose among its databases: " + String.join(", ", source.written()) + ".");
            }
            if (!names.add(c.targetName())) {
                throw BackupDeskException.configuration("Two databases would be restored as " + c.targetName() + ".",
                        "Give each database its own name.");
            }
        }
    }

    /**
     * The databases chosen by name, each under its own name; every database the set holds a backup of when none is
     * named. One database alone may take another name.
     *
     * @param renameTo the name the one chosen database takes on the target; empty for its own
     */
    public static List<Choice> choose(Source source, List<String> names, Optional<String> renameTo) {
        List<String> chosen = names.isEmpty() ? source.written() : names.stream().distinct().toList();
        if (renameTo.isPresent() && chosen.size() != 1) {
            throw BackupDeskException.configuration("Only one database of a set can be restored under another name.",
                    "Name the one database to restore under that name.")
                    .withCommandLineHint("Use --as with exactly one --database.");
        }
        List<Choice> choices = new ArrayList<>();
        chosen.forEach(d -> choices.add(new Choice(d, renameTo.orElse(d))));
        return choices;
    }
}

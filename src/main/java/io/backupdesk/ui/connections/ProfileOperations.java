package io.backupdesk.ui.connections;

import io.backupdesk.core.ConnectionDefaults;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Preset;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.pg.ConnectionCheck;

import java.util.List;
import java.util.Optional;

/** What the connections screen does with profiles and passwords; blocking calls, run off the UI thread. */
public interface ProfileOperations {
    List<ConnectionProfile> list();

    /**
     * Saves the profile, replacing one of the same name (and {@code previousName}'s, when renamed). The keys its
     * backups are encrypted to are checked first: one that is neither a stored key nor a public key is refused; so
     * are the destinations they are copied to, each of which must exist, and a preset newly chosen for it.
     *
     * @param password stored in the pgpass file when present; empty leaves the stored one as it is
     */
    void save(ConnectionProfile profile, String previousName, Optional<String> password);

    void remove(ConnectionProfile profile);

    boolean hasStoredPassword(ConnectionProfile profile);

    /** Logs in and reports; throws the classified error when the login fails. */
    ConnectionCheck.Report test(ConnectionProfile profile, Optional<String> password);

    /**
     * Logs in to a server connection's login database and lists the databases a set could take: not templates, not
     * refusing connections, in name order, before its patterns are applied.
     */
    default List<String> databases(ConnectionProfile profile, Optional<String> password) {
        throw new UnsupportedOperationException("this desk does not list a server's databases");
    }

    /** The key store's keys, that a connection's backups can be encrypted to. */
    List<StoredKey> keys();

    /** The destinations a connection's backups can be copied to; none where no destination is kept. */
    default List<Destination> destinations() {
        return List.of();
    }

    /** The presets a connection's backups can start from; none where none is kept. */
    default List<Preset> presets() {
        return List.of();
    }

    /** The defaults of a new profile, from the libpq environment variables. */
    ConnectionDefaults defaults();
}

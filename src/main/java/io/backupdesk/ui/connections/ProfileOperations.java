package io.backupdesk.ui.connections;

import io.backupdesk.core.ConnectionDefaults;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.pg.ConnectionCheck;

import java.util.List;
import java.util.Optional;

/** What the connections screen does with profiles and passwords; blocking calls, run off the UI thread. */
public interface ProfileOperations {
    List<ConnectionProfile> list();

    /**
     * Saves the profile, replacing one of the same name (and {@code previousName}'s, when renamed).
     *
     * @param password stored in the pgpass file when present; empty leaves the stored one as it is
     */
    void save(ConnectionProfile profile, String previousName, Optional<String> password);

    void remove(ConnectionProfile profile);

    boolean hasStoredPassword(ConnectionProfile profile);

    /** Logs in and reports; throws the classified error when the login fails. */
    ConnectionCheck.Report test(ConnectionProfile profile, Optional<String> password);

    /** The defaults of a new profile, from the libpq environment variables. */
    ConnectionDefaults defaults();
}

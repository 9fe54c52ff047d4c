package io.backupdesk.ui.settings;

import io.backupdesk.core.Destination;
import io.backupdesk.offsite.DestinationCredentials;
import io.backupdesk.offsite.HostKeyOffer;

import java.util.List;
import java.util.Optional;

/**
 * Where the Destinations section of the settings reads and changes the destinations; blocking calls, run off the UI
 * thread. They fail with {@link io.backupdesk.core.BackupDeskException} saying what is wrong and what to do.
 */
public interface DestinationOperations {
    /** A destination with whether secrets are stored for it; the secrets themselves never leave their file. */
    record Listed(Destination destination, boolean hasSecrets) { }

    List<Listed> list();

    /**
     * Saves the destination, replacing one of the same name; one without a creation time is stamped now.
     *
     * @param credentials the secrets to store with it; empty keeps those stored
     */
    void save(Destination destination, Optional<DestinationCredentials> credentials);

    /** Removes the destination and its secrets; the copies already there stay there. */
    void remove(String name);

    /** Logs in, writes a small file, reads it back and removes it; returns what was checked, as a sentence. */
    String test(String name);

    /** The host key an SFTP destination's server offers when it is not trusted yet; empty otherwise. */
    Optional<HostKeyOffer> untrustedHostKey(String name);

    /** Trusts the host key the user compared and accepted. */
    void trust(String name, HostKeyOffer offer);
}

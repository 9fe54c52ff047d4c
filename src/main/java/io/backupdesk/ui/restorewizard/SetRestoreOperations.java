package io.backupdesk.ui.restorewizard;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.jobs.SetRestorePreview;
import io.backupdesk.jobs.SetRestoreReport;
import io.backupdesk.jobs.SetRestoreRequest;
import io.backupdesk.jobs.SecretKeys;

import java.util.List;
import java.util.function.Consumer;

/** What the restore wizard asks of the engine for a whole-server set; blocking calls, run off the UI thread. */
public interface SetRestoreOperations extends KeyChecks {
    /** The connections a set can be restored onto: a server connection, or any connection to the target server. */
    List<ConnectionProfile> profiles();

    /**
     * What the restore would do, the roles' preview first; changes nothing.
     *
     * @param secrets what opens an encrypted set: a passphrase typed, a key file, or the stored keys
     */
    SetRestorePreview preview(SetRestoreRequest request, SecretKeys secrets, Cancellation cancel);

    /** Roles, then each database with its own settings; refused before anything changes when the preview blocks. */
    SetRestoreReport restore(SetRestoreRequest request, SecretKeys secrets, Progress progress, Consumer<String> log,
                             Cancellation cancel);
}

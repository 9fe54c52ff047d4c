package io.backupdesk.cli;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.RestoreRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code backupdesk rollback RESTORE_ID}: undo a restore, or drop the database it kept aside. */
@Command(name = "rollback", description = "Undo a restore: swap the previous database back (safe replace) or put the"
        + " safety backup back (in place). With --drop-old, drop the database the restore kept aside instead.")
public final class RollbackCommand implements Callable<Integer> {
    @ParentCommand
    BackupDeskCli root;

    @Parameters(index = "0", paramLabel = "RESTORE_ID", description = "The id 'backupdesk restore' printed.")
    String restoreId;

    @Option(names = "--drop-old", description = "Drop the previous database the restore kept (or the restored one, after a rollback).")
    boolean dropOld;

    @Option(names = "--yes", description = "Do not ask to type the database name.")
    boolean yes;

    @Override
    public Integer call() {
        RestoreRecord record = root.engine().jobs().restore().record(restoreId);
        ConnectionProfile profile = root.engine().profiles().require(record.profile());
        if (dropOld) {
            String kept = record.rolledBackAt() != null ? record.restoredCopy() : record.asideDatabase();
            Confirmation.require(yes, kept == null ? record.database() : kept,
                    "The database " + kept + " on " + profile.describe() + " will be dropped for good.");
            RestoreRecord done = PasswordPrompt.retryAsking(profile,
                    password -> root.engine().jobs().restore().dropOldCopy(restoreId, profile, password));
            root.out().println("Dropped " + kept + ". " + done.database() + " stays as it is.");
            return 0;
        }
        Confirmation.require(yes, record.database(), "The restore " + restoreId + " of " + record.database() + " on "
                + profile.describe() + " will be undone; the restored database is kept aside.");
        Cancellation cancel = new Cancellation();
        RestoreRecord done = CancelOnInterrupt.run(cancel, () -> PasswordPrompt.retryAsking(profile,
                password -> root.engine().jobs().restore().rollback(restoreId, profile, password,
                        ConsoleProgress.forTerminal(root.err()), cancel)));
        root.out().println("Rolled back: " + done.database() + " is as it was before the restore"
                + (done.restoredCopy() == null ? "." : "; the restored database is kept as " + done.restoredCopy()
                + " (drop it with: backupdesk rollback --drop-old " + restoreId + ")."));
        return 0;
    }
}

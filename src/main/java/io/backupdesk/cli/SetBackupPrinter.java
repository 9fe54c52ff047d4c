package io.backupdesk.cli;

import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Origin;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.crypto.Passphrase;
import io.backupdesk.jobs.BackupJob;
import io.backupdesk.jobs.SetBackupJob;
import io.backupdesk.offsite.CopyState;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code backup NAME} of a server connection: the set, and what became of each database. Exits 0 only for a complete
 * set; a partial or failed one exits 1 (decision 0039), its written databases kept and listed.
 */
final class SetBackupPrinter {
    /** How many left-out databases the summary names before it counts the rest. */
    private static final int LEFT_OUT_NAMED = 8;
    private final BackupDeskCli root;
    private final boolean json;

    SetBackupPrinter(BackupDeskCli root, boolean json) {
        this.root = root;
        this.json = json;
    }

    int backUp(ConnectionProfile connection, BackupOptions options, int databasesAtOnce, Boolean verify,
               boolean passphraseStdin) throws IOException {
        Cancellation cancel = new Cancellation();
        SetBackupJob.Outcome outcome;
        try (Passphrase passphrase = passphraseStdin ? Passphrase.readFirstLine(root.in()) : null) {
            outcome = CancelOnInterrupt.run(cancel, () -> PasswordPrompt.retryAsking(connection,
                    password -> root.engine().jobs().backup().backUpSet(new BackupJob.Request(connection, options,
                                    Origin.COMMAND_LINE, password, PasswordPrompt.canAsk(), verify, passphrase,
                                    databasesAtOnce), ConsoleProgress.forTerminal(root.err()), cancel)));
        }
        BackupSets.SetEntry entry = outcome.set();
        List<CopyState> copies = root.engine().jobs().copy().states(Optional.of(entry.set().id()));
        if (json) {
            root.out().println(CliJson.write(CliJson.set(entry, copies)));
        } else {
            print(entry);
            copies.forEach(c -> root.out().println("  copy to " + c.destination() + ": " + c.status().word()
                    + (c.error() == null ? "" : " (" + c.error() + ")")));
        }
        if (entry.status() != BackupSet.Status.COMPLETE) {
            root.err().println("error: the set " + entry.set().id() + " is " + status(entry) + ": "
                    + outcome.run().error());
            return 1;
        }
        return 0;
    }

    private void print(BackupSets.SetEntry entry) {
        BackupSet s = entry.set();
        root.out().println("Set " + s.id() + " of " + s.profile() + " (" + status(entry) + ") written to "
                + entry.manifest());
        root.out().println("  " + s.members().stream().filter(BackupSet.Member::written).count() + " of "
                + s.members().size() + " databases, " + Format.bytes(entry.sizeBytes()) + " in "
                + Format.duration(Duration.ofMillis(s.durationMillis())));
        for (BackupSet.Member m : s.members()) {
            root.out().println("  " + (m.written() ? "ok      " : "FAILED  ") + m.database() + "  "
                    + (m.written() ? m.backupId() : m.error()));
        }
        if (!s.excluded().isEmpty()) {
            // one line: a shared server can leave out dozens, which drowned the databases that were backed up
            List<String> named = s.excluded().stream().limit(LEFT_OUT_NAMED).toList();
            int more = s.excluded().size() - named.size();
            root.out().println("  left out (" + s.excluded().size() + "): " + String.join(", ", named)
                    + (more > 0 ? " and " + more + " more (--json lists them all)" : ""));
        }
        root.out().println("  roles and tablespaces: " + entry.roles().map(Object::toString)
                .orElse("not written (" + s.globalsError() + ")"));
        if (s.encrypted()) {
            root.out().println("  encrypted " + (s.recipients().isEmpty() ? "with a passphrase"
                    : "to " + String.join(", ", s.recipients())));
        }
    }

    private static String status(BackupSets.SetEntry entry) {
        return entry.status().name().toLowerCase(Locale.ROOT);
    }
}

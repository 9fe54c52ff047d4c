package io.backupdesk.cli;

import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.Cancellation;
import io.backupdesk.jobs.CopyJob;
import io.backupdesk.offsite.CopyState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code backupdesk copies [ID]}: where each backup's copies stand; {@code copies retry} tries the waiting ones now. */
@Command(name = "copies", description = "Show each backup's copies off this desk: ok, pending (retried by itself) or"
        + " failed.", subcommands = CopiesCommand.Retry.class)
public final class CopiesCommand implements Callable<Integer> {
    private static final String ROW = "%-36s  %-16s  %-8s  %-20s  %s%n";

    @ParentCommand
    BackupDeskCli root;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "Only this backup's copies; for a set, the set's own"
            + " (ok only once every database, the roles file and the manifest are there), then its databases'.")
    String backupId;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        CopyJob copies = root.engine().jobs().copy();
        Optional<BackupSets.SetEntry> set = backupId == null ? Optional.empty()
                : root.engine().backupSets().find(backupId);
        List<CopyState> states = set.isPresent() ? copies.statesOf(set.get()) : copies.states(Optional
                .ofNullable(backupId).map(id -> root.engine().catalog().require(id).record().id()));
        print(root, states, json);
        return 0;
    }

    static void print(BackupDeskCli root, List<CopyState> states, boolean json) {
        if (json) {
            root.out().println(CliJson.writeList(states.stream().map(CliJson::copy).toList()));
            return;
        }
        if (states.isEmpty()) {
            root.out().println("No copies. Copy backups with --copy-to DESTINATION on backup, profiles add or"
                    + " schedule add.");
            return;
        }
        root.out().printf(ROW, "BACKUP", "DESTINATION", "STATUS", "WHEN", "DETAIL");
        for (CopyState s : states) {
            String detail = switch (s.status()) {
                case OK -> (s.sha256() == null ? "" : "SHA-256 " + s.sha256() + " ") + "(" + s.confirmedBy() + ")";
                case PENDING -> s.error() + (s.nextAttemptAt() == null ? ""
                        : " Next try " + Format.time(s.nextAttemptAt()) + ".");
                case FAILED, CORRUPT -> s.error();
                case REMOVED -> "deleted there by the destination's retention";
            };
            root.out().printf(ROW, s.backupId(), s.destination(), s.status().word(), Format.time(s.at()), detail);
        }
    }

    /** {@code copies retry}: the pending and failed copies, now. */
    @Command(name = "retry", description = "Try every pending or failed copy again now.")
    static final class Retry implements Callable<Integer> {
        @ParentCommand
        CopiesCommand parent;

        @Option(names = "--destination", paramLabel = "NAME", description = "Only the copies to this destination.")
        String destination;

        @Option(names = "--json", description = "Print the outcomes as a JSON array.")
        boolean json;

        @Override
        public Integer call() {
            CopyJob copies = parent.root.engine().jobs().copy();
            Cancellation cancel = new Cancellation();
            List<CopyState> outcomes = CancelOnInterrupt.run(cancel, () -> copies.retry(Optional.ofNullable(destination),
                    ConsoleProgress.forTerminal(parent.root.err()), cancel));
            if (outcomes.isEmpty() && !json) {
                parent.root.out().println("No copy waits for a retry.");
                return 0;
            }
            print(parent.root, outcomes, json);
            return outcomes.stream().allMatch(s -> s.status() == CopyState.Status.OK) ? 0 : 1;
        }
    }
}

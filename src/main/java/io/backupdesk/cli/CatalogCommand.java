package io.backupdesk.cli;

import io.backupdesk.core.Cancellation;
import io.backupdesk.offsite.RemoteCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code backupdesk catalog sync DESTINATION}: the backups at a destination, listed and restorable from this desk. */
@Command(name = "catalog", description = "Work with the catalogs kept beside the copies at destinations.")
public final class CatalogCommand {
    @ParentCommand
    BackupDeskCli root;

    @Command(name = "sync", description = "Read the backups' metadata at a destination, so that backups there (also"
            + " those other desks copied) are listed and can be restored here.")
    int sync(@Parameters(paramLabel = "DESTINATION") String destination) {
        Cancellation cancel = new Cancellation();
        RemoteCatalog.Synced synced = CancelOnInterrupt.run(cancel,
                () -> root.engine().jobs().remote().sync(destination, cancel));
        long onlyThere = root.engine().jobs().remote().remoteOnly().stream()
                .filter(r -> r.destination().equals(destination)).count();
        root.out().println(synced.backups().size() + " backup(s) at " + destination + "; " + onlyThere
                + " of them not on this desk, listed as remote and restorable by id.");
        if (!synced.sets().isEmpty()) {
            root.out().println(synced.sets().size() + " whole-server set(s) at " + destination + ", listed as remote"
                    + " sets; their databases restore one by one by id.");
        }
        synced.refused().forEach(r -> root.err().println("warning: " + r));
        return synced.damaged().isEmpty() ? 0 : 1;
    }
}

package io.backupdesk.cli;

import io.backupdesk.backup.BackupCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code backupdesk import FILE}: brings a dump made elsewhere into the catalog. */
@Command(name = "import", description = "Add a dump made elsewhere to the catalog (copied in unless it is under the backup root).")
public final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    BackupDeskCli root;

    @Parameters(index = "0", paramLabel = "FILE", description = "A pg_dump archive, directory, or plain SQL file (.sql or .sql.gz).")
    Path file;

    @Option(names = "--profile", paramLabel = "NAME", description = "File it under this profile. Default: imported.")
    String profile;

    @Option(names = "--json", description = "Print the imported backup as JSON.")
    boolean json;

    @Override
    public Integer call() {
        BackupCatalog.Entry entry = root.engine().importer().importDump(file, profile);
        if (json) {
            root.out().println(CliJson.write(CliJson.backup(entry)));
        } else {
            root.out().println("Imported " + entry.record().id() + " (" + entry.record().format().cliName() + " dump of "
                    + entry.record().database() + ") as " + entry.archive());
        }
        return 0;
    }
}

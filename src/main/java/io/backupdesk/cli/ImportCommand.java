package io.backupdesk.cli;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.DumpImporter;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import io.backupdesk.jobs.SecretKeys;
import java.util.concurrent.Callable;

/**
 * {@code backupdesk import FILE}: brings a dump made elsewhere into the catalog, read in full first. Exits 1 when the
 * dump is damaged: it is imported all the same, marked corrupt, so that it is seen and never restored silently.
 */
@Command(name = "import", description = "Add a dump made elsewhere to the catalog (copied in unless it is under the backup root).",
        footer = {"", "The dump is read in full first, as 'verify' reads it. A damaged dump is imported marked corrupt",
                "and the exit code is 1. Unreadable metadata of the same name is kept aside as *.corrupt-<time>."})
public final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    BackupDeskCli root;

    @Parameters(index = "0", paramLabel = "FILE", description = "A pg_dump archive, directory, or plain SQL file (.sql or .sql.gz).")
    Path file;

    @Option(names = "--profile", paramLabel = "NAME", description = "File it under this profile. Default: imported.")
    String profile;

    @Option(names = "--json", description = "Print the imported backup as JSON.")
    boolean json;

    @Mixin
    SecretKeyOptions secrets;

    @Override
    public Integer call() throws IOException {
        return secrets.run(root.in(), this::importWith);
    }

    private int importWith(SecretKeys keys) {
        Cancellation cancel = new Cancellation();
        Optional<DumpImporter.Encrypted> encrypted;
        try {
            encrypted = root.engine().encryptionKeys().forImport(file.toAbsolutePath(), keys);
        } catch (NoSuchFileException e) {
            encrypted = Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DumpImporter.Encrypted opened = encrypted.orElse(null);
        DumpImporter.Imported imported = CancelOnInterrupt.run(cancel, () -> root.engine().importer()
                .importDump(file, profile, opened, ConsoleProgress.forTerminal(root.err()), cancel));
        BackupCatalog.Entry entry = imported.entry();
        imported.setAside().ifPresent(aside -> root.err().println("warning: the unreadable metadata that was there is kept as "
                + aside));
        boolean damaged = entry.status() != BackupStatus.VERIFIED;
        if (json) {
            root.out().println(CliJson.write(CliJson.backup(entry, List.of())));
        } else {
            root.out().println("Imported " + entry.record().id() + " (" + entry.record().format().cliName() + " dump of "
                    + entry.record().database() + ") as " + entry.archive());
            root.out().println("  " + entry.status().name().toLowerCase(Locale.ROOT) + ": "
                    + entry.record().verification().message());
        }
        if (damaged) {
            root.err().println("error: " + entry.archive().getFileName() + " is damaged; it is in the catalog marked corrupt"
                    + " so that nothing restores it silently.");
        }
        return damaged ? 1 : 0;
    }
}

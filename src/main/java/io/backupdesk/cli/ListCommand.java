package io.backupdesk.cli;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code backupdesk list [PROFILE]}: the catalog, newest first. */
@Command(name = "list", description = "List the backups in the catalog, newest first.")
public final class ListCommand implements Callable<Integer> {
    private static final String ROW = "%-12s  %-14s  %-18s  %-19s  %9s  %-9s  %-8s  %s%n";

    @ParentCommand
    BackupDeskCli root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROFILE", description = "Only this profile's backups.")
    String profile;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        List<BackupCatalog.Entry> entries = root.engine().catalog().scan().stream()
                .filter(e -> profile == null || e.record().profile().equals(profile))
                .toList();
        if (json) {
            root.out().println(CliJson.writeList(entries.stream().map(CliJson::backup).toList()));
            return 0;
        }
        if (entries.isEmpty()) {
            root.out().println("No backups" + (profile == null ? "" : " of profile " + profile) + " in "
                    + root.engine().catalog().root() + ".");
            return 0;
        }
        root.out().printf(ROW, "ID", "PROFILE", "DATABASE", "CREATED", "SIZE", "FORMAT", "STATUS", "LABEL");
        for (BackupCatalog.Entry e : entries) {
            BackupRecord r = e.record();
            String label = (r.pinned() ? "[pinned] " : "") + (r.label() == null ? "" : r.label());
            root.out().printf(ROW, r.id(), r.profile(), r.database(), Format.time(r.createdAt()), Format.bytes(r.sizeBytes()),
                    r.format().cliName(), e.status().name().toLowerCase(Locale.ROOT), label);
        }
        return 0;
    }
}

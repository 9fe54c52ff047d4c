package io.backupdesk.cli;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.offsite.RemoteCatalog;
import io.backupdesk.core.BackupRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code backupdesk list [PROFILE]}: the catalog, newest first, then the metadata that could not be used and why. */
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
        BackupCatalog.Listing listing = root.engine().catalog().read();
        // backups only at a destination, as its last catalog sync found them, after those on this desk
        List<BackupCatalog.Entry> entries = Stream.concat(listing.backups().stream(), root.engine().offsite()
                        .remoteCatalog().readAllExcept(listing.backups().stream().map(e -> e.record().id())
                                .collect(Collectors.toSet())).stream().map(RemoteCatalog.RemoteEntry::entry))
                .filter(e -> profile == null || e.record().profile().equals(profile))
                .toList();
        // a refused sidecar's profile is not to be trusted, so every one is shown whatever the filter
        List<BackupCatalog.Refused> refused = listing.refused();
        if (json) {
            Map<String, List<CopyState>> copies = root.engine().offsite().ledger().current().stream()
                    .collect(Collectors.groupingBy(CopyState::backupId));
            List<Object> all = new ArrayList<>(entries.stream()
                    .map(e -> CliJson.backup(e, copies.getOrDefault(e.record().id(), List.of()))).toList());
            refused.stream().map(CliJson::refused).forEach(all::add);
            root.out().println(CliJson.writeList(all));
            return 0;
        }
        if (entries.isEmpty()) {
            root.out().println("No backups" + (profile == null ? "" : " of profile " + profile) + " in "
                    + root.engine().catalog().root() + ".");
        } else {
            root.out().printf(ROW, "ID", "PROFILE", "DATABASE", "CREATED", "SIZE", "FORMAT", "STATUS", "LABEL");
        }
        for (BackupCatalog.Entry e : entries) {
            BackupRecord r = e.record();
            String label = (r.pinned() ? "[pinned] " : "") + (r.encrypted() ? "[encrypted] " : "")
                    + (r.label() == null ? "" : r.label());
            root.out().printf(ROW, r.id(), r.profile(), r.database(), Format.time(r.createdAt()), Format.bytes(r.sizeBytes()),
                    r.format().cliName(), e.status().name().toLowerCase(Locale.ROOT), label);
        }
        if (!refused.isEmpty()) {
            root.out().println();
            root.out().println("Unreadable backup metadata (nothing is done with these; 'backupdesk import' on a dump"
                    + " sets its unreadable metadata aside and imports it again):");
            for (BackupCatalog.Refused r : refused) {
                root.out().println("  unreadable  " + r.sidecar());
                root.out().println("              " + r.reason());
            }
        }
        return 0;
    }
}

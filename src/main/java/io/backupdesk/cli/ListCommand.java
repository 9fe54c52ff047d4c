package io.backupdesk.cli;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.offsite.RemoteCatalog;
import io.backupdesk.offsite.RemoteSets;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupSet;
import io.backupdesk.jobs.ScheduleNames;

import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
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
    private static final String ROW = "%-12s  %-14s  %-18s  %-19s  %9s  %-9s  %-8s  %-22s  %s%n";

    @ParentCommand
    BackupDeskCli root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROFILE", description = "Only this profile's backups.")
    String profile;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    /** One line of the list, a backup's or a set's. */
    private record Row(Instant created, Object[] cells) { }

    private static Row row(BackupCatalog.Entry e, ScheduleNames schedules) {
        BackupRecord r = e.record();
        String label = (r.pinned() ? "[pinned] " : "") + (r.encrypted() ? "[encrypted] " : "")
                + (r.label() == null ? "" : r.label());
        return new Row(r.createdAt(), new Object[] {r.id(), r.profile(), r.database(), Format.time(r.createdAt()),
                Format.bytes(r.sizeBytes()), r.format().cliName(), e.status().name().toLowerCase(Locale.ROOT),
                OriginWords.of(r.origin(), schedules), label});
    }

    private static Row row(BackupSets.SetEntry entry, ScheduleNames schedules) {
        BackupSet s = entry.set();
        String label = "[set] " + (s.pinned() ? "[pinned] " : "") + (s.encrypted() ? "[encrypted] " : "")
                + (s.label() == null ? "" : s.label());
        long written = s.members().stream().filter(BackupSet.Member::written).count();
        String databases = written == s.members().size() ? s.members().size() + " databases"
                : written + " of " + s.members().size() + " databases";
        return new Row(s.createdAt(), new Object[] {s.id(), s.profile(), databases, Format.time(s.createdAt()),
                Format.bytes(entry.sizeBytes()), s.format() == null ? "" : s.format().cliName(),
                entry.status().name().toLowerCase(Locale.ROOT), OriginWords.of(s.origin(), schedules), label});
    }

    /** A set only at a destination: "remote", as a backup there is, with how whole it is there beside its label. */
    private static Row row(RemoteSets.RemoteSet remote, ScheduleNames schedules) {
        Row row = row(remote.entry(), schedules);
        Object[] cells = row.cells().clone();
        cells[6] = "remote";
        cells[8] = "[" + remote.entry().status().name().toLowerCase(Locale.ROOT) + " at " + remote.destination()
                + "] " + cells[8];
        return new Row(row.created(), cells);
    }

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
        BackupSets.Listing sets = root.engine().backupSets().read(listing);
        List<BackupSets.SetEntry> shownSets = sets.sets().stream()
                .filter(s -> profile == null || s.set().profile().equals(profile)).toList();
        List<RemoteSets.RemoteSet> remoteSets = root.engine().offsite().remoteCatalog().setsExcept(sets.sets().stream()
                        .map(s -> s.set().id()).collect(Collectors.toSet())).stream()
                .filter(s -> profile == null || s.entry().set().profile().equals(profile)).toList();
        if (json) {
            Map<String, List<CopyState>> copies = root.engine().offsite().ledger().current().stream()
                    .collect(Collectors.groupingBy(CopyState::backupId));
            List<Object> all = new ArrayList<>(entries.stream()
                    .map(e -> CliJson.backup(e, copies.getOrDefault(e.record().id(), List.of()))).toList());
            shownSets.stream().map(e -> CliJson.set(e, copies.getOrDefault(e.set().id(), List.of()))).forEach(all::add);
            remoteSets.stream().map(CliJson::remoteSet).forEach(all::add);
            refused.stream().map(CliJson::refused).forEach(all::add);
            sets.refused().stream().map(CliJson::refused).forEach(all::add);
            root.out().println(CliJson.writeList(all));
            return 0;
        }
        // a set is one line: its members are in it, not beside it
        Set<String> inSets = Stream.concat(shownSets.stream(), remoteSets.stream().map(RemoteSets.RemoteSet::entry))
                .flatMap(s -> s.members().stream()).map(e -> e.record().id()).collect(Collectors.toSet());
        // from the schedules' store alone, and only when there is a row to name: building every use case for it took
        // a third of an empty list's start
        ScheduleNames schedules = entries.isEmpty() && shownSets.isEmpty() && remoteSets.isEmpty() ? ScheduleNames.NONE
                : ScheduleNames.of(root.engine().schedules());
        List<Row> rows = Stream.of(entries.stream().filter(e -> !inSets.contains(e.record().id()))
                                .map(e -> row(e, schedules)), shownSets.stream().map(e -> row(e, schedules)),
                        remoteSets.stream().map(e -> row(e, schedules)))
                .flatMap(r -> r).sorted(Comparator.comparing(Row::created).reversed()).toList();
        if (rows.isEmpty()) {
            root.out().println("No backups" + (profile == null ? "" : " of profile " + profile) + " in "
                    + root.engine().catalog().root() + ".");
        } else {
            root.out().printf(ROW, "ID", "PROFILE", "DATABASE", "CREATED", "SIZE", "FORMAT", "STATUS", "ORIGIN", "LABEL");
        }
        rows.forEach(r -> root.out().printf(ROW, r.cells()));
        if (!sets.refused().isEmpty()) {
            root.out().println();
            root.out().println("Unreadable set manifests (nothing is done with these):");
            for (BackupSets.Refused r : sets.refused()) {
                root.out().println("  unreadable  " + r.manifest());
                root.out().println("              " + r.reason());
            }
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

package io.backupdesk.backup;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.TableCount;
import io.backupdesk.pg.ArchiveToc;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ServerInspector;
import io.backupdesk.pg.SnapshotSession;
import io.backupdesk.pg.ToolErrors;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The archive's table of contents is the truth about which tables it holds: tables pg_dump took that our reading of
 * its patterns did not predict are counted now, in the still-open snapshot, and tables it did not take are dropped.
 */
final class TocReconciler {
    private final ProcessRunner runner;
    private final ClientInstallation client;
    private final Map<String, String> env;

    TocReconciler(ProcessRunner runner, ClientInstallation client, Map<String, String> env) {
        this.runner = runner;
        this.client = client;
        this.env = env;
    }

    List<TableCount> reconcile(Path archive, List<TableCount> counted, SnapshotSession snapshot, ServerInspector inspector,
                               Cancellation cancel, Instant deadline) {
        var pgRestore = client.tool(ClientTool.PG_RESTORE);
        if (pgRestore.isEmpty()) {
            return counted;
        }
        ArchiveToc.Listing listing = ArchiveToc.list(runner, pgRestore.get(), archive, env, cancel, deadline);
        if (!listing.ok()) {
            throw ToolErrors.classify("pg_restore --list", listing.result(), "the new archive");
        }
        List<ArchiveToc.DataEntry> data = listing.toc().tableData();
        Set<String> inArchive = data.stream().map(e -> e.schema() + "." + e.name()).collect(Collectors.toSet());
        Set<String> countedNames = counted.stream().map(TableCount::qualifiedName).collect(Collectors.toSet());
        List<Long> missing = data.stream().filter(e -> !countedNames.contains(e.schema() + "." + e.name()))
                .map(ArchiveToc.DataEntry::oid).toList();
        List<TableCount> result = new ArrayList<>(counted.stream().filter(c -> inArchive.contains(c.qualifiedName())).toList());
        if (!missing.isEmpty()) {
            result.addAll(snapshot.countRows(inspector.tablesByOid(missing)));
        }
        result.sort(Comparator.comparing(TableCount::schema).thenComparing(TableCount::name));
        return result;
    }
}

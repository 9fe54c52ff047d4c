package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the client programs for a job, before anything runs. pg_dump must be at least the server's major version;
 * among those that are, the closest major wins, so the archive stays readable by the most pg_restore versions.
 * A compatible installation in the configured folder always wins.
 */
public final class ToolSelection {
    private final ToolDiscovery discovery;

    public ToolSelection(ToolDiscovery discovery) {
        this.discovery = discovery;
    }

    public ToolDiscovery discovery() {
        return discovery;
    }

    /** The pg_dump to back up a server of this version, or a {@code VERSION_MISMATCH}/{@code TOOL_MISSING} error. */
    public ClientInstallation forDump(PgVersion server) {
        return compatible(ClientTool.PG_DUMP, server)
                .orElseThrow(() -> noneFits(ClientTool.PG_DUMP, server));
    }

    /** The same rule for pg_dumpall, which must match the server as pg_dump does. */
    public ClientInstallation forDumpAll(PgVersion server) {
        return compatible(ClientTool.PG_DUMPALL, server)
                .orElseThrow(() -> noneFits(ClientTool.PG_DUMPALL, server));
    }

    /**
     * The pg_restore (or psql) to read an archive pg_dump {@code dumpedBy} wrote: the newest installed, which must be
     * at least that major, since an older pg_restore cannot read a newer archive.
     */
    public ClientInstallation forRestore(ClientTool tool, PgVersion dumpedBy) {
        Optional<ClientInstallation> configured = discovery.configuredDir().flatMap(dir -> discovery.installations().stream()
                .filter(i -> i.binDir().equals(dir) && i.tool(tool).isPresent()
                        && i.version().majorNum() >= dumpedBy.majorNum())
                .findFirst());
        Optional<ClientInstallation> newest = newest(tool);
        if (configured.isPresent()) {
            return configured.get();
        }
        if (newest.isPresent() && newest.get().version().majorNum() >= dumpedBy.majorNum()) {
            return newest.get();
        }
        String hint = InstallHints.clientTools(dumpedBy.major());
        throw newest.map(n -> new BackupDeskException(ErrorKind.VERSION_MISMATCH,
                        "The backup was written by pg_dump " + dumpedBy + ", but the newest " + tool.baseName() + " found is "
                                + n.version() + " (" + n.binDir() + "); reading it needs version " + dumpedBy.major()
                                + " or newer.", hint))
                .orElseGet(() -> new BackupDeskException(ErrorKind.TOOL_MISSING,
                        tool.baseName() + " was not found on this computer.", hint));
    }

    /** Like {@link #forDump}, but empty instead of an error; for reports. */
    public Optional<ClientInstallation> compatible(ClientTool tool, PgVersion server) {
        List<ClientInstallation> candidates = discovery.installations().stream()
                .filter(i -> i.tool(tool).isPresent())
                .filter(i -> i.version().majorNum() >= server.majorNum())
                .toList();
        Optional<Path> configured = discovery.configuredDir();
        Optional<ClientInstallation> preferred = candidates.stream()
                .filter(i -> configured.isPresent() && i.binDir().equals(configured.get()))
                .findFirst();
        return preferred.or(() -> candidates.stream().min(Comparator.comparingInt(i -> i.version().majorNum())));
    }

    /** The newest installation that has the tool, whatever the server. */
    public Optional<ClientInstallation> newest(ClientTool tool) {
        return discovery.installations().stream()
                .filter(i -> i.tool(tool).isPresent())
                .max(Comparator.comparing(ClientInstallation::version));
    }

    private BackupDeskException noneFits(ClientTool tool, PgVersion server) {
        String hint = InstallHints.clientTools(server.major());
        return newest(tool)
                .map(newest -> new BackupDeskException(ErrorKind.VERSION_MISMATCH,
                        "The server runs PostgreSQL " + server + ", but the newest " + tool.baseName() + " found is "
                                + newest.version() + " (" + newest.binDir() + "); it must be version " + server.major()
                                + " or newer.", hint))
                .orElseGet(() -> new BackupDeskException(ErrorKind.TOOL_MISSING,
                        tool.baseName() + " was not found on this computer.", hint));
    }
}

package io.backupdesk.backup;

import java.util.Locale;
import io.backupdesk.store.SecureFiles;
import java.util.List;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Ids;
import io.backupdesk.core.TableCount;
import io.backupdesk.pg.ArchiveToc;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.PgVersion;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ToolErrors;
import io.backupdesk.pg.ToolSelection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Brings a dump made elsewhere (by hand, by cron, by pgAdmin) into the catalog: its format is read from its first
 * bytes, its metadata from its header ({@code pg_restore --list}, or the comments of a plain dump). A dump under the
 * backup root gets a sidecar where it is; one from outside is copied in, never moved.
 */
public final class DumpImporter {
    public static final String ORIGIN_IMPORT = "import";
    private static final DateTimeFormatter TOC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final BackupLayout layout;
    private final ToolSelection tools;
    private final ProcessRunner runner;

    public DumpImporter(BackupLayout layout, ToolSelection tools, ProcessRunner runner) {
        this.layout = layout;
        this.tools = tools;
        this.runner = runner;
    }

    /**
     * @param profile the profile to file it under; null files it under "imported"
     */
    public BackupCatalog.Entry importDump(Path source, String profile) {
        Path file = source.toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw BackupDeskException.configuration("There is no file or folder " + file + ".", "Check the path.");
        }
        try {
            BackupFormat format = DumpFormatSniffer.detect(file);
            DumpHeader header = format == BackupFormat.PLAIN ? PlainDumpHeader.read(file) : archiveHeader(file);
            String database = Optional.ofNullable(header.database()).orElseGet(() -> guessDatabase(file));
            Path placed = file.startsWith(layout.root()) ? file
                    : copyIn(file, layout.folderFor(profile == null ? "imported" : profile, database));
            Path sidecar = placed.resolveSibling(stem(placed.getFileName().toString()) + BackupLayout.SIDECAR_SUFFIX);
            if (Files.exists(sidecar)) {
                throw BackupDeskException.configuration(placed + " is in the catalog already.", "List it with 'backupdesk list'.");
            }
            Map<String, String> files = Files.isDirectory(placed) ? Sha256.ofFolderFiles(placed) : Map.of();
            String sha = Files.isDirectory(placed) ? Sha256.ofManifest(files) : Sha256.ofFile(placed);
            BackupRecord record = new BackupRecord(BackupRecord.SCHEMA_VERSION, Ids.newId(),
                    profile == null ? "imported" : profile, null, null, database, header.serverVersion(),
                    header.dumpVersion(), format, header.compression(), null, placed.getFileName().toString(),
                    ArchiveFiles.sizeOf(placed), 0, sha, files, null, null,
                    header.createdAt() == null ? Files.getLastModifiedTime(placed).toInstant() : header.createdAt(), 0,
                    header.tables(), null, BackupStatus.OK, null, ORIGIN_IMPORT, false);
            Sidecars.create(sidecar, record);
            return new BackupCatalog.Entry(record, sidecar, BackupStatus.OK);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not import " + file + ": " + e.getMessage(),
                    "Check that the file is readable and the backup folder writable.", List.of(), e);
        }
    }

    /** What the header of a dump tells. Versions are display text; tables carry no row counts. */
    record DumpHeader(String database, String serverVersion, String dumpVersion, String compression, Instant createdAt,
                      List<TableCount> tables) { }

    private DumpHeader archiveHeader(Path file) {
        Path pgRestore = tools.newest(ClientTool.PG_RESTORE).flatMap(i -> i.tool(ClientTool.PG_RESTORE))
                .orElseThrow(() -> new BackupDeskException(ErrorKind.TOOL_MISSING, "pg_restore was not found on this computer.",
                        ToolErrors.hintFor(ErrorKind.TOOL_MISSING)));
        ArchiveToc.Listing listing = ArchiveToc.list(runner, pgRestore, file, Map.of("LC_MESSAGES", "C"), new Cancellation(), null);
        if (!listing.ok()) {
            throw new BackupDeskException(ErrorKind.CONFIGURATION, "pg_restore cannot read " + file + ": "
                    + listing.result().lastLine(),
                    "The file may be damaged, or made by a newer pg_dump than the pg_restore installed here.",
                    listing.result().stderrTail(), null);
        }
        ArchiveToc toc = listing.toc();
        List<TableCount> tables = toc.tableData().stream().map(e -> new TableCount(e.schema(), e.name(), null)).toList();
        return new DumpHeader(toc.database(), toc.serverVersion().map(PgVersion::toString).orElse(null),
                toc.dumpVersion().map(PgVersion::toString).orElse(null), "unknown", parseTime(toc.createdAt()), tables);
    }

    private static Instant parseTime(String text) {
        try {
            return text == null ? null : ZonedDateTime.parse(text, TOC_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Path copyIn(Path source, Path folder) throws IOException {
        SecureFiles.createDirectories(folder);
        String name = source.getFileName().toString();
        Path target = folder.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve(stem(name) + "-" + n + name.substring(stem(name).length()));
        }
        if (Files.isDirectory(source)) {
            SecureFiles.createDirectories(target);
            try (var children = Files.list(source)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    Files.copy(child, target.resolve(child.getFileName()));
                    SecureFiles.restrictToOwner(target.resolve(child.getFileName()));
                }
            }
        } else {
            Files.copy(source, target);
            SecureFiles.restrictToOwner(target);
            SecureFiles.fsync(target);
        }
        return target;
    }

    /** The name without its dump ending: "sales_2026.sql.gz" gives "sales_2026". */
    static String stem(String name) {
        for (String ending : List.of(".sql.gz", ".dump", ".backup", ".tar", ".sql", ".dir", ".gz", ".pgdump")) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ending) && name.length() > ending.length()) {
                return name.substring(0, name.length() - ending.length());
            }
        }
        return name;
    }

    private static String guessDatabase(Path file) {
        String stem = stem(file.getFileName().toString());
        int underscore = stem.indexOf('_');
        return underscore > 0 ? stem.substring(0, underscore) : stem;
    }
}

package io.backupdesk.restore;

import io.backupdesk.backup.PlainDumpStream;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ToolCommand;
import io.backupdesk.pg.ToolErrors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an archive will create, as far as a pre-flight and a selective restore need it: its table of contents (for
 * pg_restore archives), the roles that own its objects, the extensions it creates, and what its SQL says about
 * indexes and privileges. For plain SQL the same is read from the SQL itself.
 */
public record ArchiveContents(List<TocEntry> entries, Set<String> owners, Set<String> extensions, ArchiveSql sql) {
    static final ArchiveContents NONE = new ArchiveContents(List.of(), Set.of(), Set.of(), ArchiveSql.NONE);

    private static final Pattern OWNER_TO = Pattern.compile("^ALTER .+ OWNER TO (\"(?:[^\"]|\"\")+\"|[^ ;]+);$");
    private static final Pattern EXTENSION = Pattern.compile("^CREATE EXTENSION IF NOT EXISTS (\"(?:[^\"]|\"\")+\"|[^ ;]+)");

    /**
     * Lists a pg_restore archive and reads its definitions; an unreadable one is a {@code TOOL_FAILED} error naming
     * pg_restore's words.
     */
    public static ArchiveContents list(ProcessRunner runner, Path pgRestore, Path archive, Map<String, String> env,
                                       Cancellation cancel) {
        List<String> lines = new ArrayList<>();
        ProcessRunner.Result result = runner.run(ToolCommand.of(pgRestore, List.of("--list", archive.toString()), env),
                in -> new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add),
                line -> { }, cancel, null);
        if (result.exitCode() != 0) {
            throw new BackupDeskException(ErrorKind.TOOL_FAILED, "pg_restore cannot read the table of contents of "
                    + archive.getFileName() + ": " + ToolErrors.errorLine(result.stderrTail()),
                    "Verify the backup; a damaged archive cannot be restored.", result.stderrTail(), null);
        }
        ArchiveContents contents = fromToc(lines, ArchiveSql.NONE);
        boolean sqlMatters = contents.entries().stream().anyMatch(e -> e.type().equals("INDEX") || e.type().endsWith("ACL"));
        return sqlMatters ? fromToc(lines, ArchiveSql.read(runner, pgRestore, archive, env, cancel)) : contents;
    }

    static ArchiveContents fromToc(List<String> lines, ArchiveSql sql) {
        List<TocEntry> entries = lines.stream().map(TocEntry::parse).flatMap(java.util.Optional::stream).toList();
        Set<String> owners = entries.stream().map(TocEntry::owner).filter(o -> !o.equals("-"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> extensions = entries.stream().filter(e -> e.type().equals("EXTENSION")).map(TocEntry::name)
                .collect(Collectors.toCollection(TreeSet::new));
        return new ArchiveContents(entries, owners, extensions, sql);
    }

    /** Reads a plain SQL dump to its end for the roles its objects are given to and the extensions it creates. */
    public static ArchiveContents scanPlain(Path dump, Cancellation cancel) throws IOException {
        Set<String> owners = new TreeSet<>();
        Set<String> extensions = new TreeSet<>();
        List<String> grants = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(PlainDumpStream.open(dump), StandardCharsets.UTF_8))) {
            String line;
            long n = 0;
            while ((line = reader.readLine()) != null) {
                if (++n % 100_000 == 0) {
                    cancel.throwIfCancelled();
                }
                if (line.startsWith("ALTER ")) {
                    Matcher m = OWNER_TO.matcher(line);
                    if (m.find()) {
                        owners.add(unquote(m.group(1)));
                    }
                } else if (line.startsWith("GRANT ") || line.startsWith("REVOKE ")
                        || line.startsWith("ALTER DEFAULT PRIVILEGES ")) {
                    grants.add(line);
                } else if (line.startsWith("CREATE EXTENSION")) {
                    Matcher m = EXTENSION.matcher(line);
                    if (m.find()) {
                        extensions.add(unquote(m.group(1)));
                    }
                }
            }
        }
        return new ArchiveContents(List.of(), owners, extensions, ArchiveSql.parse(grants));
    }

    private static String unquote(String identifier) {
        return ArchiveSql.unquote(identifier);
    }

    /** Whether restoring the archive creates this schema (a dump made with a schema pattern that matched it). */
    boolean createsSchema(String name) {
        return entries.stream().anyMatch(e -> e.type().equals("SCHEMA") && e.name().equals(name));
    }
}

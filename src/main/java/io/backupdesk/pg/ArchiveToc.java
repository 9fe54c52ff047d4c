package io.backupdesk.pg;

import io.backupdesk.core.Cancellation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code pg_restore --list} says about an archive: its header (database, versions, creation time) and its
 * TABLE DATA entries. A TABLE DATA entry carries its table's oid, which identifies the table unambiguously.
 */
public record ArchiveToc(String database, String createdAt, Optional<PgVersion> serverVersion,
                         Optional<PgVersion> dumpVersion, String format, List<DataEntry> tableData) {

    /** One TABLE DATA entry: the table's oid at dump time, its schema and name. */
    public record DataEntry(long oid, String schema, String name) { }

    private static final Pattern HEADER = Pattern.compile("^;\\s+([A-Za-z_ ]+):\\s*(.*)$");
    private static final Pattern CREATED = Pattern.compile("^;\\s+Archive created at (.+)$");
    private static final Pattern DATA = Pattern.compile("^\\d+; \\d+ (\\d+) TABLE DATA (\\S+) (.+) \\S+$");

    /** What {@code pg_restore --list} printed: its exit and stderr, and the contents when it succeeded. */
    public record Listing(ProcessRunner.Result result, ArchiveToc toc) {
        public boolean ok() {
            return result.exitCode() == 0;
        }
    }

    /** Runs {@code pg_restore --list} on an archive (file or folder) and parses what it prints. */
    public static Listing list(ProcessRunner runner, Path pgRestore, Path archive, Map<String, String> env,
                               Cancellation cancel, Instant deadline) {
        List<String> lines = new ArrayList<>();
        ProcessRunner.Result result = runner.run(ToolCommand.of(pgRestore, List.of("--list", archive.toString()), env),
                in -> new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add),
                line -> { }, cancel, deadline);
        return new Listing(result, parse(lines));
    }

    public static ArchiveToc parse(List<String> lines) {
        String database = null;
        String created = null;
        String format = null;
        Optional<PgVersion> server = Optional.empty();
        Optional<PgVersion> dumpedBy = Optional.empty();
        List<DataEntry> data = new ArrayList<>();
        for (String line : lines) {
            Matcher m;
            if ((m = CREATED.matcher(line)).find()) {
                created = m.group(1).trim();
            } else if ((m = HEADER.matcher(line)).find()) {
                String key = m.group(1).trim();
                String value = m.group(2).trim();
                switch (key) {
                    case "dbname" -> database = value;
                    case "Format" -> format = value;
                    case "Dumped from database version" -> server = PgVersion.fromText(value);
                    case "Dumped by pg_dump version" -> dumpedBy = PgVersion.fromText(value);
                    default -> { }
                }
            } else if ((m = DATA.matcher(line)).find()) {
                data.add(new DataEntry(Long.parseLong(m.group(1)), m.group(2), m.group(3)));
            }
        }
        return new ArchiveToc(database, created, server, dumpedBy, format, List.copyOf(data));
    }
}

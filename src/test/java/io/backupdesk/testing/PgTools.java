package io.backupdesk.testing;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.ToolDiscovery;
import io.backupdesk.pg.ToolSelection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/** The real client programs, run by tests themselves to restore and inspect what the engine wrote. */
public final class PgTools {
    private static final ClientInstallation NEWEST = new ToolSelection(ToolDiscovery.standard(null, System.getenv()))
            .newest(ClientTool.PG_RESTORE)
            .orElseThrow(() -> new IllegalStateException("The PostgreSQL client programs must be installed for the tests."));

    private PgTools() { }

    public static Path tool(ClientTool tool) {
        return NEWEST.tool(tool).orElseThrow();
    }

    /** Restores an archive made by the engine into an existing empty database, failing on the first error. */
    public static void restore(TestServer server, String database, Path archive, BackupFormat format) throws IOException {
        if (format == BackupFormat.PLAIN) {
            try (InputStream sql = archive.toString().endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(archive)) : Files.newInputStream(archive)) {
                run(server, sql, tool(ClientTool.PSQL).toString(), "--no-password", "--quiet", "-v", "ON_ERROR_STOP=1",
                        "--dbname=" + database);
            }
        } else {
            // in parallel where the format allows: our custom archives are streamed, so they carry no data offsets
            String jobs = format == BackupFormat.TAR ? "--jobs=1" : "--jobs=2";
            run(server, null, tool(ClientTool.PG_RESTORE).toString(), "--no-password", "--exit-on-error", jobs,
                    "--dbname=" + database, archive.toString());
        }
    }

    /** pg_dump --schema-only, without the per-run random \restrict keys, for comparing two databases' schemas. */
    public static String schema(TestServer server, String database) throws IOException {
        String out = run(server, null, tool(ClientTool.PG_DUMP).toString(), "--no-password", "--schema-only", "--dbname=" + database);
        return out.lines().filter(l -> !l.startsWith("\\restrict") && !l.startsWith("\\unrestrict"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    public static void loadSql(TestServer server, String database, String resource) throws IOException {
        try (InputStream sql = PgTools.class.getResourceAsStream(resource)) {
            run(server, sql, tool(ClientTool.PSQL).toString(), "--no-password", "--quiet", "-v", "ON_ERROR_STOP=1",
                    "--dbname=" + database);
        }
    }

    /** Exact rows of every ordinary table, by "schema.name". */
    public static Map<String, Long> rowCounts(TestServer server, String database) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = server.connect(database); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select format('%I.%I', n.nspname, c.relname), n.nspname || '.' || c.relname"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_toast'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1) + "\t" + rs.getString(2));
                }
            }
            for (String t : tables) {
                String[] parts = t.split("\t");
                try (ResultSet rs = st.executeQuery("select count(*) from only " + parts[0])) {
                    rs.next();
                    counts.put(parts[1], rs.getLong(1));
                }
            }
        }
        return counts;
    }

    public static String run(TestServer server, InputStream stdin, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(server.toolEnvironment());
        builder.environment().put("LC_MESSAGES", "C");
        Process process = builder.start();
        Thread feeder = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    stdin.transferTo(in);
                }
            } catch (IOException e) {
                // the process ended early; its exit code tells why
            }
        });
        feeder.start();
        java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (InputStream e = process.getErrorStream()) {
                return e.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        byte[] out = process.getInputStream().readAllBytes();
        try {
            feeder.join();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + new String(err.join(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}

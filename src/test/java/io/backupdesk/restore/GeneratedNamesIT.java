package io.backupdesk.restore;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.QualifiedName;
import io.backupdesk.pg.ArchiveToc;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names made to trip a reader (spaces, dots, quotes, semicolons, colons, backslashes, line breaks, non-ASCII, digits
 * first, reserved words) come back exactly from real pg_dump archives of every format, and one of them is restored
 * alone. The seed is printed with every failure so that a failing set can be made again.
 */
@ExtendWith(PostgresServerExtension.class)
class GeneratedNamesIT {
    private static final String[] PIECES = {"a", "Z", "7", " ", ".", "\"", "'", ";", ":", "\\", "ä", "Übersicht", "日本",
            "select", "table", "from", "order", "-", "$", "(", ",", "\n", "%", "*", "ß"};

    @Test
    void everyFormatGivesBackExactlyTheNamesCreatedAndOneTableRestoresAlone(TestServer server, @TempDir Path dir)
            throws Exception {
        long seed = Long.getLong("names.seed", System.nanoTime());
        Random random = new Random(seed);
        String db = server.createDatabase();
        List<String> schemas = List.of(name(random), name(random), "public");
        Set<List<String>> created = new HashSet<>();
        for (String schema : schemas.subList(0, 2)) {
            server.execute(db, "create schema " + quote(schema));
        }
        int tables = 30 + random.nextInt(21);
        while (created.size() < tables) {
            List<String> table = List.of(schemas.get(random.nextInt(schemas.size())), name(random));
            if (created.add(table)) {
                server.execute(db, "create table " + quote(table.get(0)) + "." + quote(table.get(1))
                        + " (id int primary key); insert into " + quote(table.get(0)) + "." + quote(table.get(1))
                        + " values (" + created.size() + ")");
            }
        }
        String why = "seed " + seed + " (rerun with -Dnames.seed=" + seed + ")";

        for (String format : List.of("custom", "directory", "tar")) {
            Path archive = dir.resolve("names." + format);
            PgTools.run(server, null, PgTools.tool(ClientTool.PG_DUMP).toString(), "--format=" + format,
                    "--file=" + archive, db);
            Set<List<String>> read = new HashSet<>();
            ArchiveToc.read(archive).tableData().forEach(t -> read.add(List.of(t.schema(), t.name())));
            assertThat(read).as(format + ", " + why).isEqualTo(created);
        }

        List<String> chosen = new ArrayList<>(created).get(random.nextInt(created.size()));
        EngineRig rig = EngineRig.standard(dir.resolve("rig"), server);
        ConnectionProfile profile = rig.addProfile("p", db);
        BackupCatalog.Entry imported = rig.importer.importDump(dir.resolve("names.custom"), "p");
        String fresh = server.reserveName();
        RestoreReport report = rig.restores.restore(new RestorePlan(imported, profile, fresh, RestoreMode.NEW_DATABASE,
                        0, false, false, false, List.of(), List.of(QualifiedName.format(chosen.get(0), chosen.get(1))),
                        true, false, Set.of()), Optional.empty(), Progress.NONE, line -> { }, new Cancellation());

        assertThat(report.outcome()).as(why + "\n" + report.summary() + report.log()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(PgTools.rowCounts(server, fresh)).as(why).containsOnlyKeys(chosen.get(0) + "." + chosen.get(1));
    }

    /** One to four pieces, within PostgreSQL's 63 bytes. */
    private static String name(Random random) {
        StringBuilder name = new StringBuilder();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            if ((name + piece).getBytes(StandardCharsets.UTF_8).length <= 63) {
                name.append(piece);
            }
        }
        return name.length() == 0 ? "x" : name.toString();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

package io.backupdesk.backup;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.TableCount;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresServerExtension.class)
class BackupRoundTripIT {

    @ParameterizedTest(name = "{0}")
    @EnumSource(BackupFormat.class)
    void aBackupRestoresToTheSameSchemaAndRows(BackupFormat format, TestServer server, @TempDir Path dir) throws Exception {
        String source = server.createDatabase();
        PgTools.loadSql(server, source, "/fixtures/rich-schema.sql");
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("rich", source);

        BackupRecord record = rig.backup(profile, BackupOptions.builder().format(format).label("round trip").build());

        BackupCatalog.Entry entry = rig.catalog.require(record.id());
        String restored = server.createDatabase();
        PgTools.restore(server, restored, entry.archive(), format);

        assertThat(PgTools.schema(server, restored)).isEqualTo(PgTools.schema(server, source));
        Map<String, Long> sourceRows = PgTools.rowCounts(server, source);
        assertThat(PgTools.rowCounts(server, restored)).isEqualTo(sourceRows);
        assertThat(sidecarRows(record)).isEqualTo(sourceRows);
        assertThat(sourceRows).containsEntry("sales.orders", 2000L).containsEntry("Lager_Überblick.Artikel_Größe", 50L)
                .containsEntry("sales.events_2025", 628L).containsEntry("public.measurement", 300L);
        assertThat(largeObjects(server, restored)).isEqualTo(largeObjects(server, source)).hasSize(2);
        assertThat(materializedViewRows(server, restored)).isEqualTo(500);
        assertThat(textOf(server, restored, "select \"説明\" from \"Lager_Überblick\".\"Artikel_Größe\" where \"Menge_€\" = 4"))
                .isEqualTo("Straße ßßßß 🍎");

        assertThat(record.sha256()).isEqualTo(format == BackupFormat.DIRECTORY
                ? Sha256.ofManifest(Sha256.ofFolderFiles(entry.archive())) : Sha256.ofFile(entry.archive()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry.archive())))
                .isEqualTo(format == BackupFormat.DIRECTORY ? "rwx------" : "rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry.sidecar()))).isEqualTo("rw-------");
        if (format == BackupFormat.DIRECTORY) {
            try (Stream<Path> inside = Files.list(entry.archive())) {
                assertThat(inside.map(BackupRoundTripIT::mode)).isNotEmpty().allMatch("rw-------"::equals);
            }
        }
        try (Stream<Path> files = Files.walk(rig.backupRoot)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    private static String mode(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Long> sidecarRows(BackupRecord record) {
        Map<String, Long> rows = new TreeMap<>();
        for (TableCount t : record.tables()) {
            rows.put(t.qualifiedName(), t.rows());
        }
        return rows;
    }

    private static Map<Long, String> largeObjects(TestServer server, String database) throws Exception {
        Map<Long, String> objects = new TreeMap<>();
        try (Connection c = server.connect(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select oid::bigint, md5(lo_get(oid)) from pg_largeobject_metadata")) {
            while (rs.next()) {
                objects.put(rs.getLong(1), rs.getString(2));
            }
        }
        return objects;
    }

    private static long materializedViewRows(TestServer server, String database) throws Exception {
        return Long.parseLong(textOf(server, database, "select count(*) from sales.customer_totals"));
    }

    private static String textOf(TestServer server, String database, String sql) throws Exception {
        try (Connection c = server.connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

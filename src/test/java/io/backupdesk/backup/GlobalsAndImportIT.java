package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.TableCount;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Roles saved beside a dump, and dumps made elsewhere brought into the catalog. */
@ExtendWith(PostgresServerExtension.class)
class GlobalsAndImportIT {

    @Test
    void globalsAreSavedBesideTheDumpOwnerOnlyWithTheirChecksum(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);

        BackupRecord record = rig.backup(profile, BackupOptions.builder().globals(true).build());

        Path globals = rig.catalog.require(record.id()).globals().orElseThrow();
        assertThat(Files.readString(globals)).contains("CREATE ROLE " + server.user());
        assertThat(Sha256.ofFile(globals)).isEqualTo(record.globalsSha256());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(globals))).isEqualTo("rw-------");
    }

    @Test
    void aCustomDumpFromOutsideIsCopiedInWithItsHeader(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table orders as select generate_series(1, 42) as id");
        Path outside = dir.resolve("elsewhere/nightly.dump");
        Files.createDirectories(outside.getParent());
        PgTools.run(server, null, PgTools.tool(ClientTool.PG_DUMP).toString(), "-Fc", "-f", outside.toString(), "--dbname=" + db);
        EngineRig rig = EngineRig.standard(dir, server);

        BackupCatalog.Entry entry = rig.importer.importDump(outside, null);

        assertThat(entry.archive()).startsWith(rig.backupRoot).exists();
        assertThat(outside).exists();
        assertThat(entry.record().format()).isEqualTo(BackupFormat.CUSTOM);
        assertThat(entry.record().database()).isEqualTo(db);
        assertThat(entry.record().serverVersion()).isNotBlank();
        assertThat(entry.record().tables()).extracting(TableCount::qualifiedName).containsExactly("public.orders");
        assertThat(entry.record().sha256()).isEqualTo(Sha256.ofFile(outside));
        assertThat(rig.catalog.scan()).extracting(e -> e.record().id()).containsExactly(entry.record().id());
    }

    @Test
    void aGzippedPlainDumpInTheBackupRootGetsASidecarWhereItIs(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table t as select 1 as id");
        EngineRig rig = EngineRig.standard(dir, server);
        Path inRoot = rig.backupRoot.resolve("cron/" + db + "/" + db + "_nightly.sql.gz");
        Files.createDirectories(inRoot.getParent());
        String sql = PgTools.run(server, null, PgTools.tool(ClientTool.PG_DUMP).toString(), "--dbname=" + db);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(inRoot))) {
            out.write(sql.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        BackupCatalog.Entry entry = rig.importer.importDump(inRoot, "cron");

        assertThat(entry.archive()).isEqualTo(inRoot);
        assertThat(entry.sidecar()).isEqualTo(inRoot.resolveSibling(db + "_nightly.backup.json"));
        assertThat(entry.record().format()).isEqualTo(BackupFormat.PLAIN);
        assertThat(entry.record().pgDumpVersion()).isNotBlank();
        Throwable again = catchThrowable(() -> rig.importer.importDump(inRoot, "cron"));
        assertThat(again).isInstanceOf(BackupDeskException.class).hasMessageContaining("in the catalog already");
    }

    @Test
    void aFileThatIsNotADumpIsRefusedWithAClearMessage(TestServer server, @TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "shopping list");
        EngineRig rig = EngineRig.standard(dir, server);

        Throwable thrown = catchThrowable(() -> rig.importer.importDump(notes, null));

        assertThat(thrown).isInstanceOf(BackupDeskException.class).hasMessageContaining("is not a PostgreSQL dump");
        assertThat(((BackupDeskException) thrown).kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(rig.catalog.scan()).isEmpty();
    }

    @Test
    void aTruncatedCustomDumpIsRefusedOnImport(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table t as select generate_series(1, 1000) as id");
        Path dump = dir.resolve("cut.dump");
        PgTools.run(server, null, PgTools.tool(ClientTool.PG_DUMP).toString(), "-Fc", "-f", dump.toString(), "--dbname=" + db);
        byte[] bytes = Files.readAllBytes(dump);
        Files.write(dump, java.util.Arrays.copyOf(bytes, 200));
        EngineRig rig = EngineRig.standard(dir, server);

        Throwable thrown = catchThrowable(() -> rig.importer.importDump(dump, null));

        assertThat(thrown).isInstanceOf(BackupDeskException.class).hasMessageContaining("The table of contents of cut.dump cannot be read: it lists");
        assertThat(rig.catalog.scan()).isEmpty();
    }
}

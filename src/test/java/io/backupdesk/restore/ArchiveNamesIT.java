package io.backupdesk.restore;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.QualifiedName;
import io.backupdesk.core.TableCount;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Names pg_restore's listing could not keep apart, through the pre-flight, a selective restore and an import. */
@ExtendWith(PostgresServerExtension.class)
class ArchiveNamesIT {
    private static final String SCHEMA = "create schema \"Sales Dept\"; create schema \"Sales\";"
            + " create table \"Sales Dept\".\"Kunden Übersicht\" (id serial primary key, name text);"
            + " create index \"Kunden name\" on \"Sales Dept\".\"Kunden Übersicht\" (name);"
            + " insert into \"Sales Dept\".\"Kunden Übersicht\" (name) select 'k' || g from generate_series(1, 25) g;"
            + " create table \"Sales\".\"Dept Kunden Übersicht\" (x int); insert into \"Sales\".\"Dept Kunden Übersicht\" values (1);"
            + " create table public.plain (x int); insert into public.plain values (1), (2)";

    @Test
    void anExtensionAndALargeObjectNeedNoRoleAndNameTheirExtension(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create extension pg_trgm; select lo_from_bytea(0, 'hello'::bytea); " + SCHEMA);
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        BackupRecord record = rig.backup(profile, BackupOptions.ofFormat(BackupFormat.CUSTOM));
        RestorePlan plan = new RestorePlan(rig.catalog.require(record.id()), profile, server.reserveName(),
                RestoreMode.NEW_DATABASE, 0, false, false, false, List.of(), List.of(), true, false, Set.of());

        List<PreflightCheck> checks = rig.restores.preflight(plan, Optional.empty(), new Cancellation());

        assertThat(checks).filteredOn(c -> c.id() == CheckId.ROLES).singleElement().satisfies(c -> {
            assertThat(c.level()).as(c.message()).isEqualTo(PreflightCheck.Level.OK);
            assertThat(c.message()).isEqualTo("Every role the backup names exists on the target.");
        });
        assertThat(checks).filteredOn(c -> c.id() == CheckId.EXTENSIONS).singleElement().satisfies(c -> {
            assertThat(c.level()).as(c.message()).isEqualTo(PreflightCheck.Level.OK);
            assertThat(c.message()).isEqualTo("The extensions the backup uses are available: pg_trgm.");
        });
    }

    @Test
    void aSchemaWithASpaceIsRestoredAloneWithItsTableIndexAndSequence(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        server.execute(db, SCHEMA);
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        BackupRecord record = rig.backup(profile, BackupOptions.ofFormat(BackupFormat.CUSTOM));
        String fresh = server.reserveName();

        RestoreReport report = rig.restores.restore(new RestorePlan(rig.catalog.require(record.id()), profile, fresh,
                RestoreMode.NEW_DATABASE, 0, false, false, false, List.of("Sales Dept"), List.of(), true, false, Set.of()),
                Optional.empty(), Progress.NONE, line -> { }, new Cancellation());

        assertThat(report.outcome()).as(report.summary() + report.log()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(report.tables()).extracting(TableComparison::qualifiedName).containsExactly("Sales Dept.Kunden Übersicht");
        assertThat(PgTools.rowCounts(server, fresh)).containsOnlyKeys("Sales Dept.Kunden Übersicht")
                .containsEntry("Sales Dept.Kunden Übersicht", 25L);
        assertThat(psql(server, fresh, "select indexname from pg_indexes where schemaname = 'Sales Dept' order by 1"))
                .isEqualTo("Kunden name\nKunden Übersicht_pkey\n");
        assertThat(psql(server, fresh, "insert into \"Sales Dept\".\"Kunden Übersicht\" (name) values ('next') returning id"))
                .startsWith("26");
    }

    @Test
    void anImportedDumpRecordsTheExactNamesAndItsSelectiveRestoreValidates(TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        server.execute(db, SCHEMA);
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        Path foreign = dir.resolve("made-elsewhere.dump");
        PgTools.run(server, null, PgTools.tool(ClientTool.PG_DUMP).toString(), "--format=custom", "--file=" + foreign, db);

        BackupCatalog.Entry imported = rig.importer.importDump(foreign, "p");
        String fresh = server.reserveName();
        RestoreReport report = rig.restores.restore(new RestorePlan(imported, profile, fresh, RestoreMode.NEW_DATABASE,
                        0, false, false, false, List.of(), List.of(QualifiedName.format("Sales Dept", "Kunden Übersicht")),
                        true, false, Set.of()), Optional.empty(), Progress.NONE, line -> { }, new Cancellation());

        assertThat(imported.record().tables()).containsExactlyInAnyOrder(
                new TableCount("Sales Dept", "Kunden Übersicht", null), new TableCount("Sales", "Dept Kunden Übersicht", null),
                new TableCount("public", "plain", null));
        assertThat(report.outcome()).as(report.summary() + report.log()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(report.tables()).extracting(TableComparison::qualifiedName).containsExactly("Sales Dept.Kunden Übersicht");
        assertThat(PgTools.rowCounts(server, fresh)).containsOnlyKeys("Sales Dept.Kunden Übersicht");
    }

    static String psql(TestServer server, String db, String sql) throws Exception {
        return PgTools.run(server, null, PgTools.tool(ClientTool.PSQL).toString(), "-d", db, "-Atc", sql);
    }
}

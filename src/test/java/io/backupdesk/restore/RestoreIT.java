package io.backupdesk.restore;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Progress;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Restores in each mode and format against the real server, checked row for row. */
@ExtendWith(PostgresServerExtension.class)
class RestoreIT {

    @ParameterizedTest
    @EnumSource(BackupFormat.class)
    void safeReplaceBringsBackTheBackupAndKeepsThePreviousDatabaseAside(BackupFormat format, TestServer server,
                                                                        @TempDir Path dir) throws Exception {
        Setup s = setup(server, dir, format);
        server.execute(s.db, "delete from sales.lines where order_id > 100; delete from sales.orders where id > 100; insert into public.notes values (99, 'after the backup')");

        RestoreReport report = s.restore(plan(s, s.db, RestoreMode.SAFE_REPLACE));

        assertThat(report.outcome()).as(report.summary() + report.log()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(report.tables()).allMatch(TableComparison::matches).isNotEmpty();
        assertThat(PgTools.rowCounts(server, s.db)).isEqualTo(s.countsAtBackup);
        assertThat(report.asideDatabase()).startsWith(s.db + "_before_");
        assertThat(report.database()).isEqualTo(s.db);
        assertThat(report.summary()).startsWith("The restore of " + s.db + " is complete").doesNotContain("_restoring_");
        server.adopt(report.asideDatabase());
        assertThat(PgTools.rowCounts(server, report.asideDatabase())).containsEntry("sales.orders", 100L);
        assertThat(databasesLike(server, s.db + "_restoring_")).isEmpty();
    }

    @Test
    void safeReplaceCarriesOverTheDatabasesSettingsPrivilegesAndComment(TestServer server, @TempDir Path dir)
            throws Exception {
        Setup s = setup(server, dir, BackupFormat.CUSTOM);
        String role = server.createRole("reader-pw");
        String properties = "select coalesce((select array_to_string(setconfig, ' | ') from pg_db_role_setting"
                + " where setdatabase = d.oid and setrole = 0), '') || ' / ' || coalesce(array_to_string(datacl, ','), '')"
                + " || ' / ' || coalesce(shobj_description(d.oid, 'pg_database'), '') || ' / ' || datconnlimit"
                + " from pg_database d where datname = current_database()";
        server.execute(s.db, "alter database " + s.db + " set search_path = sales, \"$user\", public;"
                + " alter database " + s.db + " set work_mem = '8MB';"
                + " revoke all on database " + s.db + " from public; grant connect on database " + s.db + " to " + role + ";"
                + " comment on database " + s.db + " is 'Sales ''prod''';"
                + " alter database " + s.db + " connection limit 50");
        String before = PgTools.run(server, null, PgTools.tool(io.backupdesk.pg.ClientTool.PSQL).toString(), "-d", s.db,
                "-Atc", properties);

        RestoreReport report = s.restore(plan(s, s.db, RestoreMode.SAFE_REPLACE));

        server.adopt(report.asideDatabase());
        assertThat(report.outcome()).as(report.summary()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(before).contains("search_path=sales, \"$user\", public").contains(role + "=c/").contains("Sales 'prod'");
        assertThat(PgTools.run(server, null, PgTools.tool(io.backupdesk.pg.ClientTool.PSQL).toString(), "-d", s.db,
                "-Atc", properties)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(value = BackupFormat.class, names = {"CUSTOM", "PLAIN"})
    void aNewDatabaseGetsTheBackupAndTheOriginalIsLeftAlone(BackupFormat format, TestServer server, @TempDir Path dir)
            throws Exception {
        Setup s = setup(server, dir, format);
        String fresh = server.reserveName();

        RestoreReport report = s.restore(plan(s, fresh, RestoreMode.NEW_DATABASE));

        assertThat(report.outcome()).as(report.summary()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(PgTools.rowCounts(server, fresh)).isEqualTo(s.countsAtBackup);
        assertThat(PgTools.schema(server, fresh)).isEqualTo(PgTools.schema(server, s.db));
    }

    @ParameterizedTest
    @EnumSource(value = BackupFormat.class, names = {"CUSTOM", "DIRECTORY"})
    void cleanInPlaceTakesASafetyBackupAndRollbackPutsItBack(BackupFormat format, TestServer server, @TempDir Path dir)
            throws Exception {
        Setup s = setup(server, dir, format);
        server.execute(s.db, "insert into public.notes values (77, 'only in the current state')");
        Map<String, Long> before = PgTools.rowCounts(server, s.db);

        RestoreReport report = s.restore(plan(s, s.db, RestoreMode.IN_PLACE));

        assertThat(report.outcome()).as(report.summary() + report.log()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(PgTools.rowCounts(server, s.db)).isEqualTo(s.countsAtBackup);
        assertThat(s.rig.catalog.require(report.safetyBackupId()).record().label()).isEqualTo("before-restore");

        var rolledBack = s.rig.restores.rollback(report.restoreId(), s.profile, Optional.empty(), Progress.NONE, new Cancellation());

        server.adopt(rolledBack.restoredCopy());
        assertThat(PgTools.rowCounts(server, s.db)).isEqualTo(before);
    }

    @Test
    void oneTableCanBeRestoredAlone(TestServer server, @TempDir Path dir) throws Exception {
        Setup s = setup(server, dir, BackupFormat.CUSTOM);
        String fresh = server.reserveName();
        RestorePlan plan = new RestorePlan(s.entry, s.profile, fresh, RestoreMode.NEW_DATABASE, 0, false, false, false,
                List.of(), List.of("sales.orders"), true, false, Set.of());

        RestoreReport report = s.restore(plan);

        assertThat(report.outcome()).as(report.summary() + report.log()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(report.tables()).extracting(TableComparison::qualifiedName).containsExactly("sales.orders");
        assertThat(PgTools.rowCounts(server, fresh)).containsOnlyKeys("sales.orders").containsEntry("sales.orders", 300L);
        assertThat(PgTools.run(server, null, PgTools.tool(io.backupdesk.pg.ClientTool.PSQL).toString(), "-d", fresh, "-Atc",
                "select indexname from pg_indexes where schemaname = 'sales' order by 1")).isEqualTo("orders_amount\norders_pkey\n");
    }

    @Test
    void aHeldSessionBlocksUntilTheUserAgreesToEndIt(TestServer server, @TempDir Path dir) throws Exception {
        Setup s = setup(server, dir, BackupFormat.CUSTOM);
        server.execute(s.db, "insert into public.notes values (55, 'current')");
        try (Connection held = server.connect(s.db)) {
            held.createStatement().execute("select 1");

            List<PreflightCheck> checks = s.rig.restores.preflight(plan(s, s.db, RestoreMode.SAFE_REPLACE), Optional.empty(),
                    new Cancellation());
            BackupDeskException refused = catchThrowableOfType(() -> s.restore(plan(s, s.db, RestoreMode.SAFE_REPLACE)),
                    BackupDeskException.class);

            assertThat(checks).anySatisfy(c -> {
                assertThat(c.id()).isEqualTo(CheckId.SESSIONS);
                assertThat(c.level()).isEqualTo(PreflightCheck.Level.BLOCK);
                assertThat(c.message()).contains("1 other session is connected").contains(server.user());
                assertThat(c.fix()).isEqualTo("Ask them to disconnect, or let the restore end them.");
            });
            assertThat(refused.kind()).isEqualTo(ErrorKind.PREFLIGHT_BLOCKED);
            assertThat(refused.getMessage()).contains("nothing was changed");
            assertThat(PgTools.rowCounts(server, s.db)).containsEntry("public.notes", 3L);
            assertThat(databasesLike(server, s.db + "_")).isEmpty();

            RestorePlan consenting = new RestorePlan(s.entry, s.profile, s.db, RestoreMode.SAFE_REPLACE, 0, false, false,
                    false, List.of(), List.of(), true, true, Set.of());
            RestoreReport report = s.restore(consenting);

            assertThat(report.outcome()).isEqualTo(RestoreReport.Outcome.COMPLETE);
            assertThat(held.isValid(2)).isFalse();
            server.adopt(report.asideDatabase());
        }
        assertThat(PgTools.rowCounts(server, s.db)).isEqualTo(s.countsAtBackup);
    }

    @Test
    void rollbackAfterSafeReplaceBringsTheOldDataBack(TestServer server, @TempDir Path dir) throws Exception {
        Setup s = setup(server, dir, BackupFormat.CUSTOM);
        server.execute(s.db, "insert into public.notes values (66, 'newer than the backup')");
        Map<String, Long> before = PgTools.rowCounts(server, s.db);
        RestoreReport report = s.restore(plan(s, s.db, RestoreMode.SAFE_REPLACE));

        var record = s.rig.restores.rollback(report.restoreId(), s.profile, Optional.empty(), Progress.NONE, new Cancellation());

        assertThat(PgTools.rowCounts(server, s.db)).isEqualTo(before);
        assertThat(record.restoredCopy()).startsWith(s.db + "_restored_");
        assertThat(PgTools.rowCounts(server, record.restoredCopy())).isEqualTo(s.countsAtBackup);
        var dropped = s.rig.restores.dropOldCopy(report.restoreId(), s.profile, Optional.empty());
        assertThat(dropped.restoredCopy()).isNull();
        assertThat(databasesLike(server, s.db + "_")).isEmpty();
    }

    @Test
    void anImportedDumpWithoutRowCountsIsRestoredAndTheReportSaysSo(TestServer server, @TempDir Path dir) throws Exception {
        Setup s = setup(server, dir, BackupFormat.CUSTOM);
        Path foreign = dir.resolve("made-elsewhere.dump");
        PgTools.run(server, null, PgTools.tool(io.backupdesk.pg.ClientTool.PG_DUMP).toString(), "--format=custom",
                "--file=" + foreign, s.db);
        BackupCatalog.Entry imported = s.rig.importer.importDump(foreign, "p");
        String fresh = server.reserveName();

        RestoreReport report = s.restore(new RestorePlan(imported, s.profile, fresh, RestoreMode.NEW_DATABASE, 0, false,
                false, false, List.of(), List.of(), true, false, Set.of()));

        assertThat(report.outcome()).as(report.summary()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(report.summary()).contains("recorded no row counts").doesNotContain("match the backup");
        assertThat(PgTools.rowCounts(server, fresh)).isEqualTo(s.countsAtBackup);
    }

    @Test
    void progressMovesWithinABigTableWhileTheServerCopiesItsRows(TestServer server, @TempDir Path dir) throws Exception {
        io.backupdesk.testing.Fixtures.BigTableSetup setup = io.backupdesk.testing.Fixtures.bigTableSetup(server, dir, 1_500_000);
        EngineRig rig = setup.rig();
        BackupRecord record = rig.backup(setup.profile(), BackupOptions.defaults());
        List<io.backupdesk.core.ProgressUpdate> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        RestorePlan plan = new RestorePlan(rig.catalog.require(record.id()), setup.profile(), server.reserveName(),
                RestoreMode.NEW_DATABASE, 1, false, false, false, List.of(), List.of(), true, false, Set.of());

        RestoreReport report = rig.restores.restore(plan, Optional.empty(), updates::add, line -> { }, new Cancellation());

        assertThat(report.outcome()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        List<Double> whileLoading = updates.stream().filter(u -> u.currentItem().contains("public.big"))
                .map(io.backupdesk.core.ProgressUpdate::fraction).distinct().toList();
        assertThat(whileLoading).as("the only table's load moves the bar").hasSizeGreaterThan(1).isSorted();
    }

    @Test
    void aCorruptBackupIsRefused(TestServer server, @TempDir Path dir) throws Exception {
        Setup s = setup(server, dir, BackupFormat.CUSTOM);
        java.nio.file.Files.write(s.entry.archive(), new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);

        BackupDeskException refused = catchThrowableOfType(() -> s.restore(plan(s, server.reserveName(), RestoreMode.NEW_DATABASE)),
                BackupDeskException.class);

        assertThat(refused.kind()).isEqualTo(ErrorKind.PREFLIGHT_BLOCKED);
        assertThat(refused.getMessage()).contains("damaged");
    }

    /** A database with two schemas and three tables, backed up. */
    record Setup(EngineRig rig, String db, ConnectionProfile profile, BackupCatalog.Entry entry, Map<String, Long> countsAtBackup) {
        RestoreReport restore(RestorePlan plan) {
            return rig.restores.restore(plan, Optional.empty(), Progress.NONE, line -> { }, new Cancellation());
        }
    }

    static Setup setup(TestServer server, Path dir, BackupFormat format) throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create schema sales; create table sales.orders (id int primary key, amount numeric not null);"
                + " insert into sales.orders select g, g * 1.5 from generate_series(1, 300) g;"
                + " create index orders_amount on sales.orders (amount);"
                + " create table public.notes (id int primary key, body text); insert into public.notes values (1, 'ä'), (2, 'b');"
                + " create table sales.lines (order_id int references sales.orders, qty int); insert into sales.lines select g % 300 + 1, g from generate_series(1, 1000) g");
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        BackupRecord record = rig.backup(profile, BackupOptions.ofFormat(format));
        return new Setup(rig, db, profile, rig.catalog.require(record.id()), PgTools.rowCounts(server, db));
    }

    static RestorePlan plan(Setup s, String database, RestoreMode mode) {
        return new RestorePlan(s.entry, s.profile, database, mode, 0, false, false, false, List.of(), List.of(), true,
                false, Set.of());
    }

    /** Databases whose names start with the prefix. */
    static List<String> databasesLike(TestServer server, String prefix) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select datname from pg_database")) {
            while (rs.next()) {
                if (rs.getString(1).startsWith(prefix)) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}

package io.backupdesk.restore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.store.Json;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.backupdesk.restore.RestoreIT.databasesLike;
import static io.backupdesk.restore.RestoreIT.setup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Restores that change an existing database: what they may do, and what they leave when they fail. */
@ExtendWith(PostgresServerExtension.class)
class RestoreInPlaceIT {

    @Test
    void aSafeReplaceOfASelectionIsRefusedBeforeAnythingHappens(TestServer server, @TempDir Path dir) throws Exception {
        RestoreIT.Setup s = setup(server, dir, BackupFormat.CUSTOM);

        BackupDeskException refused = catchThrowableOfType(() -> plan(s, RestoreMode.SAFE_REPLACE, List.of(),
                List.of("sales.orders")), BackupDeskException.class);
        BackupDeskException schemaRefused = catchThrowableOfType(() -> plan(s, RestoreMode.SAFE_REPLACE,
                List.of("sales"), List.of()), BackupDeskException.class);

        assertThat(refused.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(refused.getMessage()).contains("cannot restore a selection").contains(s.db());
        assertThat(refused.hint()).contains("in place").contains("new database").doesNotContain("--");
        assertThat(refused.commandLineHint()).contains("--mode in-place").contains("--mode new-database");
        assertThat(schemaRefused.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(PgTools.rowCounts(server, s.db())).isEqualTo(s.countsAtBackup());
    }

    @Test
    void aSelectionInPlaceReplacesOnlyTheChosenTableAndLeavesTheRestAsItIs(TestServer server, @TempDir Path dir)
            throws Exception {
        RestoreIT.Setup s = setup(server, dir, BackupFormat.CUSTOM);
        server.execute(s.db(), "insert into public.notes values (3, 'after the backup');"
                + " delete from sales.lines where order_id > 100; delete from sales.orders where id > 100");

        RestoreReport report = s.restore(plan(s, RestoreMode.IN_PLACE, List.of(), List.of("public.notes")));

        assertThat(report.outcome()).as(report.summary() + report.log()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(report.summary()).contains("Only the chosen objects were replaced");
        Map<String, Long> now = PgTools.rowCounts(server, s.db());
        assertThat(now).containsEntry("public.notes", 2L).containsEntry("sales.orders", 100L);
    }

    @Test
    void aTableWhoseForeignKeyPointsElsewhereRestoresAloneIntoANewDatabaseAndSaysWhatItLeftOut(TestServer server,
                                                                                                @TempDir Path dir)
            throws Exception {
        RestoreIT.Setup s = setup(server, dir, BackupFormat.CUSTOM);
        String fresh = server.reserveName();

        RestoreReport report = s.restore(new RestorePlan(s.entry(), s.profile(), fresh, RestoreMode.NEW_DATABASE, 0,
                false, false, false, List.of(), List.of("sales.lines"), true, false, Set.of()));

        assertThat(report.outcome()).as(report.summary() + report.log()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(report.summary()).contains("Left out").contains("foreign key sales.lines lines_order_id_fkey");
        assertThat(PgTools.rowCounts(server, fresh)).containsOnlyKeys("sales.lines").containsEntry("sales.lines", 1000L);
    }

    @Test
    void aSelectionInPlaceKeepsItsForeignKeyToATableThatStays(TestServer server, @TempDir Path dir) throws Exception {
        RestoreIT.Setup s = setup(server, dir, BackupFormat.CUSTOM);
        server.execute(s.db(), "delete from sales.lines where qty > 500");

        RestoreReport report = s.restore(plan(s, RestoreMode.IN_PLACE, List.of(), List.of("sales.lines")));

        assertThat(report.outcome()).as(report.summary() + report.log()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(PgTools.rowCounts(server, s.db())).containsEntry("sales.lines", 1000L);
        assertThat(PgTools.run(server, null, PgTools.tool(io.backupdesk.pg.ClientTool.PSQL).toString(), "-d", s.db(),
                "-Atc", "select conname from pg_constraint where contype = 'f'")).isEqualTo("lines_order_id_fkey\n");
    }

    @Test
    void anOwnerWhoMayNotCreateDatabasesIsStoppedBeforeAWholeInPlaceRestoreDropsAnything(TestServer server,
                                                                                          @TempDir Path dir)
            throws Exception {
        RestoreIT.Setup s = setup(server, dir, BackupFormat.CUSTOM);
        String owner = server.createRole("owner-pw");
        server.execute("postgres", "alter database " + s.db() + " owner to " + owner);
        ConnectionProfile asOwner = new ConnectionProfile("owner", server.host(), server.port(), s.db(), owner,
                io.backupdesk.core.SslMode.PREFER, null);
        s.rig().profiles.save(asOwner);
        s.rig().passwords.store(asOwner, "owner-pw");
        Map<String, Long> before = PgTools.rowCounts(server, s.db());

        BackupDeskException refused = catchThrowableOfType(() -> s.restore(new RestorePlan(s.entry(), asOwner, s.db(),
                RestoreMode.IN_PLACE, 0, false, true, true, List.of(), List.of(), true, false, Set.of())),
                BackupDeskException.class);

        assertThat(refused.kind()).isEqualTo(ErrorKind.PREFLIGHT_BLOCKED);
        assertThat(refused.getMessage()).contains("may not create databases");
        assertThat(PgTools.rowCounts(server, s.db())).isEqualTo(before);
    }

    @Test
    void aSelectionInPlaceLeavesTheExtensionsTheDatabaseUsesAlone(TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create extension hstore; create table a (h hstore); insert into a values ('k=>v');"
                + " create table b (x int); insert into b select generate_series(1, 50)");
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        BackupRecord backup = rig.backup(profile, BackupOptions.ofFormat(BackupFormat.CUSTOM));
        server.execute(db, "delete from b where x > 10");

        RestoreReport report = rig.restores.restore(new RestorePlan(rig.catalog.require(backup.id()), profile, db,
                        RestoreMode.IN_PLACE, 0, false, false, false, List.of(), List.of("public.b"), true, false, Set.of()),
                Optional.empty(), Progress.NONE, line -> { }, new Cancellation());

        assertThat(report.outcome()).as(report.summary() + report.log()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(PgTools.rowCounts(server, db)).containsEntry("public.b", 50L).containsEntry("public.a", 1L);
    }

    @ParameterizedTest
    @EnumSource(value = RestoreMode.class, names = {"IN_PLACE", "SAFE_REPLACE"})
    void aDatabaseMadeAgainKeepsItsIcuLocaleSoTextSortsAsBefore(RestoreMode mode, TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.reserveName();
        server.execute("postgres", "create database " + db + " template template0 encoding 'UTF8'"
                + " locale_provider icu icu_locale 'de-DE'");
        server.execute(db, "create table w (t text); insert into w values ('a'), ('B'), ('ä')");
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        BackupRecord backup = rig.backup(profile, BackupOptions.ofFormat(BackupFormat.CUSTOM));
        String locale = "select datlocprovider::text || ' ' || daticulocale from pg_database"
                + " where datname = current_database()";
        String psql = PgTools.tool(io.backupdesk.pg.ClientTool.PSQL).toString();

        RestoreReport report = rig.restores.restore(new RestorePlan(rig.catalog.require(backup.id()), profile, db, mode,
                0, false, false, false, List.of(), List.of(), true, false, Set.of()), Optional.empty(), Progress.NONE,
                line -> { }, new Cancellation());

        if (report.asideDatabase() != null) {
            server.adopt(report.asideDatabase());
        }
        assertThat(report.outcome()).as(report.summary()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(PgTools.run(server, null, psql, "-d", db, "-Atc", locale)).isEqualTo("i de-DE\n");
        assertThat(PgTools.run(server, null, psql, "-d", db, "-Atc", "select string_agg(t, ',' order by t) from w"))
                .isEqualTo("a,ä,B\n");
    }

    @Test
    void inPlaceLeavesExactlyTheBackupEvenWithPartitionsAndObjectsMadeSince(TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table m (id int, d date, v text, primary key (id, d)) partition by range (d);"
                + " create table m_2020 partition of m for values from ('2020-01-01') to ('2021-01-01');"
                + " create table m_2021 partition of m for values from ('2021-01-01') to ('2022-01-01');"
                + " insert into m select g, date '2020-01-01' + g, 'v' from generate_series(1, 700) g");
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        BackupRecord backup = rig.backup(profile, BackupOptions.ofFormat(BackupFormat.CUSTOM));
        Map<String, Long> atBackup = PgTools.rowCounts(server, db);
        server.execute(db, "insert into m values (9000, '2021-06-01', 'later'); create table made_later (x int)");

        RestoreReport report = rig.restores.restore(new RestorePlan(rig.catalog.require(backup.id()), profile, db,
                        RestoreMode.IN_PLACE, 0, false, false, false, List.of(), List.of(), true, false, Set.of()),
                Optional.empty(), Progress.NONE, line -> { }, new Cancellation());

        assertThat(report.outcome()).as(report.summary() + report.log()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(report.realErrors()).isEmpty();
        assertThat(report.succeeded()).isTrue();
        assertThat(PgTools.rowCounts(server, db)).isEqualTo(atBackup).doesNotContainKey("public.made_later");
        assertThat(report.summary()).contains("now holds exactly what the backup holds");
    }

    @Test
    void aFailedInPlaceRestorePutsTheSafetyBackupBackAndLeavesNoStrayDatabase(TestServer server, @TempDir Path dir)
            throws Exception {
        RestoreIT.Setup s = setup(server, dir, BackupFormat.CUSTOM);
        String owner = server.createRole("owner-pw");
        server.execute(s.db(), "create table public.owned (x int); insert into public.owned values (1);"
                + " alter table public.owned owner to " + owner);
        BackupRecord withOwner = s.rig().backup(s.profile(), BackupOptions.ofFormat(BackupFormat.CUSTOM));
        server.execute(s.db(), "drop table public.owned; drop owned by " + owner + "; insert into public.notes values (9, 'now')");
        server.execute("postgres", "drop role " + owner);
        Map<String, Long> before = PgTools.rowCounts(server, s.db());

        RestoreReport report = s.restore(new RestorePlan(s.rig().catalog.require(withOwner.id()), s.profile(), s.db(),
                RestoreMode.IN_PLACE, 0, false, false, false, List.of(), List.of(), true, false, Set.of()));

        assertThat(report.outcome()).as(report.summary()).isEqualTo(RestoreReport.Outcome.FAILED);
        assertThat(report.summary()).contains("put back from the safety backup " + report.safetyBackupId());
        assertThat(PgTools.rowCounts(server, s.db())).isEqualTo(before);
        assertThat(databasesLike(server, s.db() + "_")).as("no failed state kept without a record").isEmpty();
        JobRun restoreRun = s.rig().history.readAll().stream().filter(r -> r.kind().equals(JobRun.KIND_RESTORE))
                .filter(r -> r.origin().equals("manual")).reduce((a, b) -> b).orElseThrow();
        assertThat(restoreRun.status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aRestoreThatWentOnPastARealErrorIsFailedInTheHistoryAsOnTheCommandLine(TestServer server, @TempDir Path dir)
            throws Exception {
        RestoreIT.Setup s = setup(server, dir, BackupFormat.CUSTOM);
        String owner = server.createRole("owner-pw");
        server.execute(s.db(), "create table public.owned (x int); alter table public.owned owner to " + owner);
        BackupRecord withOwner = s.rig().backup(s.profile(), BackupOptions.ofFormat(BackupFormat.CUSTOM));
        server.execute(s.db(), "drop table public.owned; drop owned by " + owner);
        server.execute("postgres", "drop role " + owner);
        String fresh = server.reserveName();

        RestoreReport report = s.restore(new RestorePlan(s.rig().catalog.require(withOwner.id()), s.profile(), fresh,
                RestoreMode.NEW_DATABASE, 0, false, false, false, List.of(), List.of(), false, false, Set.of()));

        assertThat(report.outcome()).as(report.summary()).isEqualTo(RestoreReport.Outcome.COMPLETE_WITH_WARNINGS);
        assertThat(report.realErrors()).anySatisfy(e -> assertThat(e).contains(owner));
        assertThat(report.succeeded()).isFalse();
        JobRun recorded = s.rig().history.readAll().stream().filter(r -> r.kind().equals(JobRun.KIND_RESTORE))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(recorded.status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aDamagedBackupWithAMatchingChecksumIsReadInFullBeforeTheTargetIsTouched(TestServer server, @TempDir Path dir)
            throws Exception {
        RestoreIT.Setup s = setup(server, dir, BackupFormat.CUSTOM);
        BackupCatalog.Entry damaged = damageKeepingTheChecksumRight(s);
        server.execute(s.db(), "insert into public.notes values (5, 'current')");
        Map<String, Long> before = PgTools.rowCounts(server, s.db());

        for (RestoreMode mode : List.of(RestoreMode.IN_PLACE, RestoreMode.SAFE_REPLACE)) {
            List<PreflightCheck> checks = s.rig().restores.preflight(planOf(damaged, s, mode), Optional.empty(),
                    new Cancellation());
            assertThat(checks).anySatisfy(c -> assertThat(c.message()).contains("reads it in full before it touches"));
            BackupDeskException refused = catchThrowableOfType(() -> s.restore(planOf(s.rig().catalog.require(
                    damaged.record().id()), s, mode)), BackupDeskException.class);

            assertThat(refused).as(mode.cliName()).isNotNull();
            assertThat(refused.kind()).isEqualTo(ErrorKind.PREFLIGHT_BLOCKED);
            // the first refusal reads the file and records it damaged; the second is refused by that record
            assertThat(refused.getMessage()).containsAnyOf(s.db() + " was not touched", "nothing was changed");
            assertThat(PgTools.rowCounts(server, s.db())).isEqualTo(before);
        }
        assertThat(s.rig().catalog.require(damaged.record().id()).status()).isEqualTo(BackupStatus.CORRUPT);
        assertThat(s.rig().catalog.scan()).noneMatch(e -> "before-restore".equals(e.record().label()));
    }

    @ParameterizedTest
    @EnumSource(BackupFormat.class)
    void aSchemaPatternOfStarBacksUpTheUsersSchemasOnlyAndRestores(BackupFormat format, TestServer server,
                                                                  @TempDir Path dir) throws Exception {
        RestoreIT.Setup s = setup(server, dir, BackupFormat.CUSTOM);
        BackupOptions everySchema = BackupOptions.builder().format(format).schemas(List.of("*")).build();
        BackupRecord backup = s.rig().backup(s.profile(), everySchema);
        String fresh = server.reserveName();

        RestoreReport report = s.restore(planOf(s.rig().catalog.require(backup.id()), s, RestoreMode.NEW_DATABASE, fresh));

        assertThat(backup.tables()).noneMatch(t -> t.schema().startsWith("pg_") || t.schema().equals("information_schema"));
        assertThat(report.outcome()).as(report.summary() + report.log()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(PgTools.rowCounts(server, fresh)).isEqualTo(s.countsAtBackup());
    }

    /** Cuts the archive short and records the checksum of what is left, as an import of a damaged dump would. */
    private static BackupCatalog.Entry damageKeepingTheChecksumRight(RestoreIT.Setup s) throws Exception {
        Path archive = s.entry().archive();
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.setLength(file.length() * 2 / 3);
        }
        ObjectNode sidecar = (ObjectNode) Json.mapper().readTree(Files.readAllBytes(s.entry().sidecar()));
        sidecar.put("sha256", io.backupdesk.backup.Sha256.ofFile(archive));
        sidecar.remove("verification");
        Files.write(s.entry().sidecar(), Json.mapper().writeValueAsBytes(sidecar));
        BackupCatalog.Entry entry = s.rig().catalog.require(s.entry().record().id());
        assertThat(s.rig().verifier.checksumProblem(entry)).as("the checksum alone cannot tell").isEmpty();
        return entry;
    }

    private static RestorePlan plan(RestoreIT.Setup s, RestoreMode mode, List<String> schemas, List<String> tables) {
        return new RestorePlan(s.entry(), s.profile(), s.db(), mode, 0, false, false, false, schemas, tables, true,
                false, Set.of());
    }

    private static RestorePlan planOf(BackupCatalog.Entry entry, RestoreIT.Setup s, RestoreMode mode) {
        return planOf(entry, s, mode, s.db());
    }

    private static RestorePlan planOf(BackupCatalog.Entry entry, RestoreIT.Setup s, RestoreMode mode, String database) {
        return new RestorePlan(entry, s.profile(), database, mode, 0, false, false, false, List.of(), List.of(), true,
                false, Set.of());
    }
}

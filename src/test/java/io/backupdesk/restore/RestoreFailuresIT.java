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
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Restores that go wrong: each says so plainly and leaves the target as it was. */
@ExtendWith(PostgresServerExtension.class)
class RestoreFailuresIT {

    @Test
    void cancellingASafeReplaceMidwayLeavesTheOriginalExactlyAsItWas(TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 1_500_000);
        BackupRecord record = setup.rig().backup(setup.profile(), BackupOptions.defaults());
        server.execute(setup.database(), "delete from public.big where id > 1000000");
        Map<String, Long> before = PgTools.rowCounts(server, setup.database());
        Cancellation cancel = new Cancellation();
        Progress cancelOnData = u -> {
            if (u.currentItem().contains("big") && u.currentItem().contains("data")) {
                cancel.cancel();
            }
        };
        RestorePlan plan = new RestorePlan(setup.rig().catalog.require(record.id()), setup.profile(), setup.database(),
                RestoreMode.SAFE_REPLACE, 1, false, false, false, List.of(), List.of(), true, false, Set.of());

        BackupDeskException cancelled = catchThrowableOfType(() -> setup.rig().restores.restore(plan, Optional.empty(),
                cancelOnData, line -> { }, cancel), BackupDeskException.class);

        assertThat(cancelled.kind()).isEqualTo(ErrorKind.CANCELLED);
        assertThat(PgTools.rowCounts(server, setup.database())).isEqualTo(before);
        assertThat(RestoreIT.databasesLike(server, setup.database() + "_")).isEmpty();
    }

    @Test
    void aPlainDumpWithAnErrorInTheMiddleFailsAndLeavesNoDatabase(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table a (id int); insert into a values (1); create table b (id int); insert into b values (2)");
        EngineRig rig = EngineRig.standard(dir, server);
        BackupRecord plain = rig.backup(rig.addProfile("p", db), BackupOptions.ofFormat(BackupFormat.PLAIN));
        Path broken = dir.resolve("broken.sql.gz");
        String sql;
        try (InputStream in = io.backupdesk.backup.PlainDumpStream.open(rig.catalog.require(plain.id()).archive())) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withError = sql.replace("CREATE TABLE public.b", "SELECT 1/0;\nCREATE TABLE public.b");
        assertThat(withError).isNotEqualTo(sql);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(broken))) {
            out.write(withError.getBytes(StandardCharsets.UTF_8));
        }
        BackupCatalog.Entry imported = rig.importer.importDump(broken, "p");
        String fresh = server.reserveName();
        RestorePlan plan = new RestorePlan(imported, rig.profiles.require("p"), fresh, RestoreMode.NEW_DATABASE, 0,
                false, false, false, List.of(), List.of(), true, false, Set.of());

        RestoreReport report = rig.restores.restore(plan, Optional.empty(), Progress.NONE, line -> { }, new Cancellation());

        assertThat(report.outcome()).isEqualTo(RestoreReport.Outcome.FAILED);
        assertThat(report.summary()).contains("psql stopped at an error").contains("division by zero");
        assertThat(RestoreIT.databasesLike(server, fresh)).isEmpty();
    }

    @Test
    void objectsOwnedByARoleTheTargetLacksWarnAndRestoreWithNoOwner(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        String role = server.createRole("pw");
        server.execute(db, "create table owned (id int); insert into owned values (1), (2); alter table owned owner to " + role);
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        BackupRecord record = rig.backup(profile, BackupOptions.defaults());
        server.execute(db, "reassign owned by " + role + " to current_user");
        server.execute("postgres", "drop role " + role);
        BackupCatalog.Entry entry = rig.catalog.require(record.id());

        List<PreflightCheck> checks = rig.restores.preflight(plan(entry, profile, server.reserveName(), false),
                Optional.empty(), new Cancellation());
        String withOwners = server.reserveName();
        RestoreReport strict = rig.restores.restore(plan(entry, profile, withOwners, false), Optional.empty(),
                Progress.NONE, line -> { }, new Cancellation());
        String withoutOwners = server.reserveName();
        RestoreReport noOwner = rig.restores.restore(plan(entry, profile, withoutOwners, true), Optional.empty(),
                Progress.NONE, line -> { }, new Cancellation());

        assertThat(checks).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo(CheckId.ROLES);
            assertThat(c.level()).isEqualTo(PreflightCheck.Level.WARN);
            assertThat(c.message()).contains(role);
            // the desktop shows this fix too, where no option can be typed
            assertThat(c.fix()).contains("leaving out owners (no-owner)").doesNotContain("--");
        });
        assertThat(strict.outcome()).isEqualTo(RestoreReport.Outcome.FAILED);
        assertThat(strict.summary()).contains("role \"" + role + "\" does not exist");
        assertThat(noOwner.outcome()).as(noOwner.summary()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(PgTools.rowCounts(server, withoutOwners)).containsEntry("public.owned", 2L);
    }

    @Test
    void grantsToARoleTheTargetLacksWarnBeforeTheyFailAtTheEnd(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        String reader = server.createRole("pw");
        server.execute(db, "create table shared (id int); insert into shared values (1); grant select on shared to " + reader);
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        BackupCatalog.Entry entry = rig.catalog.require(rig.backup(profile, BackupOptions.defaults()).id());
        server.execute(db, "revoke select on shared from " + reader);
        server.execute("postgres", "drop role " + reader);
        RestorePlan withPrivileges = plan(entry, profile, server.reserveName(), false);
        RestorePlan withoutPrivileges = new RestorePlan(entry, profile, server.reserveName(), RestoreMode.NEW_DATABASE, 0,
                false, false, true, List.of(), List.of(), true, false, Set.of());

        List<PreflightCheck> checks = rig.restores.preflight(withPrivileges, Optional.empty(), new Cancellation());
        RestoreReport strict = rig.restores.restore(withPrivileges, Optional.empty(), Progress.NONE, line -> { },
                new Cancellation());
        List<PreflightCheck> chosen = rig.restores.preflight(withoutPrivileges, Optional.empty(), new Cancellation());
        RestoreReport noPrivileges = rig.restores.restore(withoutPrivileges, Optional.empty(), Progress.NONE, line -> { },
                new Cancellation());

        assertThat(checks).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo(CheckId.ROLES);
            assertThat(c.level()).isEqualTo(PreflightCheck.Level.WARN);
            assertThat(c.message()).contains("grants privileges to roles the target lacks: " + reader);
            assertThat(c.fix()).contains("grants (no-privileges)").doesNotContain("--");
        });
        assertThat(strict.outcome()).isEqualTo(RestoreReport.Outcome.FAILED);
        assertThat(strict.summary()).contains("role \"" + reader + "\" does not exist");
        assertThat(chosen).filteredOn(c -> c.id() == CheckId.ROLES).singleElement()
                .satisfies(c -> assertThat(c.level()).isEqualTo(PreflightCheck.Level.OK));
        assertThat(noPrivileges.outcome()).as(noPrivileges.summary()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        assertThat(PgTools.rowCounts(server, withoutPrivileges.database())).containsEntry("public.shared", 1L);
    }

    private static RestorePlan plan(BackupCatalog.Entry entry, ConnectionProfile profile, String database, boolean noOwner) {
        return new RestorePlan(entry, profile, database, RestoreMode.NEW_DATABASE, 0, false, noOwner, false, List.of(),
                List.of(), true, false, Set.of());
    }
}

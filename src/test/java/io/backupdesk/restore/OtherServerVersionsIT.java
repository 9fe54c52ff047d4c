package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Progress;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.Leftovers;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.StandaloneServer;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Servers of other major versions than the client programs installed here (15): a newer one that the local pg_dump
 * must not back up, and an older one that a restore may target with a warning. Both run from server-only binaries.
 */
@ExtendWith(PostgresServerExtension.class)
class OtherServerVersionsIT {
    private static final int INSTALLED_MAJOR = 15;

    @Test
    void aServerNewerThanTheInstalledPgDumpIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        try (StandaloneServer newer = StandaloneServer.start(17, dir.resolve("pg17"))) {
            TestServer server = newer.server();
            String db = server.createDatabase();
            server.execute(db, "create table kept (id int primary key); insert into kept values (1)");
            EngineRig rig = EngineRig.standard(dir.resolve("engine"), server);
            ConnectionProfile profile = rig.addProfile("newer", db);

            BackupDeskException refused = catchThrowableOfType(() -> rig.backup(profile, BackupOptions.defaults()),
                    BackupDeskException.class);

            assertThat(refused.kind()).isEqualTo(ErrorKind.VERSION_MISMATCH);
            assertThat(refused.getMessage()).contains("runs PostgreSQL 17").contains(INSTALLED_MAJOR + ".")
                    .contains("must be version 17 or newer");
            assertThat(refused.hint()).contains("17");
            Leftovers.assertNone(rig, 0);
            assertThat(rig.history.readAll()).singleElement().satisfies(run -> {
                assertThat(run.status()).isEqualTo(JobStatus.FAILED);
                assertThat(run.errorKind()).isEqualTo(ErrorKind.VERSION_MISMATCH);
            });
        }
    }

    @Test
    void restoringIntoAnOlderServerWarnsInPreflightAndTheRestoreStillRuns(TestServer local, @TempDir Path dir)
            throws Exception {
        String source = local.createDatabase();
        local.execute(source, "create table items (id int primary key, name text not null);"
                + " insert into items select g, 'item ' || g from generate_series(1, 500) g");
        EngineRig rig = EngineRig.standard(dir.resolve("engine"), local);
        BackupRecord backup = rig.backup(rig.addProfile("source", source), BackupOptions.defaults());

        try (StandaloneServer older = StandaloneServer.start(14, dir.resolve("pg14"))) {
            TestServer server = older.server();
            ConnectionProfile target = rig.addProfile("older", server, "postgres");
            String fresh = server.reserveName();
            // the backup's owner role exists only on the local server: restore without owners, as pre-flight suggests
            RestorePlan plan = new RestorePlan(rig.catalog.require(backup.id()), target, fresh, RestoreMode.NEW_DATABASE,
                    0, false, true, false, List.of(), List.of(), true, false, Set.of());

            List<PreflightCheck> checks = rig.restores.preflight(plan, Optional.empty(), new Cancellation());
            RestoreReport report = rig.restores.restore(plan, Optional.empty(), Progress.NONE, line -> { },
                    new Cancellation());

            assertThat(checks).anySatisfy(check -> {
                assertThat(check.id()).isEqualTo(CheckId.SERVER_VERSION);
                assertThat(check.level()).isEqualTo(PreflightCheck.Level.WARN);
                assertThat(check.message()).contains("PostgreSQL " + INSTALLED_MAJOR).contains("older 14");
            });
            assertThat(checks).noneMatch(check -> check.level() == PreflightCheck.Level.BLOCK);
            assertThat(report.outcome()).as(report.summary() + report.log()).isNotEqualTo(RestoreReport.Outcome.FAILED);
            assertThat(PgTools.rowCounts(server, fresh)).isEqualTo(Map.of("public.items", 500L));
        }
    }
}

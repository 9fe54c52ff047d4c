package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.DumpScope;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.core.SslMode;
import io.backupdesk.core.TableCount;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.Leftovers;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Scope options, progress, permissions and the catalog's view of a backup whose file went away. */
@ExtendWith(PostgresServerExtension.class)
class BackupScopeAndCatalogIT {

    @Test
    void aSchemaOnlyAndADataOnlyBackupTogetherRestoreTheDatabase(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        PgTools.loadSql(server, db, "/fixtures/rich-schema.sql");
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);

        BackupRecord schema = rig.backup(profile, scoped(DumpScope.SCHEMA_ONLY));
        BackupRecord data = rig.backup(profile, scoped(DumpScope.DATA_ONLY));

        assertThat(schema.tables()).isNotEmpty().allMatch(t -> t.rows() == null);
        assertThat(data.tables()).extracting(TableCount::rows).doesNotContainNull();
        String restored = server.createDatabase();
        PgTools.restore(server, restored, rig.catalog.require(schema.id()).archive(), BackupFormat.CUSTOM);
        assertThat(PgTools.rowCounts(server, restored).values()).allMatch(rows -> rows == 0L);
        server.execute(restored, "alter table sales.orders disable trigger all");
        PgTools.restore(server, restored, rig.catalog.require(data.id()).archive(), BackupFormat.CUSTOM);
        assertThat(PgTools.rowCounts(server, restored)).isEqualTo(PgTools.rowCounts(server, db));
    }

    @Test
    void progressRisesToDoneNamesTheTableAndCountsTheBytesWritten(TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 800_000);
        EngineRig rig = setup.rig();
        ConnectionProfile profile = setup.profile();
        List<ProgressUpdate> updates = new CopyOnWriteArrayList<>();

        BackupRecord record = rig.backup(profile, BackupOptions.defaults(), updates::add, new Cancellation());

        assertThat(updates).allMatch(u -> u.fraction() == -1 || u.fraction() >= 0 && u.fraction() <= 1);
        assertThat(updates).anyMatch(u -> u.currentItem().equals("public.big"));
        assertThat(updates).anyMatch(u -> u.fraction() > 0 && u.fraction() < 1);
        ProgressUpdate last = updates.get(updates.size() - 1);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.bytesDone()).isEqualTo(record.sizeBytes());
        double previous = -1;
        for (ProgressUpdate u : updates.stream().filter(u -> u.fraction() >= 0).toList()) {
            assertThat(u.fraction()).as("progress never goes back").isGreaterThanOrEqualTo(previous);
            previous = u.fraction();
        }
    }

    @Test
    void aRoleThatMayNotReadATableGetsPermissionDeniedNamingIt(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table public.open_data as select 1 as id; create table public.payroll as select 1 as id");
        String role = server.createRole("limited-pw");
        server.execute(db, "grant select on public.open_data to " + role);
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = new ConnectionProfile("limited", server.host(), server.port(), db, role, SslMode.PREFER, null);
        rig.profiles.save(profile);
        rig.passwords.store(profile, "limited-pw");

        Throwable thrown = catchThrowable(() -> rig.backup(profile, BackupOptions.builder().globals(true).build()));

        assertThat(thrown).isInstanceOf(BackupDeskException.class);
        BackupDeskException failure = (BackupDeskException) thrown;
        assertThat(failure.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED);
        assertThat(failure.getMessage()).contains("payroll");
        assertThat(failure.hint()).contains("exclude its table or schema").doesNotContain("--");
        assertThat(io.backupdesk.pg.ToolErrors.commandLineHintFor(failure.kind()))
                .hasValueSatisfying(h -> assertThat(h).contains("--exclude-table"));
        Leftovers.assertNone(rig, 0);

        BackupRecord withoutIt = rig.backup(profile, BackupOptions.builder().excludeTables(List.of("payroll")).build());
        assertThat(withoutIt.tables()).extracting(TableCount::qualifiedName).containsExactly("public.open_data");
    }

    @Test
    void twoBackupsStartedInTheSameSecondKeepTheirOwnFiles(TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 50_000);
        EngineRig rig = setup.rig();
        ConnectionProfile profile = setup.profile();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.function.Supplier<BackupRecord> run = () -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return rig.backup(profile, BackupOptions.builder().globals(true).label("twin").build());
        };
        var first = java.util.concurrent.CompletableFuture.supplyAsync(run);
        var second = java.util.concurrent.CompletableFuture.supplyAsync(run);
        go.countDown();

        List<BackupRecord> both = List.of(first.get(), second.get());

        assertThat(both).extracting(BackupRecord::fileName).doesNotHaveDuplicates();
        for (BackupRecord record : both) {
            BackupCatalog.Entry entry = rig.catalog.require(record.id());
            assertThat(Sha256.ofFile(entry.archive())).isEqualTo(record.sha256());
            assertThat(Sha256.ofFile(entry.globals().orElseThrow())).isEqualTo(record.globalsSha256());
        }
        Leftovers.assertNone(rig, 2);
    }

    @Test
    void aBackupWhoseFileWentAwayIsListedAsMissing(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        BackupRecord kept = rig.backup(profile, BackupOptions.defaults());
        BackupRecord lost = rig.backup(profile, BackupOptions.defaults());
        Files.delete(rig.catalog.require(lost.id()).archive());

        Map<String, BackupStatus> statuses = new java.util.HashMap<>();
        rig.catalog.scan().forEach(e -> statuses.put(e.record().id(), e.status()));

        assertThat(statuses).containsEntry(kept.id(), BackupStatus.OK).containsEntry(lost.id(), BackupStatus.MISSING);
    }

    private static BackupOptions scoped(DumpScope scope) {
        return BackupOptions.builder().scope(scope).build();
    }
}

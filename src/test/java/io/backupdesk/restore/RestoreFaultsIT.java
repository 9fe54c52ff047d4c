package io.backupdesk.restore;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Progress;
import io.backupdesk.testing.CliProcess;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.RunWatch;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults in the middle of restores that change a database (a kill, a full disk, a concurrent writer): after each,
 * the original data is intact, or its safety backup is named with the command that puts it back, and that works.
 */
@ExtendWith(PostgresServerExtension.class)
class RestoreFaultsIT {
    private static final Pattern PUT_BACK = Pattern.compile("put it back with '(backupdesk restore [^']+)'");

    @Test
    void aKilledInPlaceRestoreIsToldAtTheNextStartWithTheCommandThatPutsItBack(TestServer server, @TempDir Path dir)
            throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 600_000);
        EngineRig rig = setup.rig();
        String db = setup.database();
        BackupRecord record = rig.backup(setup.profile(), BackupOptions.defaults());
        server.execute(db, "delete from public.big where id > 500000");
        Map<String, Long> before = PgTools.rowCounts(server, db);
        Process cli = CliProcess.start(CliProcess.command(rig.configDir, rig.backupRoot, "restore", record.id(),
                "--target", "p", "--mode", "in-place", "--jobs", "1", "--yes"), dir);
        await().atMost(Duration.ofSeconds(90)).until(() -> !RunWatch.pgRestores(cli).isEmpty()
                && RunWatch.markerSays(rig, "\"pid\"") && RunWatch.markerSays(rig, "restored in place"));

        cli.destroyForcibly().waitFor();
        CliProcess.Outcome next = CliProcess.run(CliProcess.command(rig.configDir, rig.backupRoot, "list"));

        assertThat(next.stderr()).contains("interrupted restore of p/" + db);
        Matcher command = PUT_BACK.matcher(next.stderr());
        assertThat(command.find()).as(next.stderr()).isTrue();
        List<String> words = List.of(command.group(1).split(" "));
        assertThat(words).startsWith("backupdesk", "restore").contains("--database", db);
        String[] args = words.subList(1, words.size()).toArray(String[]::new);
        CliProcess.Outcome putBack = CliProcess.run(CliProcess.command(rig.configDir, rig.backupRoot,
                append(args, "--terminate-sessions", "--yes")));
        assertThat(putBack.exitCode()).as(putBack.stdout() + putBack.stderr()).isZero();
        assertThat(PgTools.rowCounts(server, db)).isEqualTo(before);
    }

    @Test
    void theNextStartLeavesAloneADatabaseMadeAgainUnderTheNameOfAKilledRestoresCopy(TestServer server, @TempDir Path dir)
            throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 600_000);
        EngineRig rig = setup.rig();
        BackupRecord record = rig.backup(setup.profile(), BackupOptions.defaults());
        String copy = server.reserveName();
        Process cli = CliProcess.start(CliProcess.command(rig.configDir, rig.backupRoot, "restore", record.id(),
                "--target", "p", "--mode", "new-database", "--database", copy, "--jobs", "1", "--yes"), dir);
        await().atMost(Duration.ofSeconds(90)).until(() -> !RunWatch.pgRestores(cli).isEmpty()
                && RunWatch.markerSays(rig, "\"pid\"") && RunWatch.markerSays(rig, copy));
        List<ProcessHandle> tools = RunWatch.pgRestores(cli);
        cli.destroyForcibly().waitFor();
        tools.forEach(ProcessHandle::destroyForcibly);
        // someone makes a database of that name again before the app starts next
        server.execute("postgres", "drop database " + copy + " with (force)");
        server.execute("postgres", "create database " + copy);
        server.execute(copy, "create table precious (x int); insert into precious values (1)");

        CliProcess.Outcome next = CliProcess.run(CliProcess.command(rig.configDir, rig.backupRoot, "list"));

        assertThat(next.stderr()).contains("interrupted restore").contains(copy + " is now another database")
                .contains("left alone");
        assertThat(PgTools.rowCounts(server, copy)).containsEntry("public.precious", 1L);
    }

    @Test
    void aFullBackupVolumeStopsAnInPlaceRestoreBeforeItTouchesTheDatabase(TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        EngineRig rig = EngineRig.standard(dir, server);
        rig.addProfile("p", db);
        server.execute(db, "create table small as select generate_series(1, 10) as id");
        BackupRecord small = rig.backup(rig.profiles.require("p"), BackupOptions.defaults());
        Fixtures.bigTable(server, db, 200_000);
        Map<String, Long> before = PgTools.rowCounts(server, db);

        CliProcess.Outcome outcome = CliProcess.run(CliProcess.withFileSizeLimit(1024, CliProcess.command(rig.configDir,
                rig.backupRoot, "restore", small.id(), "--target", "p", "--mode", "in-place", "--yes")));

        assertThat(outcome.exitCode()).as(outcome.stderr()).isNotZero();
        assertThat(outcome.stderr()).contains("Writing the backup failed");
        assertThat(PgTools.rowCounts(server, db)).isEqualTo(before);
        assertThat(rig.catalog.scan()).noneMatch(e -> "before-restore".equals(e.record().label()));
    }

    @Test
    void aWriterDuringASafeReplaceLosesNothingItsRowsAreInTheDatabaseKeptAside(TestServer server, @TempDir Path dir)
            throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, 300_000);
        String db = setup.database();
        server.execute(db, "create table public.journal (id serial primary key, note text)");
        BackupRecord record = setup.rig().backup(setup.profile(), BackupOptions.defaults());
        AtomicLong committed = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try (Connection c = server.connect(db); PreparedStatement insert = c.prepareStatement(
                    "insert into public.journal (note) values ('written during the restore')")) {
                while (!stop.get()) {
                    insert.executeUpdate();
                    committed.incrementAndGet();
                }
            } catch (SQLException e) {
                // ended by the restore at the swap, with consent
            }
        });
        writer.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> committed.get() > 10);

        RestoreReport report = setup.rig().restores.restore(new RestorePlan(setup.rig().catalog.require(record.id()),
                        setup.profile(), db, RestoreMode.SAFE_REPLACE, 0, false, false, false, List.of(), List.of(), true,
                        true, Set.of()), Optional.empty(), Progress.NONE, line -> { }, new Cancellation());
        stop.set(true);
        writer.join(30_000);

        assertThat(report.outcome()).as(report.summary()).isEqualTo(RestoreReport.Outcome.COMPLETE);
        server.adopt(report.asideDatabase());
        long kept = PgTools.rowCounts(server, report.asideDatabase()).get("public.journal");
        assertThat(kept).as("every committed row of the writer is in the database kept aside")
                .isBetween(committed.get(), committed.get() + 1);
        assertThat(PgTools.rowCounts(server, db)).containsEntry("public.journal", 0L);
    }

    private static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}

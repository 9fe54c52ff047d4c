package io.backupdesk.cli;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.Progress;
import io.backupdesk.crypto.CryptoException;
import io.backupdesk.crypto.Passphrase;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.CliProcess;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.RunWatch;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An encrypted backup is restored as it is decrypted, straight into pg_restore or psql (decision 0051): a selection
 * too, since pg_restore reads a list in the archive's own order from a pipe. A wrong key or passphrase is refused on
 * the file's header before anything changes, in every mode. Only parallel workers get a decrypted copy, and one left
 * by a killed run is removed at the next start.
 */
@ExtendWith(PostgresServerExtension.class)
class StreamedRestoreIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = BackupFormat.class, names = {"CUSTOM", "TAR"})
    void aSelectionOfAnEncryptedArchiveStreamsIntoANewDatabaseAndInPlace(BackupFormat format, TestServer server)
            throws Exception {
        String db = Fixtures.shopWithProfile(server, cli());
        assertThat(cli().run("keys", "generate", "office").code()).isZero();
        String id = backUp("--format", format.cliName(), "--encrypt-to", "office");
        String onlyCustomers = server.reserveName();
        String wholeSchema = server.reserveName();

        Cli.Run table = cli().run("restore", id, "--target", "prod", "--database", onlyCustomers, "--mode",
                "new-database", "--table", "shop.customers");
        Cli.Run schema = cli().run("restore", id, "--target", "prod", "--database", wholeSchema, "--mode",
                "new-database", "--schema", "shop");
        server.execute(db, "delete from shop.customers where id > 100; insert into shop.orders values (9999, 'since')");
        Cli.Run inPlace = cli().run("restore", id, "--target", "prod", "--mode", "in-place", "--table", "shop.customers",
                "--yes", "--terminate-sessions");

        assertThat(table.code()).as(table.out() + table.err()).isZero();
        assertThat(PgTools.rowCounts(server, onlyCustomers)).isEqualTo(Map.of("shop.customers", 300L));
        assertThat(schema.code()).as(schema.out() + schema.err()).isZero();
        assertThat(PgTools.rowCounts(server, wholeSchema)).isEqualTo(Map.of("shop.customers", 300L, "shop.orders", 5000L));
        assertThat(inPlace.code()).as(inPlace.out() + inPlace.err()).isZero();
        assertThat(PgTools.rowCounts(server, db)).as("the chosen table restored, the other one left as it was")
                .isEqualTo(Map.of("shop.customers", 300L, "shop.orders", 5001L));
        assertThat(dir.resolve("config/runs/decrypted")).as("streamed: no decrypted copy was made").doesNotExist();
    }

    @Test
    void aWrongKeyOrPassphraseIsRefusedOnTheHeaderBeforeTheTargetIsTouchedInEveryMode(TestServer server)
            throws Exception {
        String db = Fixtures.shopWithProfile(server, cli());
        assertThat(cli().run("keys", "generate", "office").code()).isZero();
        String toKey = backUp("--encrypt-to", "office");
        String withPassphrase = Json.mapper().readTree(cli().withInput("right horse\n", "backup", "prod",
                "--passphrase-stdin", "--json").out()).get("id").asText();
        server.execute(db, "insert into shop.orders values (9999, 'since')");
        Map<String, Long> before = PgTools.rowCounts(server, db);
        Path otherKey = dir.resolve("other.key");
        assertThat(new ProcessBuilder("age-keygen", "-o", otherKey.toString()).start().waitFor()).isZero();
        Engine desk = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"),
                warning -> { });
        int backups = desk.catalog().scan().size();
        SecretKeys wrongKey = new SecretKeys(Optional.of(otherKey), null);

        for (RestoreMode mode : List.of(RestoreMode.IN_PLACE, RestoreMode.SAFE_REPLACE)) {
            RestorePlan plan = plan(desk, toKey, db, mode);
            assertThatThrownBy(() -> desk.jobs().restore().restore(plan, wrongKey, Optional.empty(), Progress.NONE,
                    line -> { }, new Cancellation()))
                    .isInstanceOfSatisfying(CryptoException.class,
                            e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.WRONG_KEY));
            try (Passphrase wrong = Passphrase.of("wrong horse".toCharArray())) {
                RestorePlan sealed = plan(desk, withPassphrase, db, mode);
                assertThatThrownBy(() -> desk.jobs().restore().restore(sealed, new SecretKeys(Optional.empty(), wrong),
                        Optional.empty(), Progress.NONE, line -> { }, new Cancellation()))
                        .isInstanceOfSatisfying(CryptoException.class,
                                e -> assertThat(e.failure()).isEqualTo(CryptoException.Failure.WRONG_PASSPHRASE));
            }
        }
        assertThatThrownBy(() -> desk.jobs().restore().preflight(plan(desk, toKey, db, RestoreMode.IN_PLACE), wrongKey,
                Optional.empty(), new Cancellation())).isInstanceOf(CryptoException.class);

        assertThat(PgTools.rowCounts(server, db)).isEqualTo(before);
        assertThat(databasesLike(server, db + "\\_%")).as("no temporary or aside database").isEmpty();
        assertThat(desk.catalog().scan()).as("no safety backup was taken").hasSize(backups);
        assertThat(desk.history().readAll()).as("no restore was even begun")
                .noneMatch(run -> run.kind().equals(JobRun.KIND_RESTORE));
    }

    @Test
    void aKilledParallelRestoreLeavesItsDecryptedCopyAndTheNextStartRemovesIt(TestServer server) throws Exception {
        String db = server.createDatabase();
        Fixtures.bigTable(server, db, 1_000_000);
        cli().addProfile(server, "prod", db);
        assertThat(cli().run("keys", "generate", "office").code()).isZero();
        String id = backUp("--encrypt-to", "office");
        String target = server.reserveName();
        Path copies = dir.resolve("config/runs/decrypted");

        Process restore = CliProcess.start(CliProcess.command(dir.resolve("config"), dir.resolve("backups"), "restore",
                id, "--target", "prod", "--database", target, "--mode", "new-database", "--jobs", "2"), dir);
        // killed while pg_restore's workers read the decrypted copy
        await().atMost(Duration.ofSeconds(90)).until(() -> !RunWatch.pgRestores(restore).isEmpty()
                && !Fixtures.filesEndingWith(copies, ".dump").isEmpty());
        restore.destroyForcibly().waitFor();
        List<Path> left = Fixtures.filesEndingWith(copies, ".dump");
        CliProcess.Outcome next = CliProcess.run(CliProcess.command(dir.resolve("config"), dir.resolve("backups"), "list"));

        assertThat(left).as("the kill left the plaintext copy").isNotEmpty();
        assertThat(next.exitCode()).as(next.stderr()).isZero();
        assertThat(left).as("removed by the next start").noneMatch(Files::exists);
        try (Stream<Path> folders = Files.list(copies)) {
            assertThat(folders).isEmpty();
        }
        assertThat(databasesLike(server, target)).as("the half-restored database dropped by the next start").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = BackupFormat.class, names = {"CUSTOM", "PLAIN"})
    void aCiphertextDamagedMidwayFailsTheStreamedRestoreAndLeavesNoDatabase(BackupFormat format,
                                                                                      TestServer server) throws Exception {
        String db = server.createDatabase();
        Fixtures.bigTable(server, db, 60_000);
        cli().addProfile(server, "prod", db);
        assertThat(cli().run("keys", "generate", "office").code()).isZero();
        Path archive = Path.of(Json.mapper().readTree(cli().run("backup", "prod", "--json", "--format", format.cliName(),
                "--encrypt-to", "office").out()).get("path").asText());
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(archive, bytes);
        String id = Json.mapper().readTree(cli().run("list", "--json").out()).get(0).get("id").asText();
        String target = server.reserveName();

        // past the checksum check, which finds the damage first, so that the decryption itself meets it: in the
        // restore's stream for an archive, already in the pre-flight's full read for plain SQL
        Cli.Run restored = cli().run("restore", id, "--target", "prod", "--database", target, "--mode", "new-database",
                "--override", "checksum");

        assertThat(restored.code()).isNotZero();
        assertThat(restored.err()).contains("The encrypted file is damaged or incomplete")
                .contains(format == BackupFormat.PLAIN ? "nothing was changed" : "decrypted to its end");
        assertThat(databasesLike(server, target)).as("the new database is dropped again").isEmpty();
    }

    private static RestorePlan plan(Engine desk, String backupId, String db, RestoreMode mode) {
        BackupCatalog.Entry backup = desk.jobs().remote().require(backupId);
        return new RestorePlan(backup, desk.profiles().require("prod"), db, mode, 0, false, false, false, List.of(),
                List.of(), true, true, Set.of());
    }

    private static List<String> databasesLike(TestServer server, String pattern) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        try (Connection c = server.connect("postgres"); ResultSet rs = c.createStatement()
                .executeQuery("select datname from pg_database where datname like '" + pattern + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private String backUp(String... options) throws IOException {
        String[] args = Stream.concat(Stream.of("backup", "prod", "--json"), Stream.of(options)).toArray(String[]::new);
        Cli.Run run = cli().run(args);
        assertThat(run.code()).as(run.err()).isZero();
        return Json.mapper().readTree(run.out()).get("id").asText();
    }

    private Cli cli() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }
}

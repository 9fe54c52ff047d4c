package io.backupdesk.cli;

import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows restored in place into tables that keep their foreign keys go in the order of those keys, which is not the
 * archive's (decision 0047): pg_restore then reads the archive out of order. It can in a custom or directory file,
 * so an encrypted backup is decrypted to a file for it (a pipe would load the rows it meets first, then stop); a tar
 * file it reads only front to back, so there the order is refused before anything changes unless it keeps the
 * archive's. The fixture's child table sorts before the table it refers to, so its rows move.
 */
@ExtendWith(PostgresServerExtension.class)
class RowsInKeyOrderIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"custom", "directory"})
    void rowsGoInPlaceInTheOrderOfTheirKeysFromAFileThatCanBeReadOutOfOrder(String format, TestServer server)
            throws Exception {
        String db = fixture(server);
        String id = backUp("--format", format);
        String copy = definitionsOnly(server, id);

        Cli.Run rows = cli().run("restore", id, "--target", "prod", "--database", copy, "--mode", "in-place",
                "--data-only", "--yes", "--json");

        assertThat(rows.code()).as(rows.out() + rows.err()).isZero();
        assertThat(Json.mapper().readTree(rows.out()).get("outcome").asText()).isEqualTo("complete");
        assertThat(PgTools.rowCounts(server, copy)).isEqualTo(PgTools.rowCounts(server, db));
    }

    @Test
    void anEncryptedBackupWhoseRowsMoveIsDecryptedToAFileForThemAndTheFileIsRemoved(TestServer server)
            throws Exception {
        String db = fixture(server);
        assertThat(cli().run("keys", "generate", "office").code()).isZero();
        String id = backUp("--encrypt-to", "office");
        String copy = definitionsOnly(server, id);

        Cli.Run command = cli().run("restore", id, "--target", "prod", "--database", copy, "--mode", "in-place",
                "--data-only", "--print-command");
        Cli.Run rows = cli().run("restore", id, "--target", "prod", "--database", copy, "--mode", "in-place",
                "--data-only", "--yes", "--json");

        assertThat(rows.code()).as(rows.out() + rows.err()).isZero();
        assertThat(PgTools.rowCounts(server, copy)).isEqualTo(PgTools.rowCounts(server, db));
        assertThat(command.out()).contains("decrypted (age -d) to an owner-only temporary file")
                .doesNotContain("age -d -i KEYFILE");
        Path copies = dir.resolve("config/runs/decrypted");
        assertThat(Files.exists(copies) ? Files.list(copies).toList() : List.of()).as("the copy is removed").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rowsThatWouldMoveInATarBackupAreRefusedBeforeAnythingChanges(boolean encrypted, TestServer server)
            throws Exception {
        fixture(server);
        assertThat(cli().run("keys", "generate", "office").code()).isZero();
        String id = encrypted ? backUp("--format", "tar", "--encrypt-to", "office") : backUp("--format", "tar");
        String copy = definitionsOnly(server, id);
        server.execute(copy, "insert into public.zparent values (9999, 'made since')");
        Map<String, Long> before = PgTools.rowCounts(server, copy);

        Cli.Run preflight = cli().run("restore", id, "--target", "prod", "--database", copy, "--mode", "in-place",
                "--data-only", "--preflight");
        Cli.Run rows = cli().run("restore", id, "--target", "prod", "--database", copy, "--mode", "in-place",
                "--data-only", "--yes");

        assertThat(preflight.out()).containsPattern("BLOCK +tables +The rows of \"public\".\"zparent\" must go in"
                + " before those of \"public\".\"achild\"");
        assertThat(rows.code()).isEqualTo(1);
        assertThat(rows.err()).contains("nothing was changed").contains("pg_restore reads a tar file only from front"
                + " to back").contains("Restore post-data as well");
        assertThat(PgTools.rowCounts(server, copy)).isEqualTo(before);
        assertThat(cli().run("list", "--json").out()).doesNotContain("before-restore");
    }

    @Test
    void aTarBackupRestoresRowsInPlaceWhereTheyKeepTheArchivesOrderOrWithTheirKeysMadeAgain(TestServer server)
            throws Exception {
        String db = fixture(server);
        String id = backUp("--format", "tar");
        String childOnly = definitionsOnly(server, id);
        server.execute(childOnly, "insert into public.zparent select g, 'p' || g from generate_series(1, 200) g");
        String withKeys = definitionsOnly(server, id);

        Cli.Run child = cli().run("restore", id, "--target", "prod", "--database", childOnly, "--mode", "in-place",
                "--data-only", "--table", "public.achild", "--yes");
        Cli.Run keys = cli().run("restore", id, "--target", "prod", "--database", withKeys, "--mode", "in-place",
                "--section", "data", "--section", "post-data", "--yes");

        assertThat(child.code()).as(child.out() + child.err()).isZero();
        assertThat(PgTools.rowCounts(server, childOnly)).containsEntry("public.achild", 1000L);
        assertThat(keys.code()).as(keys.out() + keys.err()).isZero();
        assertThat(PgTools.rowCounts(server, withKeys)).isEqualTo(PgTools.rowCounts(server, db));
    }

    private String fixture(TestServer server) {
        String db = server.createDatabase();
        server.execute(db, RestoreSectionsIT.FIXTURE);
        cli().addProfile(server, "prod", db);
        return db;
    }

    /** A new database with the backup's definitions and no rows, for rows to go into in place. */
    private String definitionsOnly(TestServer server, String id) {
        String copy = server.reserveName();
        Cli.Run schema = cli().run("restore", id, "--target", "prod", "--database", copy, "--mode", "new-database",
                "--schema-only", "--yes");
        assertThat(schema.code()).as(schema.out() + schema.err()).isZero();
        return copy;
    }

    private String backUp(String... options) throws Exception {
        String[] args = new String[options.length + 3];
        args[0] = "backup";
        args[1] = "prod";
        args[2] = "--json";
        System.arraycopy(options, 0, args, 3, options.length);
        Cli.Run made = cli().run(args);
        assertThat(made.code()).as(made.err()).isZero();
        return Json.mapper().readTree(made.out()).get("id").asText();
    }

    private Cli cli() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }
}

package io.backupdesk.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pg_dump command a backup's details show as the one that made it, on the real server: the command
 * {@code --print-command} showed before the backup, with the file the backup has; never a password; nothing when the
 * connection no longer points at the backup's server or is gone.
 */
@ExtendWith(PostgresServerExtension.class)
class CommandThatMadeIT {
    @TempDir
    Path dir;

    @Test
    void theDetailsShowTheCommandThePrintedOneWouldHaveRunWithTheBackupsFile(TestServer server) throws Exception {
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        Fixtures.shopWithProfile(server, cli);
        String[] how = {"--exclude-table-data", "shop.customers", "--no-owner", "--compress", "6"};
        Cli.Run printed = cli.run(concat("backup", "prod", "--print-command", how));
        Cli.Run made = cli.run(concat("backup", "prod", "--json", how));
        assertThat(made.code()).as(made.err()).isZero();
        JsonNode backup = Json.mapper().readTree(made.out());
        Engine engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"),
                w -> { });
        BackupCatalog.Entry entry = engine.catalog().require(backup.get("id").asText());

        Optional<String> shown = engine.jobs().backup().commandThatMade(entry.record());

        String file = entry.archive().getFileName().toString();
        assertThat(shown).hasValueSatisfying(command -> {
            assertThat(command).startsWith("pg_dump ").contains("--exclude-table-data=shop.customers", "--no-owner",
                    "--compress=6", "--file=" + file).doesNotContain(server.password());
            // the same line as printed before the backup, but for the file, whose name has the second it was made
            assertThat(command.replace(file, "FILE")).isEqualTo(printed.out().strip().replaceAll("[^ =']+\\.dump", "FILE"));
        });
    }

    @Test
    void nothingIsShownWhenTheConnectionNowPointsElsewhereOrIsGone(TestServer server) throws Exception {
        Cli cli = new Cli(dir.resolve("config"), dir.resolve("backups"));
        Fixtures.shopWithProfile(server, cli);
        JsonNode backup = Json.mapper().readTree(cli.run("backup", "prod", "--json").out());
        Engine engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"),
                w -> { });
        BackupCatalog.Entry entry = engine.catalog().require(backup.get("id").asText());
        ConnectionProfile prod = engine.profiles().require("prod");
        assertThat(engine.jobs().backup().commandThatMade(entry.record())).isPresent();

        engine.profiles().save(new ConnectionProfile("prod", "db.example.invalid", prod.port(), prod.database(),
                prod.user(), prod.sslMode(), null));
        Optional<String> elsewhere = engine.jobs().backup().commandThatMade(entry.record());
        engine.profiles().remove("prod");
        Optional<String> gone = engine.jobs().backup().commandThatMade(entry.record());

        assertThat(elsewhere).as("another server now").isEmpty();
        assertThat(gone).as("the connection removed").isEmpty();
    }

    private static String[] concat(String a, String b, String c, String... rest) {
        String[] all = new String[rest.length + 3];
        all[0] = a;
        all[1] = b;
        all[2] = c;
        System.arraycopy(rest, 0, all, 3, rest.length);
        return all;
    }
}

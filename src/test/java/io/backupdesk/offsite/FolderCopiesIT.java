package io.backupdesk.offsite;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import io.backupdesk.store.SecureFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies to a second folder, end to end through the command line on the real server: the copy after the backup,
 * a second desk that finds it by a catalog sync and restores it, and the faults that must leave the local backup
 * intact and nothing partial listed.
 */
@ExtendWith(PostgresServerExtension.class)
class FolderCopiesIT {
    @TempDir
    Path dir;

    @Test
    void aBackupCopiedToAFolderIsFoundByASecondDeskAndRestoredFromThereAfterTheLocalFilesAreGone(TestServer server)
            throws Exception {
        String db = shop(server);
        Path nas = Files.createDirectories(dir.resolve("nas"));
        assertThat(desk().run("destinations", "add", "nas", "--url", nas.toUri().toString()).code()).isZero();

        JsonNode backup = json(desk().run("backup", "prod", "--copy-to", "nas", "--json"));
        String id = backup.get("id").asText();
        JsonNode copy = backup.get("copies").get(0);
        assertThat(copy.get("status").asText()).isEqualTo("ok");
        assertThat(copy.get("sha256").asText()).isEqualTo(backup.get("sha256").asText());
        assertThat(copy.get("confirmedBy").asText()).isEqualTo("read back");
        assertThat(Fixtures.filesEndingWith(nas, ".backup.json")).hasSize(1);
        SecureFiles.deleteRecursively(dir.resolve("backups"));

        Cli second = new Cli(dir.resolve("config2"), dir.resolve("backups2"));
        second.addProfile(server, "prod", db);
        assertThat(second.run("destinations", "add", "nas", "--url", nas.toUri().toString()).code()).isZero();
        Cli.Run synced = second.run("catalog", "sync", "nas");
        JsonNode listed = json(second.run("list", "--json"));
        String target = server.reserveName();
        Cli.Run restored = second.run("restore", id.substring(0, 8), "--target", "prod", "--database", target,
                "--mode", "new-database");

        assertThat(synced.code()).as(synced.err()).isZero();
        assertThat(synced.out()).contains("1 backup(s) at nas; 1 of them not on this desk");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
        assertThat(listed.get(0).get("status").asText()).isEqualTo("remote");
        assertThat(listed.get(0).get("path").isNull()).isTrue();
        assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
        assertThat(PgTools.rowCounts(server, target)).isEqualTo(PgTools.rowCounts(server, db));
        assertThat(PgTools.schema(server, target).replace(target, "DB")).isEqualTo(PgTools.schema(server, db).replace(db, "DB"));
        assertThat(folderOf(dir.resolve("config2/runs/downloaded"))).as("the download is removed").isEmpty();
    }

    @Test
    void twoDesksCopyingToOneDestinationSeeEachOthersBackupsAndTheirOwnAsHere(TestServer server) throws Exception {
        String db = shop(server);
        Path nas = Files.createDirectories(dir.resolve("nas"));
        Cli other = new Cli(dir.resolve("config2"), dir.resolve("backups2"));
        other.addProfile(server, "prod", db);
        for (Cli desk : List.of(desk(), other)) {
            assertThat(desk.run("destinations", "add", "nas", "--url", nas.toUri().toString()).code()).isZero();
        }
        String mine = json(desk().run("backup", "prod", "--copy-to", "nas", "--label", "desk1", "--json"))
                .get("id").asText();
        String theirs = json(other.run("backup", "prod", "--copy-to", "nas", "--label", "desk2", "--json"))
                .get("id").asText();

        assertThat(desk().run("catalog", "sync", "nas").code()).isZero();
        assertThat(other.run("catalog", "sync", "nas").code()).isZero();
        JsonNode mineListed = json(desk().run("list", "--json"));
        JsonNode theirsListed = json(other.run("list", "--json"));

        assertThat(Fixtures.filesEndingWith(nas, ".backup.json")).as("one sidecar each, none shared").hasSize(2);
        assertThat(statusOf(mineListed, mine)).isEqualTo("verified");
        assertThat(statusOf(mineListed, theirs)).isEqualTo("remote");
        assertThat(statusOf(theirsListed, theirs)).isEqualTo("verified");
        assertThat(statusOf(theirsListed, mine)).isEqualTo("remote");
    }

    @Test
    void aBackupOfTheSameNameFromAnotherDeskIsNeverReplacedThere(TestServer server) throws Exception {
        String db = shop(server);
        Path nas = Files.createDirectories(dir.resolve("nas"));
        assertThat(desk().run("destinations", "add", "nas", "--url", nas.toUri().toString()).code()).isZero();
        // another desk's backups of the same connection and database, one for each of the next seconds: whenever
        // this desk's backup is made, its name is taken there already
        Path folder = Files.createDirectories(nas.resolve("prod").resolve(db));
        java.time.format.DateTimeFormatter stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        for (int s = 0; s < 60; s++) {
            String name = db + "_" + stamp.format(now.plusSeconds(s));
            Files.writeString(folder.resolve(name + ".backup.json"), "{\"id\":\"0123456789ab\"}");
            Files.writeString(folder.resolve(name + ".dump"), "another desk's backup");
        }

        JsonNode backup = json(desk().run("backup", "prod", "--copy-to", "nas", "--json"));
        JsonNode copy = backup.get("copies").get(0);
        String name = Path.of(backup.get("path").asText()).getFileName().toString();

        assertThat(copy.get("status").asText()).isNotEqualTo("ok");
        assertThat(copy.get("error").asText()).contains("already holds another backup").contains("0123456789ab");
        assertThat(Files.readString(folder.resolve(name))).as("the other desk's file is untouched")
                .isEqualTo("another desk's backup");
        assertThat(Files.readString(folder.resolve(name.replaceFirst("\\.dump$", ".backup.json"))))
                .contains("0123456789ab");
        assertThat(Path.of(backup.get("path").asText())).as("this desk's backup stands").exists();
    }

    private static String statusOf(JsonNode listed, String id) {
        for (JsonNode backup : listed) {
            if (backup.get("id").asText().equals(id)) {
                return backup.get("status").asText();
            }
        }
        return "not listed";
    }

    @Test
    void aDestinationThatIsNotMountedLeavesTheBackupIntactAndARetrySucceedsOnceItIsThere(TestServer server)
            throws Exception {
        shop(server);
        Path nas = dir.resolve("unmounted");
        assertThat(desk().run("destinations", "add", "nas", "--url", nas.toUri().toString()).code()).isZero();

        JsonNode backup = json(desk().run("backup", "prod", "--copy-to", "nas", "--json"));
        JsonNode pending = backup.get("copies").get(0);
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("error").asText()).contains("is not there").contains("Mount the share");
        assertThat(pending.get("nextAttemptAt").isNull()).isFalse();
        assertThat(Path.of(backup.get("path").asText())).exists();
        assertThat(nas).as("nothing is created in place of a share that is not mounted").doesNotExist();
        assertThat(desk().run("verify", backup.get("id").asText()).code()).isZero();

        Files.createDirectories(nas);
        Cli.Run retried = desk().run("copies", "retry");
        JsonNode copies = json(desk().run("copies", backup.get("id").asText(), "--json"));

        assertThat(retried.code()).as(retried.out() + retried.err()).isZero();
        assertThat(copies.get(0).get("status").asText()).isEqualTo("ok");
        assertThat(Fixtures.filesEndingWith(nas, ".backup.json")).hasSize(1);
    }

    @Test
    void aDestinationForEncryptedBackupsOnlyNeverReceivesAnUnencryptedOneAndTheBackupStillSucceeds(TestServer server)
            throws Exception {
        shop(server);
        Path vault = Files.createDirectories(dir.resolve("vault"));
        assertThat(desk().run("destinations", "add", "vault", "--url", vault.toUri().toString(),
                "--require-encryption").code()).isZero();

        Cli.Run run = desk().run("backup", "prod", "--copy-to", "vault", "--json");
        JsonNode copy = json(run).get("copies").get(0);

        assertThat(copy.get("status").asText()).isEqualTo("failed");
        assertThat(copy.get("error").asText()).contains("is not encrypted").contains("only encrypted backups");
        assertThat(copy.get("nextAttemptAt").isNull()).as("it cannot succeed by waiting").isTrue();
        try (Stream<Path> files = Files.walk(vault)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aCopyAlteredAtTheDestinationIsFoundDamagedAndNeverRestored(TestServer server) throws Exception {
        String db = shop(server);
        Path nas = Files.createDirectories(dir.resolve("nas"));
        assertThat(desk().run("destinations", "add", "nas", "--url", nas.toUri().toString()).code()).isZero();
        String id = json(desk().run("backup", "prod", "--copy-to", "nas", "--json")).get("id").asText();
        SecureFiles.deleteRecursively(dir.resolve("backups"));
        Path copied = Fixtures.filesEndingWith(nas, ".dump").get(0);
        try (RandomAccessFile file = new RandomAccessFile(copied.toFile(), "rw")) {
            file.seek(file.length() / 2);
            int b = file.read();
            file.seek(file.length() / 2);
            file.write(b ^ 0xff);
        }
        assertThat(desk().run("catalog", "sync", "nas").code()).isZero();
        Cli.Run verified = desk().run("verify", "--remote", id, "--json");
        assertThat(verified.code()).as("a copy altered in place, same size, is caught by reading it back").isEqualTo(1);
        assertThat(Json.mapper().readTree(verified.out()).get(0).get("status").asText()).isEqualTo("corrupt");
        assertThat(Json.mapper().readTree(verified.out()).get(0).get("error").asText()).contains("has SHA-256");
        String target = server.reserveName();

        Cli.Run restored = desk().run("restore", id, "--target", "prod", "--database", target, "--mode", "new-database");

        assertThat(restored.code()).isNotZero();
        assertThat(restored.err()).contains("is damaged").contains("Nothing was changed");
        assertThat(exists(server, target)).as("the target was never made").isFalse();

        Files.writeString(copied, "shorter", java.nio.file.StandardOpenOption.APPEND);
        Cli.Run resynced = desk().run("catalog", "sync", "nas");
        JsonNode copies = json(desk().run("copies", "--json"));
        assertThat(resynced.code()).as("a sync that finds a damaged copy says so in its exit code").isEqualTo(1);
        assertThat(resynced.err()).contains("damaged");
        assertThat(copies.get(0).get("status").asText()).isEqualTo("corrupt");
        assertThat(db).isNotEmpty();
    }

    @Test
    void aDestinationKeepsWhatItsOwnRetentionSaysAndADryRunDeletesNothing(TestServer server) throws Exception {
        shop(server);
        Path nas = Files.createDirectories(dir.resolve("nas"));
        assertThat(desk().run("destinations", "add", "nas", "--url", nas.toUri().toString()).code()).isZero();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(json(desk().run("backup", "prod", "--copy-to", "nas", "--json")).get("id").asText());
        }
        assertThat(Fixtures.filesEndingWith(nas, ".backup.json")).hasSize(3);
        assertThat(desk().run("destinations", "add", "nas", "--url", nas.toUri().toString(), "--keep-last", "1")
                .code()).isZero();

        Cli.Run dry = desk().run("destinations", "prune", "nas", "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would delete " + ids.get(0)).contains("would delete " + ids.get(1))
                .contains("kept " + ids.get(2));
        assertThat(Fixtures.filesEndingWith(nas, ".backup.json")).hasSize(3);

        JsonNode fourth = json(desk().run("backup", "prod", "--copy-to", "nas", "--json"));
        JsonNode copies = json(desk().run("copies", "--json"));

        assertThat(Fixtures.filesEndingWith(nas, ".backup.json")).as("the copy after the fourth backup prunes")
                .hasSize(1);
        assertThat(Fixtures.filesEndingWith(nas, ".dump")).hasSize(1);
        assertThat(Fixtures.filesEndingWith(nas, ".dump").get(0).getFileName().toString())
                .isEqualTo(Path.of(fourth.get("path").asText()).getFileName().toString());
        assertThat(copies.findValuesAsText("status")).containsExactlyInAnyOrder("removed", "removed", "removed", "ok");
        assertThat(Fixtures.filesEndingWith(dir.resolve("backups"), ".dump")).as("the desk's own backups stay")
                .hasSize(4);
    }

    @Test
    void secretsAreKeptOwnerOnlyAndNeverListedOrWrittenBesideTheDestinations() throws Exception {
        Cli.Run added = desk().withInput("AKIDEXAMPLE:wJalrXUtnFEMI-K7MDENG-secret\n", "destinations", "add", "bucket",
                "--url", "s3://backups/desk1", "--endpoint", "http://127.0.0.1:9", "--path-style",
                "--credentials-stdin");
        Cli.Run listed = desk().run("destinations", "list", "--json");
        Cli.Run table = desk().run("destinations", "list");

        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out() + listed.out() + table.out()).doesNotContain("wJalrXUtnFEMI");
        assertThat(Files.readString(dir.resolve("config/destinations.json"))).doesNotContain("wJalrXUtnFEMI")
                .doesNotContain("AKIDEXAMPLE");
        assertThat(json(listed).get(0).get("secretsStored").asBoolean()).isTrue();
        assertThat(json(listed).get(0).get("requireEncryption").asBoolean()).as("s3 takes only encrypted by default")
                .isTrue();
        Path secrets = dir.resolve("config/destination-secrets.json");
        assertThat(Files.readString(secrets)).contains("wJalrXUtnFEMI");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(desk().run("destinations", "remove", "bucket").code()).isZero();
        assertThat(Files.readString(secrets)).doesNotContain("wJalrXUtnFEMI");
    }

    private static boolean exists(TestServer server, String database) throws Exception {
        try (java.sql.Connection c = server.connect("postgres");
             java.sql.PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            q.setString(1, database);
            try (java.sql.ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    private static List<Path> folderOf(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private String shop(TestServer server) {
        return Fixtures.shopWithProfile(server, desk());
    }

    private Cli desk() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }

    private static JsonNode json(Cli.Run run) throws IOException {
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        return Json.mapper().readTree(run.out());
    }
}

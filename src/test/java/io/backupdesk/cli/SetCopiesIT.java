package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.backup.Sha256;
import io.backupdesk.store.Json;
import io.backupdesk.testing.AwsCli;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.S3ProxyServer;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole-server set copied to a folder and to an S3 bucket as one backup, through the real command line on the real
 * server (only this test's own databases): every part there and read back, the manifest last, a retry that completes
 * it, an encrypted-only destination that refuses it whole.
 */
@ExtendWith(PostgresServerExtension.class)
class SetCopiesIT {
    private static final String BUCKET = "backups";
    @TempDir
    Path dir;
    private S3ProxyServer s3;

    @AfterEach
    void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aSetIsCopiedWholeWithEveryPartAtItsLocalPlaceAndConfirmed(TestServer server) throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.threeDatabasesWithRoles(server, prefix);
        Path nas = Files.createDirectories(dir.resolve("nas"));
        Cli desk = desk();
        SetFixtures.addServerProfile(desk, server, server.user(), server.password(), "srv",
                "--include-database", prefix + "_*");
        assertThat(desk.run("destinations", "add", "nas", "--url", nas.toUri().toString()).code()).isZero();

        JsonNode set = json(desk.run("backup", "srv", "--copy-to", "nas", "--json"));
        JsonNode copies = json(desk.run("copies", set.get("id").asText(), "--json"));

        assertThat(set.get("status").asText()).isEqualTo("complete");
        assertThat(set.get("copies")).hasSize(1);
        assertThat(set.get("copies").get(0).get("status").asText()).as(set.toString()).isEqualTo("ok");
        assertThat(set.get("copies").get(0).get("remoteKey").asText())
                .isEqualTo("srv/" + Path.of(set.get("manifest").asText()).getFileName());
        assertThat(copies).as("the set's own line, then each database's").hasSize(4);
        assertThat(copies.get(0).get("backupId").asText()).isEqualTo(set.get("id").asText());
        assertThat(copies.findValuesAsText("status")).containsOnly("ok");
        Path backups = dir.resolve("backups");
        List<Path> local = files(backups);
        assertThat(local).hasSizeGreaterThanOrEqualTo(8);
        for (Path file : local) {
            Path there = nas.resolve(backups.relativize(file));
            assertThat(there).as("every part mirrors the local layout").exists();
            assertThat(Sha256.ofFile(there)).as(there.toString()).isEqualTo(Sha256.ofFile(file));
        }
        assertThat(files(nas)).hasSameSizeAs(local);
    }

    @Test
    void aSetIsCopiedToAnS3BucketWhereTheAwsCliReadsEveryPartAsItIsHere(TestServer server) throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.threeDatabasesWithRoles(server, prefix);
        s3 = new S3ProxyServer(dir.resolve("s3"), S3ProxyServer.Checksums.VERIFIED).start();
        s3.createBucket(BUCKET);
        Cli desk = desk();
        SetFixtures.addServerProfile(desk, server, server.user(), server.password(), "srv",
                "--include-database", prefix + "_*");
        assertThat(desk.withInput(S3ProxyServer.ACCESS_KEY + ":" + S3ProxyServer.SECRET_KEY + "\n", "destinations",
                "add", "bucket", "--url", "s3://" + BUCKET + "/desk", "--endpoint", s3.endpoint(), "--path-style",
                "--region", S3ProxyServer.REGION, "--allow-unencrypted", "--credentials-stdin").code()).isZero();

        JsonNode set = json(desk.run("backup", "srv", "--copy-to", "bucket", "--json"));
        JsonNode copies = json(desk.run("copies", set.get("id").asText(), "--json"));

        assertThat(set.get("copies").get(0).get("status").asText()).as(set.toString()).isEqualTo("ok");
        assertThat(copies.findValuesAsText("status")).hasSize(4).containsOnly("ok");
        AwsCli aws = new AwsCli(s3);
        Path backups = dir.resolve("backups");
        List<Path> local = files(backups);
        assertThat(aws.keys(BUCKET)).hasSameSizeAs(local);
        for (Path file : local) {
            AwsCli.Result read = aws.run("s3", "cp", "s3://" + BUCKET + "/desk/"
                    + backups.relativize(file).toString().replace('\\', '/'), "-");
            assertThat(read.ok()).as(file + ": " + read.err()).isTrue();
            assertThat(read.sha256()).as(file.toString()).isEqualTo(Sha256.ofFile(file));
        }
    }

    @Test
    void aDestinationThatFailsOnTheManifestLeavesNoManifestThereAndTheSetPendingUntilARetryCompletesIt(
            TestServer server) throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.threeDatabasesWithRoles(server, prefix);
        Path nas = Files.createDirectories(dir.resolve("nas"));
        Cli desk = desk();
        SetFixtures.addServerProfile(desk, server, server.user(), server.password(), "srv",
                "--include-database", prefix + "_*");
        assertThat(desk.run("destinations", "add", "nas", "--url", nas.toUri().toString()).code()).isZero();
        // a folder in the way of the manifest's name for each of the next minutes' seconds: only the manifest fails
        List<Path> blockers = new ArrayList<>();
        LocalDateTime now = LocalDateTime.now();
        for (int s = 0; s < 180; s++) {
            Path blocker = nas.resolve("srv").resolve("srv_" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .format(now.plusSeconds(s)) + ".set.json");
            blockers.add(Files.createDirectories(blocker.resolve("in-the-way")));
        }

        JsonNode set = json(desk.run("backup", "srv", "--copy-to", "nas", "--json"));
        JsonNode pending = set.get("copies").get(0);
        String id = set.get("id").asText();
        JsonNode members = json(desk.run("copies", id, "--json"));

        assertThat(pending.get("status").asText()).as(pending.toString()).isEqualTo("pending");
        assertThat(pending.get("nextAttemptAt").isNull()).as("retried with the back-off").isFalse();
        assertThat(files(nas)).as("no manifest there, the roles file and members are")
                .noneMatch(p -> p.toString().endsWith(".set.json")).anyMatch(p -> p.toString().endsWith(".globals.sql"));
        assertThat(Fixtures.filesEndingWith(nas, ".backup.json")).as("the members went first").hasSize(3);
        assertThat(members.findValuesAsText("status")).containsExactly("pending", "ok", "ok", "ok");

        for (Path blocker : blockers) {
            Files.delete(blocker);
            Files.delete(blocker.getParent());
        }
        Cli.Run retried = desk.run("copies", "retry", "--json");
        JsonNode after = json(desk.run("copies", id, "--json"));

        assertThat(retried.code()).as(retried.out() + retried.err()).isZero();
        assertThat(Json.mapper().readTree(retried.out())).as("the set is retried as one, not its members beside it")
                .hasSize(1);
        assertThat(after.findValuesAsText("status")).containsOnly("ok");
        Path manifest = Path.of(set.get("manifest").asText());
        assertThat(Sha256.ofFile(nas.resolve("srv").resolve(manifest.getFileName()))).isEqualTo(Sha256.ofFile(manifest));
    }

    @Test
    void aSetThatIsNotEncryptedIsRefusedWholeByADestinationForEncryptedBackupsOnly(TestServer server)
            throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.threeDatabasesWithRoles(server, prefix);
        Path vault = Files.createDirectories(dir.resolve("vault"));
        Cli desk = desk();
        SetFixtures.addServerProfile(desk, server, server.user(), server.password(), "srv",
                "--include-database", prefix + "_*");
        assertThat(desk.run("destinations", "add", "vault", "--url", vault.toUri().toString(),
                "--require-encryption").code()).isZero();

        JsonNode copy = json(desk.run("backup", "srv", "--copy-to", "vault", "--json")).get("copies").get(0);

        assertThat(copy.get("status").asText()).isEqualTo("failed");
        assertThat(copy.get("error").asText()).contains("is not encrypted").contains("nothing of it was copied");
        assertThat(copy.get("nextAttemptAt").isNull()).isTrue();
        assertThat(files(vault)).as("not one member went").isEmpty();
    }

    private Cli desk() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }

    private static List<Path> files(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private static JsonNode json(Cli.Run run) throws IOException {
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        return Json.mapper().readTree(run.out());
    }
}

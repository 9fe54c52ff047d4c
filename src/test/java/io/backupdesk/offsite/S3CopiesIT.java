package io.backupdesk.offsite;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.store.Json;
import io.backupdesk.store.SecureFiles;
import io.backupdesk.testing.AwsCli;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.S3ProxyServer;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies to an S3-compatible server on loopback through the command line, read back by the real AWS command line:
 * both ways of confirming an upload, a second desk that syncs the bucket's catalog and restores from it, and a server
 * that goes away leaving the local backup intact and a retry that succeeds.
 */
@ExtendWith(PostgresServerExtension.class)
class S3CopiesIT {
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

    @ParameterizedTest
    @ValueSource(strings = {"sha256", "md5"})
    void aBackupCopiedToTheBucketIsReadByTheAwsCliAndRestoredByASecondDesk(String checksums, TestServer server)
            throws Exception {
        startS3();
        String db = Fixtures.shopWithProfile(server, desk());
        assertThat(add(desk(), checksums).code()).isZero();

        JsonNode backup = json(desk().run("backup", "prod", "--copy-to", "bucket", "--json"));
        JsonNode copy = backup.get("copies").get(0);
        assertThat(copy.get("status").asText()).as(copy.toString()).isEqualTo("ok");
        assertThat(copy.get("confirmedBy").asText()).contains(checksums.equals("md5") ? "MD5" : "SHA-256");
        AwsCli aws = new AwsCli(s3);
        String key = "desk/" + copy.get("remoteKey").asText();
        AwsCli.Result read = aws.run("s3", "cp", "s3://" + BUCKET + "/" + key, "-");
        assertThat(read.ok()).as(read.err()).isTrue();
        assertThat(read.sha256()).as("the AWS command line reads what we wrote").isEqualTo(backup.get("sha256").asText());
        assertThat(aws.keys(BUCKET)).anyMatch(k -> k.endsWith(".backup.json"));

        SecureFiles.deleteRecursively(dir.resolve("backups"));
        Cli second = new Cli(dir.resolve("config2"), dir.resolve("backups2"));
        second.addProfile(server, "prod", db);
        assertThat(add(second, checksums).code()).isZero();
        Cli.Run synced = second.run("catalog", "sync", "bucket");
        String target = server.reserveName();
        Cli.Run restored = second.run("restore", backup.get("id").asText(), "--target", "prod", "--database", target,
                "--mode", "new-database");

        assertThat(synced.code()).as(synced.out() + synced.err()).isZero();
        assertThat(synced.out()).contains("1 backup(s) at bucket; 1 of them not on this desk");
        assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
        assertThat(PgTools.rowCounts(server, target)).isEqualTo(PgTools.rowCounts(server, db));
        assertThat(PgTools.schema(server, target).replace(target, "DB")).isEqualTo(PgTools.schema(server, db).replace(db, "DB"));
    }

    @Test
    void aStoppedServerLeavesTheBackupIntactAndNothingListedThereAndARetrySucceeds(TestServer server)
            throws Exception {
        startS3();
        Fixtures.shopWithProfile(server, desk());
        assertThat(add(desk(), "md5").code()).isZero();
        s3.stop();

        JsonNode backup = json(desk().run("backup", "prod", "--copy-to", "bucket", "--json"));
        JsonNode pending = backup.get("copies").get(0);
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("error").asText()).isNotBlank().doesNotContain(S3ProxyServer.SECRET_KEY);
        assertThat(Path.of(backup.get("path").asText())).exists();

        s3.start();
        assertThat(new AwsCli(s3).keys(BUCKET)).as("nothing partial is listed").noneMatch(k -> k.contains(".dump"));
        Cli.Run retried = desk().run("copies", "retry");

        assertThat(retried.code()).as(retried.out() + retried.err()).isZero();
        assertThat(new AwsCli(s3).keys(BUCKET)).anyMatch(k -> k.endsWith(".dump"))
                .anyMatch(k -> k.endsWith(".backup.json"));
    }

    @Test
    void wrongCredentialsAreSaidWithoutTheSecretAndTheBackupStands(TestServer server) throws Exception {
        startS3();
        Fixtures.shopWithProfile(server, desk());
        Cli.Run added = desk().withInput(S3ProxyServer.ACCESS_KEY + ":not-the-secret-9f2c\n", "destinations", "add",
                "bucket", "--url", "s3://" + BUCKET + "/desk", "--endpoint", s3.endpoint(), "--path-style",
                "--region", S3ProxyServer.REGION, "--s3-checksums", "md5", "--allow-unencrypted",
                "--credentials-stdin");
        assertThat(added.code()).isZero();

        Cli.Run tested = desk().run("destinations", "test", "bucket");
        JsonNode backup = json(desk().run("backup", "prod", "--copy-to", "bucket", "--json"));

        assertThat(tested.code()).isNotZero();
        assertThat(tested.err()).doesNotContain("not-the-secret-9f2c");
        assertThat(backup.get("copies").get(0).get("status").asText()).isEqualTo("pending");
        assertThat(backup.get("copies").get(0).get("error").asText()).doesNotContain("not-the-secret-9f2c");
        assertThat(Path.of(backup.get("path").asText())).exists();
    }

    private void startS3() {
        s3 = new S3ProxyServer(dir.resolve("s3"), S3ProxyServer.Checksums.VERIFIED).start();
        s3.createBucket(BUCKET);
    }

    private Cli.Run add(Cli cli, String checksums) {
        return cli.withInput(S3ProxyServer.ACCESS_KEY + ":" + S3ProxyServer.SECRET_KEY + "\n", "destinations", "add",
                "bucket", "--url", "s3://" + BUCKET + "/desk", "--endpoint", s3.endpoint(), "--path-style", "--region",
                S3ProxyServer.REGION, "--s3-checksums", checksums, "--allow-unencrypted", "--credentials-stdin");
    }

    private Cli desk() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }

    private static JsonNode json(Cli.Run run) throws IOException {
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        return Json.mapper().readTree(run.out());
    }
}

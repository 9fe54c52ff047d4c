package io.backupdesk.offsite;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.store.Json;
import io.backupdesk.store.SecureFiles;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.OpenSshServer;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies to the real OpenSSH server through the command line: the host key trusted by its fingerprint, an encrypted
 * backup copied there, found by a second desk and restored from there with the key, equal in rows and schema.
 */
@ExtendWith(PostgresServerExtension.class)
class SftpCopiesIT {
    @TempDir
    Path dir;
    private OpenSshServer ssh;

    @BeforeEach
    void startServer() throws Exception {
        ssh = OpenSshServer.start(Files.createDirectories(dir.resolve("sshd")));
    }

    @AfterEach
    void stopServer() throws Exception {
        ssh.close();
    }

    @Test
    void anEncryptedBackupGoesToTheSftpServerAndASecondDeskRestoresItFromThere(TestServer server) throws Exception {
        String db = Fixtures.shopWithProfile(server, desk());
        Path remote = Files.createDirectories(dir.resolve("remote"));
        String url = ssh.url(remote);
        assertThat(desk().run("keys", "generate", "office").code()).isZero();
        assertThat(desk().run("destinations", "add", "offsite", "--url", url, "--identity-file",
                ssh.clientKey().toString()).code()).isZero();

        Cli.Run untrusted = desk().run("destinations", "test", "offsite");
        Cli.Run wrongPrint = desk().run("destinations", "trust", "offsite", "--fingerprint", "SHA256:not-it");
        Cli.Run trusted = desk().run("destinations", "trust", "offsite", "--fingerprint", ssh.hostKeyFingerprint());
        Cli.Run tested = desk().run("destinations", "test", "offsite");
        Cli.Run plain = desk().run("backup", "prod", "--copy-to", "offsite", "--json");
        JsonNode backup = json(desk().run("backup", "prod", "--copy-to", "offsite", "--encrypt-to", "office", "--json"));

        assertThat(untrusted.code()).isNotZero();
        assertThat(untrusted.err()).contains(ssh.hostKeyFingerprint());
        assertThat(wrongPrint.code()).isNotZero();
        assertThat(trusted.code()).as(trusted.out() + trusted.err()).isZero();
        assertThat(tested.code()).as(tested.err()).isZero();
        assertThat(json(plain).get("copies").get(0).get("status").asText())
                .as("an sftp destination takes only encrypted backups unless told otherwise").isEqualTo("failed");
        JsonNode copy = backup.get("copies").get(0);
        assertThat(copy.get("status").asText()).as(copy.toString()).isEqualTo("ok");
        assertThat(copy.get("sha256").asText()).isEqualTo(backup.get("sha256").asText());
        assertThat(Fixtures.filesEndingWith(remote, ".dump.age")).hasSize(1);
        assertThat(Fixtures.filesEndingWith(remote, ".dump")).as("the unencrypted backup never left").isEmpty();

        Path key = dir.resolve("config/keys/office.key");
        SecureFiles.deleteRecursively(dir.resolve("backups"));
        Cli second = new Cli(dir.resolve("config2"), dir.resolve("backups2"));
        second.addProfile(server, "prod", db);
        assertThat(second.run("destinations", "add", "offsite", "--url", url, "--identity-file",
                ssh.clientKey().toString()).code()).isZero();
        assertThat(second.run("destinations", "trust", "offsite", "--fingerprint", ssh.hostKeyFingerprint()).code())
                .isZero();
        Cli.Run synced = second.run("catalog", "sync", "offsite");
        String target = server.reserveName();
        Cli.Run withoutKey = second.run("restore", backup.get("id").asText(), "--target", "prod", "--database",
                target, "--mode", "new-database");
        Cli.Run restored = second.run("restore", backup.get("id").asText(), "--target", "prod", "--database", target,
                "--mode", "new-database", "--identity", key.toString());

        assertThat(synced.code()).as(synced.err()).isZero();
        assertThat(withoutKey.code()).isNotZero();
        assertThat(withoutKey.err()).contains("age1");
        assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
        assertThat(PgTools.rowCounts(server, target)).isEqualTo(PgTools.rowCounts(server, db));
        assertThat(PgTools.schema(server, target).replace(target, "DB")).isEqualTo(PgTools.schema(server, db).replace(db, "DB"));
    }

    @Test
    void aCopyToAServerNotYetTrustedWaitsAndGoesOnceItsKeyIsTrusted(TestServer server) throws Exception {
        Fixtures.shopWithProfile(server, desk());
        Path remote = Files.createDirectories(dir.resolve("remote"));
        assertThat(desk().run("destinations", "add", "offsite", "--url", ssh.url(remote), "--identity-file",
                ssh.clientKey().toString(), "--allow-unencrypted").code()).isZero();

        JsonNode backup = json(desk().run("backup", "prod", "--copy-to", "offsite", "--json"));
        JsonNode pending = backup.get("copies").get(0);
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("error").asText()).contains(ssh.hostKeyFingerprint());
        assertThat(Path.of(backup.get("path").asText())).as("the local backup is intact").exists();
        try (var files = Files.walk(remote)) {
            assertThat(files.filter(Files::isRegularFile)).as("nothing was sent to an unchecked server").isEmpty();
        }

        assertThat(desk().run("destinations", "trust", "offsite", "--fingerprint", ssh.hostKeyFingerprint()).code())
                .isZero();
        Cli.Run retried = desk().run("copies", "retry", "--destination", "offsite");

        assertThat(retried.code()).as(retried.out() + retried.err()).isZero();
        assertThat(json(desk().run("copies", backup.get("id").asText(), "--json")).get(0).get("status").asText())
                .isEqualTo("ok");
        assertThat(Fixtures.filesEndingWith(remote, ".backup.json")).hasSize(1);
    }

    private Cli desk() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }

    private static JsonNode json(Cli.Run run) throws IOException {
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        return Json.mapper().readTree(run.out());
    }
}

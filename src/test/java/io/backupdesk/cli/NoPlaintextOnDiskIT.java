package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PlaintextSearch;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An encrypted backup never puts the data in plaintext on disk, nor a secret in a file or a command line: a known
 * string in the rows is searched for in the backup root, the configuration folder and the temporary folder while the
 * backup runs and after it, and the process list is watched for the secret key and the passphrase. Compression is off,
 * so that any plaintext that did reach the disk would be found. The same holds while such a backup is restored, in
 * every format, except for parallel workers, which read a decrypted copy that is removed afterwards.
 */
@ExtendWith(PostgresServerExtension.class)
class NoPlaintextOnDiskIT {
    @TempDir
    Path dir;

    @Test
    void neitherTheRowsNorASecretAreEverOnDiskOrInTheProcessListDuringAnEncryptedBackup(TestServer server)
            throws Exception {
        String canary = "canary-" + UUID.randomUUID();
        String db = server.createDatabase();
        server.execute(db, "create table notes as select g as id, '" + canary + "' || g as body"
                + " from generate_series(1, 400000) g");
        new Cli(dir.resolve("config"), dir.resolve("backups")).addProfile(server, "prod", db);
        assertThat(cli("", "keys", "generate", "office").code()).isZero();
        String secretKey = Files.readAllLines(dir.resolve("config/keys/office.key")).stream()
                .filter(l -> l.startsWith("AGE-SECRET-KEY-")).findFirst().orElseThrow();
        String passphrase = "passphrase-" + UUID.randomUUID();

        PlaintextSearch control = new PlaintextSearch(canary, List.of(secretKey, passphrase), roots());
        Cli.Run plain = control.during(() -> cli("", "backup", "prod", "--compress", "0", "--label", "control"));
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(control.filesHolding()).as("the search finds the rows in an unencrypted backup").isNotEmpty();
        JsonNode controlBackup = Json.mapper().readTree(cli("", "list", "--json").out()).get(0);
        Files.delete(Path.of(controlBackup.get("path").asText()));

        PlaintextSearch search = new PlaintextSearch(canary, List.of(secretKey, passphrase), roots());
        Cli.Run toKey = search.during(() -> cli("", "backup", "prod", "--compress", "0", "--encrypt-to", "office", "--globals"));
        Cli.Run withPassphrase = search.during(() -> cli(passphrase + "\n", "backup", "prod", "--format", "plain",
                "--compress", "0", "--passphrase-stdin", "--globals"));

        assertThat(toKey.code()).as(toKey.err()).isZero();
        assertThat(withPassphrase.code()).as(withPassphrase.err()).isZero();
        assertThat(search.scans()).as("searched while the backups ran").isGreaterThan(2);
        assertThat(search.filesHolding()).as("plaintext rows on disk").isEmpty();
        assertThat(search.commandLinesHolding()).as("a secret in the process list").isEmpty();
        search.scanOnce();
        assertThat(search.filesHolding()).as("plaintext rows on disk after the backups").isEmpty();
        assertThat(search.filesHoldingSecrets()).as("a secret in a file other than the key file").isEmpty();
    }

    @Test
    void noRowOfAnEncryptedBackupReachesTheDiskWhileItIsRestoredUnlessParallelWorkersAskForACopy(TestServer server)
            throws Exception {
        String canary = "canary-" + UUID.randomUUID();
        String db = server.createDatabase();
        server.execute(db, "create table notes as select g as id, '" + canary + "' || g as body"
                + " from generate_series(1, 300000) g");
        new Cli(dir.resolve("config"), dir.resolve("backups")).addProfile(server, "prod", db);
        assertThat(cli("", "keys", "generate", "office").code()).isZero();
        String secretKey = Files.readAllLines(dir.resolve("config/keys/office.key")).stream()
                .filter(l -> l.startsWith("AGE-SECRET-KEY-")).findFirst().orElseThrow();
        String custom = backUp("--compress", "0", "--encrypt-to", "office");
        List<String> backups = List.of(custom, backUp("--format", "tar", "--encrypt-to", "office"),
                backUp("--format", "plain", "--compress", "0", "--encrypt-to", "office"));
        Path copies = dir.resolve("config/runs/decrypted");

        PlaintextSearch search = new PlaintextSearch(canary, List.of(secretKey), roots());
        List<String> targets = new ArrayList<>();
        for (String id : backups) {
            String target = server.reserveName();
            targets.add(target);
            Cli.Run restored = search.during(() -> cli("", "restore", id, "--target", "prod", "--database", target,
                    "--mode", "new-database"));
            assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
        }
        Cli.Run verified = search.during(() -> cli("", "verify", custom));

        assertThat(verified.code()).as(verified.out() + verified.err()).isZero();
        assertThat(search.scans()).as("searched while the restores ran").isGreaterThan(4);
        assertThat(search.filesHolding()).as("plaintext rows on disk during a restore").isEmpty();
        search.scanOnce();
        assertThat(search.filesHolding()).as("plaintext rows on disk after the restores").isEmpty();
        assertThat(search.filesHoldingSecrets()).as("a secret in a file other than the key file").isEmpty();
        assertThat(copies).as("no decrypted copy was made").doesNotExist();
        for (String target : targets) {
            assertThat(PgTools.rowCounts(server, target)).containsEntry("public.notes", 300_000L);
        }

        // the control: parallel workers read a decrypted copy, which the same search finds while it is there
        PlaintextSearch control = new PlaintextSearch(canary, List.of(secretKey), roots());
        String parallel = server.reserveName();
        Cli.Run restored = control.during(() -> cli("", "restore", custom, "--target", "prod", "--database", parallel,
                "--mode", "new-database", "--jobs", "2"));

        assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
        assertThat(control.filesHolding()).as("the search finds the copy parallel workers read").isNotEmpty()
                .allMatch(file -> file.startsWith(copies));
        try (Stream<Path> left = Files.list(copies)) {
            assertThat(left).as("the copy is removed afterwards").isEmpty();
        }
        assertThat(PgTools.rowCounts(server, parallel)).containsEntry("public.notes", 300_000L);
    }

    private String backUp(String... options) throws IOException {
        Cli.Run run = cli("", Stream.concat(Stream.of("backup", "prod", "--json"), Arrays.stream(options))
                .toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        return Json.mapper().readTree(run.out()).get("id").asText();
    }

    private List<Path> roots() {
        return List.of(dir.resolve("backups"), dir.resolve("config"));
    }

    private Cli.Run cli(String stdin, String... args) {
        return new Cli(dir.resolve("config"), dir.resolve("backups")).withInput(stdin, args);
    }
}

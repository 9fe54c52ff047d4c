package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An encrypted backup never puts the data in plaintext on disk, nor a secret in a file or a command line: a known
 * string in the rows is searched for in the backup root, the configuration folder and the temporary folder while the
 * backup runs and after it, and the process list is watched for the secret key and the passphrase. Compression is off,
 * so that any plaintext that did reach the disk would be found.
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

        Search control = new Search(canary, List.of(secretKey, passphrase));
        Cli.Run plain = control.during(() -> cli("", "backup", "prod", "--compress", "0", "--label", "control"));
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(control.filesHolding()).as("the search finds the rows in an unencrypted backup").isNotEmpty();
        JsonNode controlBackup = Json.mapper().readTree(cli("", "list", "--json").out()).get(0);
        Files.delete(Path.of(controlBackup.get("path").asText()));

        Search search = new Search(canary, List.of(secretKey, passphrase));
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

    /** Looks for the rows and the secrets, over and over while a command runs. */
    private final class Search {
        private final byte[] canary;
        private final List<byte[]> secrets;
        private final Set<Path> holding = ConcurrentHashMap.newKeySet();
        private final Set<Path> holdingSecrets = ConcurrentHashMap.newKeySet();
        private final List<String> commandLines = Collections.synchronizedList(new ArrayList<>());
        private final Instant since = Instant.now();
        private int scans;

        Search(String canary, List<String> secrets) {
            this.canary = canary.getBytes(StandardCharsets.UTF_8);
            this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        }

        Cli.Run during(Supplier<Cli.Run> command) throws InterruptedException {
            AtomicBoolean done = new AtomicBoolean();
            Thread watcher = new Thread(() -> {
                while (!done.get()) {
                    scanOnce();
                }
            });
            watcher.start();
            try {
                return command.get();
            } finally {
                done.set(true);
                watcher.join();
            }
        }

        void scanOnce() {
            scans++;
            for (Path root : List.of(dir.resolve("backups"), dir.resolve("config"))) {
                files(root, true).forEach(this::check);
            }
            // the temporary folder's own files only: below it may be a server's data folder, which holds the rows
            files(Path.of(System.getProperty("java.io.tmpdir")), false).filter(this::recent).forEach(this::check);
            commandLines();
        }

        private void check(Path file) {
            byte[] content;
            try {
                if (Files.size(file) > (256L << 20)) {
                    return;
                }
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                return;
            }
            if (indexOf(content, canary) >= 0) {
                holding.add(file);
            }
            if (!file.getFileName().toString().endsWith(".key") && secrets.stream().anyMatch(s -> indexOf(content, s) >= 0)) {
                holdingSecrets.add(file);
            }
        }

        private void commandLines() {
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                    try {
                        byte[] line = Files.readAllBytes(p.resolve("cmdline"));
                        if (secrets.stream().anyMatch(s -> indexOf(line, s) >= 0)) {
                            commandLines.add(new String(line, StandardCharsets.UTF_8).replace('\0', ' '));
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile
                    }
                });
            } catch (IOException e) {
                // no /proc: nothing to watch here
            }
        }

        private boolean recent(Path file) {
            try {
                return Files.getLastModifiedTime(file).toInstant().isAfter(since.minusSeconds(1));
            } catch (IOException e) {
                return false;
            }
        }

        private Stream<Path> files(Path root, boolean deep) {
            if (!Files.isDirectory(root)) {
                return Stream.empty();
            }
            List<Path> found = new ArrayList<>();
            try (Stream<Path> walk = deep ? Files.walk(root) : Files.list(root)) {
                walk.filter(Files::isRegularFile).forEach(found::add);
            } catch (IOException | RuntimeException e) {
                // a file went away while we looked: the next scan sees the folder as it is then
            }
            return found.stream();
        }

        Set<Path> filesHolding() {
            return holding;
        }

        Set<Path> filesHoldingSecrets() {
            return holdingSecrets;
        }

        List<String> commandLinesHolding() {
            return commandLines;
        }

        int scans() {
            return scans;
        }
    }

    private static int indexOf(byte[] content, byte[] wanted) {
        outer:
        for (int i = 0; i <= content.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (content[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Cli.Run cli(String stdin, String... args) {
        return new Cli(dir.resolve("config"), dir.resolve("backups")).withInput(stdin, args);
    }
}

import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.backup.ArchiveEncryption;
import io.backupdesk.backup.BackupService;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Our default backup where the desktop app and the scheduler run it: in a JVM that is already running, so the start
 * of the command line is not part of it. Alternates, in one process, the raw pg_dump command it is given with the
 * engine's default backup of PROFILE (no read-back, as c in backup.sh), after one untimed round of each. Given a KEY
 * (a stored key's name or an age1… public key), also the same backup encrypted to it, as g in backup.sh: without the
 * start of a JVM, what is left of g − c is the encryption itself.
 *
 *   java -cp target/backupdesk.jar bench/InProcessBackup.java CONFIG_DIR BACKUP_ROOT PROFILE ROUNDS OUT [KEY] -- PG_DUMP ARGS...
 *
 * The raw command writes to OUT; all outputs are deleted after each run. Prints a line per round on stderr and the
 * result on stdout: "medians: raw R s, engine E s" and, with a KEY, ", encrypted G s".
 */
public final class InProcessBackup {
    public static void main(String[] args) throws Exception {
        int separator = Arrays.asList(args).indexOf("--");
        if (separator < 5 || separator > 6 || args.length < separator + 2) {
            System.err.println("usage: CONFIG_DIR BACKUP_ROOT PROFILE ROUNDS OUT [KEY] -- PG_DUMP ARGS...");
            System.exit(2);
        }
        Path backupRoot = Path.of(args[1]);
        Engine engine = new Engine(AppPaths.resolve(Path.of(args[0]), System.getenv(), System.getProperty("os.name"),
                Path.of(System.getProperty("user.home"))), backupRoot, System.err::println);
        ConnectionProfile profile = engine.profiles().require(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        // resolved once, as the desktop resolves a connection's keys when it starts a backup
        Optional<ArchiveEncryption> encryption = separator == 6
                ? Optional.of(engine.encryptionKeys().forBackup(List.of(args[5]), null).orElseThrow())
                : Optional.empty();
        List<String> raw = List.of(Arrays.copyOfRange(args, separator + 1, args.length));

        List<Double> rawTimes = new ArrayList<>();
        List<Double> engineTimes = new ArrayList<>();
        List<Double> encryptedTimes = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            double r = seconds(() -> runRaw(raw));
            deleteTree(out);
            double e = seconds(() -> backUp(engine, profile, null));
            deleteTree(backupRoot);
            double g = encryption.isEmpty() ? 0 : seconds(() -> backUp(engine, profile, encryption.get()));
            deleteTree(backupRoot);
            // round 0 warms the JIT and the caches, as a running app has them warm
            if (round > 0) {
                rawTimes.add(r);
                engineTimes.add(e);
                encryptedTimes.add(g);
                System.err.printf("round %d: raw %.2f s, engine %.2f s%s%n", round, r, e,
                        encryption.isEmpty() ? "" : String.format(", encrypted %.2f s", g));
            }
        }
        System.out.printf("medians: raw %.3f s, engine %.3f s%s%n", median(rawTimes), median(engineTimes),
                encryption.isEmpty() ? "" : String.format(", encrypted %.3f s", median(encryptedTimes)));
    }

    private static void backUp(Engine engine, ConnectionProfile profile, ArchiveEncryption encryption) {
        engine.backups().backup(new BackupService.Request(profile, BackupOptions.defaults(), BackupRecord.ORIGIN_MANUAL,
                Optional.empty(), false, false, encryption), Progress.NONE, new Cancellation());
    }

    private static void runRaw(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("failed: " + String.join(" ", command));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double seconds(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteTree(Path path) throws Exception {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}

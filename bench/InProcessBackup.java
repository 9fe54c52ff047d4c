import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
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
 * engine's default backup of PROFILE (no read-back, as c in backup.sh), after one untimed round of each.
 *
 *   java -cp target/backupdesk.jar bench/InProcessBackup.java CONFIG_DIR BACKUP_ROOT PROFILE ROUNDS OUT -- PG_DUMP ARGS...
 *
 * The raw command writes to OUT; both outputs are deleted after each run. Prints a line per round on stderr and the
 * result on stdout: "medians: raw R s, engine E s".
 */
public final class InProcessBackup {
    public static void main(String[] args) throws Exception {
        int separator = Arrays.asList(args).indexOf("--");
        if (args.length < 7 || separator != 5) {
            System.err.println("usage: CONFIG_DIR BACKUP_ROOT PROFILE ROUNDS OUT -- PG_DUMP ARGS...");
            System.exit(2);
        }
        Path backupRoot = Path.of(args[1]);
        Engine engine = new Engine(AppPaths.resolve(Path.of(args[0]), System.getenv(), System.getProperty("os.name"),
                Path.of(System.getProperty("user.home"))), backupRoot, System.err::println);
        ConnectionProfile profile = engine.profiles().require(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        List<String> raw = List.of(Arrays.copyOfRange(args, 6, args.length));

        List<Double> rawTimes = new ArrayList<>();
        List<Double> engineTimes = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            double r = seconds(() -> runRaw(raw));
            deleteTree(out);
            double e = seconds(() -> engine.backups().backup(
                    new BackupService.Request(profile, BackupOptions.defaults(), BackupRecord.ORIGIN_MANUAL,
                            Optional.empty()), Progress.NONE, new Cancellation()));
            deleteTree(backupRoot);
            // round 0 warms the JIT and the caches, as a running app has them warm
            if (round > 0) {
                rawTimes.add(r);
                engineTimes.add(e);
                System.err.printf("round %d: raw %.2f s, engine %.2f s%n", round, r, e);
            }
        }
        System.out.printf("medians: raw %.3f s, engine %.3f s%n", median(rawTimes), median(engineTimes));
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

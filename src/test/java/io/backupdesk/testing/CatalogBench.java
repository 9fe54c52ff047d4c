package io.backupdesk.testing;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.core.JobRun;
import io.backupdesk.stats.StatsService;
import io.backupdesk.store.JobHistory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times what the desktop does with a large catalog: scanning the sidecars, reading the history, and computing the
 * dashboard's numbers. Run by {@code bench/catalog.sh}; prints medians, asserts nothing.
 *
 * <p>Usage: {@code CatalogBench FOLDER BACKUPS ROUNDS}
 */
public final class CatalogBench {
    private CatalogBench() { }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int backups = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Path config = folder.resolve("config");
        Path root = folder.resolve("backups");
        if (!Files.exists(config.resolve("history.jsonl"))) {
            System.out.printf("Generating %,d backups over 400 days in %s...%n", backups, folder);
            CatalogGenerator.generate(config, root, backups, 400, Instant.now());
        }
        BackupCatalog catalog = new BackupCatalog(new BackupLayout(root), w -> { });
        JobHistory history = new JobHistory(config, w -> { });
        StatsService stats = new StatsService(Clock.systemDefaultZone());
        List<Double> scans = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        List<Double> computes = new ArrayList<>();
        List<Double> lists = new ArrayList<>();
        List<Double> filters = new ArrayList<>();
        int found = 0;
        int runs = 0;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            List<BackupCatalog.Entry> entries = catalog.scan();
            long t1 = System.nanoTime();
            List<JobRun> all = history.readAll();
            long t2 = System.nanoTime();
            stats.compute(entries, all, Duration.ofHours(26), -1);
            long t3 = System.nanoTime();
            io.backupdesk.ui.backups.BackupsViewModel list = new io.backupdesk.ui.backups.BackupsViewModel(
                    new ScanOnly(catalog), new io.backupdesk.ui.SyncTaskRunner());
            long t4 = System.nanoTime();
            list.refresh();
            long t5 = System.nanoTime();
            list.filterTextProperty().set("billing verified");
            long t6 = System.nanoTime();
            if (list.shown().isEmpty()) {
                throw new IllegalStateException("the filter found nothing");
            }
            lists.add((t5 - t4) / 1e6);
            filters.add((t6 - t5) / 1e6);
            scans.add((t1 - t0) / 1e6);
            reads.add((t2 - t1) / 1e6);
            computes.add((t3 - t2) / 1e6);
            found = entries.size();
            runs = all.size();
        }
        System.out.printf(Locale.ROOT, "%,d backups in the catalog, %,d runs in the history, %d rounds (the first is cold)%n",
                found, runs, rounds);
        report("scan the catalog (read every sidecar)", scans, 1000);
        report("read the job history", reads, -1);
        report("compute the dashboard's numbers", computes, 100);
        report("open the backup list (scan, rows, texts)", lists, 1000);
        report("filter the list by two words", filters, -1);
    }

    /** The backup list's operations for reading only. */
    private record ScanOnly(BackupCatalog catalog) implements io.backupdesk.ui.backups.CatalogOperations {
        @Override
        public List<BackupCatalog.Entry> scan() {
            return catalog.scan();
        }

        @Override
        public BackupCatalog.Entry verify(BackupCatalog.Entry entry, io.backupdesk.core.Progress progress,
                                          io.backupdesk.core.Cancellation cancel) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public BackupCatalog.Entry setPinned(BackupCatalog.Entry entry, boolean pinned) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public void delete(BackupCatalog.Entry entry) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public BackupCatalog.Entry importDump(Path file, String profile) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public List<String> profileNames() {
            return List.of();
        }

        @Override
        public JobLog jobLog(String backupId) {
            return new JobLog(null, List.of());
        }
    }

    private static void report(String what, List<Double> millis, double targetMillis) {
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(Double::compare);
        double median = sorted.get(sorted.size() / 2);
        String verdict = targetMillis < 0 ? "" : String.format(Locale.ROOT, "   target < %.0f ms   %s", targetMillis,
                median < targetMillis ? "ok" : "MISSED");
        System.out.printf(Locale.ROOT, "%-40s median %8.1f ms   first %8.1f ms%s%n", what, median, millis.get(0), verdict);
    }
}

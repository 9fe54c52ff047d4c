package io.backupdesk.restore;

import io.backupdesk.core.Progress;
import io.backupdesk.core.ProgressUpdate;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns pg_restore's verbose lines into percent, ETA and the current object. Rows weigh most: a table's data counts
 * with the rows the backup recorded for it, in part while the server reports them copied ({@link CopyWatch}) and
 * whole once pg_restore has finished it; object definitions count by number.
 * For plain SQL, which says nothing while it runs, the fraction is the share of the file read. Reports at most five
 * times a second; thread-safe.
 */
final class RestoreProgress {
    private static final Pattern SERIAL_DATA = Pattern.compile("processing data for table \"([^\"]+)\"");
    private static final Pattern PARALLEL_DONE = Pattern.compile("finished item \\d+ TABLE DATA (\\S+) (.+)$");
    private static final Pattern ACTIVITY = Pattern.compile("pg_restore: (creating|processing|launching item) (.+)$");
    private static final double DATA_SHARE = 0.8;
    private static final long MIN_INTERVAL_NANOS = 200_000_000L;

    private final Progress progress;
    private final int totalItems;
    private final Map<String, Long> rowsByTable;
    private final long totalRows;
    private final long startedNanos = System.nanoTime();
    private final Set<String> doneTables = new HashSet<>();
    private final Map<String, Long> copying = new HashMap<>();
    private long doneRows;
    private int items;
    private String serialTable;
    private String current = "Starting";
    private long lastReport;

    /**
     * @param rowsByTable rows of each table the backup holds, by "schema.name"
     */
    RestoreProgress(Progress progress, int totalItems, Map<String, Long> rowsByTable) {
        this.progress = progress;
        this.totalItems = Math.max(1, totalItems);
        this.rowsByTable = Map.copyOf(rowsByTable);
        this.totalRows = rowsByTable.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized void line(String line) {
        Matcher m;
        boolean dataStarts = false;
        if ((m = SERIAL_DATA.matcher(line)).find()) {
            finish(serialTable);
            serialTable = m.group(1);
            dataStarts = true;
        } else if ((m = PARALLEL_DONE.matcher(line)).find()) {
            finish(m.group(1) + "." + m.group(2).trim());
        } else if (line.contains("creating ") && serialTable != null) {
            finish(serialTable);
            serialTable = null;
        }
        if ((m = ACTIVITY.matcher(line)).find()) {
            items++;
            current = m.group(2).replace("TABLE DATA", "data of").trim();
            dataStarts |= line.contains("TABLE DATA");
        }
        // a table's data can take long with no line at all, so its start is always reported
        report(dataStarts);
    }

    /**
     * Rows the server reports copied so far, by table. A table's COPY leaves the server's view when it ends, before
     * pg_restore may say so: the highest count seen is kept, so progress never goes back.
     */
    synchronized void copied(Map<String, Long> rowsByTable) {
        rowsByTable.forEach((table, rows) -> copying.merge(table, rows, Math::max));
        report(false);
    }

    private void finish(String table) {
        if (table != null && doneTables.add(table)) {
            doneRows += rowsByTable.getOrDefault(table, 0L);
        }
    }

    private double fraction() {
        double itemsShare = Math.min(1, (double) items / totalItems);
        if (totalRows == 0) {
            return itemsShare;
        }
        long inFlight = 0;
        for (Map.Entry<String, Long> e : copying.entrySet()) {
            if (!doneTables.contains(e.getKey())) {
                inFlight += Math.min(e.getValue(), rowsByTable.getOrDefault(e.getKey(), 0L));
            }
        }
        return (1 - DATA_SHARE) * itemsShare + DATA_SHARE * Math.min(1, (double) (doneRows + inFlight) / totalRows);
    }

    /** Plain SQL: the share of the file psql has been fed. */
    static Runnable forBytes(Progress progress, LongSupplier read, long total, String what) {
        long started = System.nanoTime();
        return () -> {
            double fraction = total <= 0 ? -1 : Math.min(1, (double) read.getAsLong() / total);
            progress.report(new ProgressUpdate(fraction, what, read.getAsLong(), eta(started, fraction)));
        };
    }

    synchronized void report(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastReport < MIN_INTERVAL_NANOS) {
            return;
        }
        lastReport = now;
        double fraction = fraction();
        progress.report(new ProgressUpdate(fraction, current, 0, eta(startedNanos, fraction)));
    }

    private static Duration eta(long startedNanos, double fraction) {
        if (fraction <= 0.02) {
            return null;
        }
        long elapsed = System.nanoTime() - startedNanos;
        return Duration.ofNanos((long) (elapsed * (1 - fraction) / fraction));
    }
}

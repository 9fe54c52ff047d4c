package io.backupdesk.backup;

import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.pg.TableInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Estimates how far pg_dump is, from its verbose messages and the server's COPY progress, weighting each table by its
 * size on disk. Sequentially, a table is done when the next one starts; in parallel mode when pg_dump reports its
 * item finished. Thread-safe: stderr, the progress poller and the reporter call it from different threads.
 */
final class DumpProgress {
    private static final Pattern STARTED = Pattern.compile("dumping contents of table \"(.+)\"\\s*$");
    private static final Pattern FINISHED = Pattern.compile("finished item \\d+ TABLE DATA (.+)$");

    private final Map<String, TableInfo> byName = new HashMap<>();
    private final Map<String, TableInfo> inFlight = new LinkedHashMap<>();
    private final Map<Long, Long> copiedRows = new HashMap<>();
    private final boolean parallel;
    private final long totalBytes;
    private long doneBytes;
    private long dataStartNanos;
    private boolean finishing;

    DumpProgress(List<TableInfo> tables, boolean parallel) {
        tables.forEach(t -> byName.put(t.qualifiedName(), t));
        this.parallel = parallel;
        this.totalBytes = tables.stream().mapToLong(t -> Math.max(1, t.sizeBytes())).sum();
    }

    synchronized void onStderr(String line) {
        Matcher started = STARTED.matcher(line);
        if (started.find()) {
            if (!parallel) {
                finishAllInFlight();
            }
            if (dataStartNanos == 0) {
                dataStartNanos = System.nanoTime();
            }
            TableInfo table = byName.get(started.group(1));
            if (table != null) {
                inFlight.put(table.qualifiedName(), table);
            }
            return;
        }
        Matcher finished = FINISHED.matcher(line);
        if (finished.find()) {
            String name = finished.group(1).trim();
            inFlight.values().stream()
                    .filter(t -> t.name().equals(name) || t.qualifiedName().equals(name))
                    .findFirst()
                    .ifPresent(this::finish);
        }
    }

    synchronized void onCopyProgress(Map<Long, Long> rowsByOid) {
        copiedRows.clear();
        copiedRows.putAll(rowsByOid);
    }

    /** All data is written; pg_dump is finishing the archive. */
    synchronized void dataDone() {
        finishAllInFlight();
        finishing = true;
    }

    synchronized ProgressUpdate snapshot(long bytesWritten) {
        if (totalBytes == 0 || byName.isEmpty()) {
            return new ProgressUpdate(-1, finishing ? "Finishing the archive" : "Dumping the schema", bytesWritten, null);
        }
        double running = 0;
        for (TableInfo t : inFlight.values()) {
            Long rows = copiedRows.get(t.oid());
            if (rows != null && t.estimatedRows() > 0) {
                running += Math.max(1, t.sizeBytes()) * Math.min(0.99, (double) rows / t.estimatedRows());
            }
        }
        double fraction = Math.min(0.99, (doneBytes + running) / totalBytes);
        String current = inFlight.isEmpty()
                ? (dataStartNanos == 0 ? "Reading the database schema" : "Writing the archive")
                : String.join(", ", new ArrayList<>(inFlight.keySet()));
        return new ProgressUpdate(fraction, current, bytesWritten, eta(fraction));
    }

    private Duration eta(double fraction) {
        if (dataStartNanos == 0 || fraction < 0.02) {
            return null;
        }
        long elapsed = System.nanoTime() - dataStartNanos;
        return Duration.ofNanos((long) (elapsed * (1 - fraction) / fraction));
    }

    private void finishAllInFlight() {
        new ArrayList<>(inFlight.values()).forEach(this::finish);
    }

    private void finish(TableInfo table) {
        if (inFlight.remove(table.qualifiedName()) != null) {
            doneBytes += Math.max(1, table.sizeBytes());
        }
    }
}

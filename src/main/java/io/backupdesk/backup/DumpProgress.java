package io.backupdesk.backup;

import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.pg.TableInfo;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Estimates how far pg_dump is, from its verbose messages and the server's COPY progress, weighting each table by its
 * size on disk. Sequentially, a table is done when the next one starts; in parallel mode when pg_dump reports its item
 * finished. The table list may arrive after pg_dump started: names are tracked, sizes looked up when reporting.
 * Thread-safe: stderr, the progress poller, the snapshot thread and the reporter call it from different threads.
 */
final class DumpProgress {
    private static final Pattern STARTED = Pattern.compile("dumping contents of table \"(.+)\"\\s*$");
    private static final Pattern FINISHED = Pattern.compile("finished item \\d+ TABLE DATA (.+)$");

    private final Map<String, TableInfo> byName = new HashMap<>();
    private final Set<String> inFlight = new LinkedHashSet<>();
    private final Set<String> done = new LinkedHashSet<>();
    private final Map<Long, Long> copiedRows = new HashMap<>();
    private final boolean parallel;
    private boolean tablesKnown;
    private long dataStartNanos;
    private boolean finishing;

    DumpProgress(boolean parallel) {
        this.parallel = parallel;
    }

    /** The tables pg_dump dumps, with their sizes; until then the fraction is unknown. */
    synchronized void tablesKnown(List<TableInfo> tables) {
        tables.forEach(t -> byName.put(t.qualifiedName(), t));
        tablesKnown = true;
    }

    synchronized void onStderr(String line) {
        Matcher started = STARTED.matcher(line);
        if (started.find()) {
            if (!parallel) {
                done.addAll(inFlight);
                inFlight.clear();
            }
            if (dataStartNanos == 0) {
                dataStartNanos = System.nanoTime();
            }
            inFlight.add(started.group(1));
            return;
        }
        Matcher finished = FINISHED.matcher(line);
        if (finished.find()) {
            String name = finished.group(1).trim();
            inFlight.stream().filter(q -> q.equals(name) || q.endsWith("." + name)).findFirst().ifPresent(q -> {
                inFlight.remove(q);
                done.add(q);
            });
        }
    }

    /**
     * The server's rows copied so far per table. A table whose COPY just ended drops out of the server's view before
     * pg_dump names the next one, so the highest count seen is kept: progress never goes back.
     */
    synchronized void onCopyProgress(Map<Long, Long> rowsByOid) {
        rowsByOid.forEach((oid, rows) -> copiedRows.merge(oid, rows, Math::max));
    }

    /** All data is written; pg_dump is finishing the archive. */
    synchronized void dataDone() {
        done.addAll(inFlight);
        inFlight.clear();
        finishing = true;
    }

    synchronized ProgressUpdate snapshot(long bytesWritten) {
        long total = byName.values().stream().mapToLong(DumpProgress::weight).sum();
        String current = inFlight.isEmpty()
                ? (finishing || dataStartNanos != 0 ? "Writing the archive" : "Reading the database schema")
                : String.join(", ", inFlight);
        if (!tablesKnown || total == 0) {
            return new ProgressUpdate(-1, current, bytesWritten, null);
        }
        double doneBytes = done.stream().map(byName::get).filter(Objects::nonNull).mapToLong(DumpProgress::weight).sum();
        double running = 0;
        for (TableInfo t : inFlight.stream().map(byName::get).filter(Objects::nonNull).toList()) {
            Long rows = copiedRows.get(t.oid());
            if (rows != null && t.estimatedRows() > 0) {
                running += weight(t) * Math.min(0.99, (double) rows / t.estimatedRows());
            }
        }
        double fraction = Math.min(0.99, (doneBytes + running) / total);
        return new ProgressUpdate(fraction, current, bytesWritten, eta(fraction));
    }

    private static long weight(TableInfo table) {
        return Math.max(1, table.sizeBytes());
    }

    private Duration eta(double fraction) {
        if (dataStartNanos == 0 || fraction < 0.02) {
            return null;
        }
        long elapsed = System.nanoTime() - dataStartNanos;
        return Duration.ofNanos((long) (elapsed * (1 - fraction) / fraction));
    }
}

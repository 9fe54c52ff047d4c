package io.backupdesk.core;

import java.time.Duration;
import java.util.List;

/**
 * What to dump and how. Patterns follow pg_dump's {@code -n/-N/-t/-T} rules.
 *
 * @param jobs            parallel pg_dump workers; only the directory format can use more than one
 * @param timeout         the whole run is cancelled after this; null for no limit
 * @param lockWaitTimeout pg_dump gives up instead of queueing behind an exclusive lock for longer than this
 */
public record BackupOptions(BackupFormat format, Compression compression, int jobs,
                            List<String> schemas, List<String> excludeSchemas,
                            List<String> tables, List<String> excludeTables,
                            DumpScope scope, boolean globals, String label,
                            Duration timeout, Duration lockWaitTimeout) {

    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(1);

    public BackupOptions {
        format = format == null ? BackupFormat.CUSTOM : format;
        compression = compression == null ? Compression.DEFAULT : compression;
        schemas = List.copyOf(schemas == null ? List.of() : schemas);
        excludeSchemas = List.copyOf(excludeSchemas == null ? List.of() : excludeSchemas);
        tables = List.copyOf(tables == null ? List.of() : tables);
        excludeTables = List.copyOf(excludeTables == null ? List.of() : excludeTables);
        scope = scope == null ? DumpScope.ALL : scope;
        lockWaitTimeout = lockWaitTimeout == null ? DEFAULT_LOCK_WAIT : lockWaitTimeout;
        if (jobs <= 0) {
            jobs = format == BackupFormat.DIRECTORY ? defaultJobs() : 1;
        }
        if (jobs > 1 && format != BackupFormat.DIRECTORY) {
            throw BackupDeskException.configuration("Parallel jobs need the directory format.",
                    "Use --format directory with --jobs, or drop --jobs.");
        }
        if (format == BackupFormat.PLAIN && compression.method() != Compression.Method.GZIP && !compression.isNone()) {
            throw BackupDeskException.configuration("Plain SQL backups are compressed with gzip.",
                    "Use --compress with a gzip level (0-9) for the plain format.");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            timeout = null;
        }
    }

    public static BackupOptions defaults() {
        return ofFormat(null);
    }

    /** The defaults in another format. */
    public static BackupOptions ofFormat(BackupFormat format) {
        return new BackupOptions(format, null, 0, null, null, null, null, null, false, null, null, null);
    }

    /** One worker per core, at most four: more rarely helps and loads the server. */
    public static int defaultJobs() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }
}

package io.backupdesk.core;

import java.time.Duration;
import java.util.List;
import java.nio.charset.StandardCharsets;

/**
 * What to dump and how. Patterns follow pg_dump's {@code -n/-N/-t/-T} rules.
 *
 * @param jobs            parallel pg_dump workers; only the directory format can use more than one
 * @param timeout         the whole run is cancelled after this; null for no limit
 * @param lockWaitTimeout pg_dump gives up instead of queueing behind an exclusive lock for longer than this
 * @param encryptTo       the keys to encrypt to, each a stored key's name or an age1… public key; empty for the
 *                        connection's own (which may be none). Public keys only: nothing secret is ever kept here.
 * @param copyTo          the destinations a copy goes to once the backup is verified; empty for the connection's own
 * @param dump            pg_dump's own switches (sections, owners, privileges, INSERTs …); none for its defaults
 * @param maxSizeBytes    a backup that grows past this many bytes is stopped and removed; null for no limit
 */
public record BackupOptions(BackupFormat format, Compression compression, int jobs,
                            List<String> schemas, List<String> excludeSchemas,
                            List<String> tables, List<String> excludeTables,
                            DumpScope scope, boolean globals, String label,
                            Duration timeout, Duration lockWaitTimeout, List<String> encryptTo,
                            List<String> copyTo, DumpFlags dump, Long maxSizeBytes) {

    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(1);

    public BackupOptions {
        format = format == null ? BackupFormat.CUSTOM : format;
        compression = compression == null ? Compression.DEFAULT : compression;
        schemas = List.copyOf(schemas == null ? List.of() : schemas);
        excludeSchemas = List.copyOf(excludeSchemas == null ? List.of() : excludeSchemas);
        tables = List.copyOf(tables == null ? List.of() : tables);
        excludeTables = List.copyOf(excludeTables == null ? List.of() : excludeTables);
        scope = scope == null ? DumpScope.ALL : scope;
        encryptTo = List.copyOf(encryptTo == null ? List.of() : encryptTo);
        copyTo = List.copyOf(copyTo == null ? List.of() : copyTo);
        dump = dump == null ? DumpFlags.NONE : dump;
        if (maxSizeBytes != null && maxSizeBytes <= 0) {
            maxSizeBytes = null;
        }
        lockWaitTimeout = lockWaitTimeout == null ? DEFAULT_LOCK_WAIT : lockWaitTimeout;
        if (jobs <= 0) {
            jobs = format == BackupFormat.DIRECTORY ? defaultJobs() : 1;
        }
        if (jobs > 1 && format != BackupFormat.DIRECTORY) {
            throw BackupDeskException.configuration("Parallel jobs need the directory format.",
                    "Choose the directory format for parallel jobs, or one job.")
                    .withCommandLineHint("Use --format directory with --jobs, or drop --jobs.");
        }
        if (format == BackupFormat.PLAIN && compression.method() != Compression.Method.GZIP && !compression.isNone()) {
            throw BackupDeskException.configuration("Plain SQL backups are compressed with gzip.",
                    "Choose a gzip level (0-9) for the plain format.")
                    .withCommandLineHint("Use --compress with a gzip level (0-9) for the plain format.");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            timeout = null;
        }
    }

    /** A label longer than this, in characters or in UTF-8 bytes, would not fit in a file name beside the rest. */
    public static final int MAX_LABEL_CHARACTERS = 64;
    private static final int MAX_LABEL_BYTES = 100;

    /**
     * Refuses what would otherwise fail only after connecting: a worker count out of range, a label that cannot be
     * part of a file name. Not in the constructor, so that a schedules file holding such a value is still read (its
     * runs then fail with this message).
     */
    public BackupOptions checked() {
        ParallelJobs.check(jobs);
        checkLabel(label);
        dump.checked(format, scope);
        return this;
    }

    /** Whether any rows are dumped: not for schema-only, nor when the sections chosen leave out the data. */
    public boolean dumpsRows() {
        return scope != DumpScope.SCHEMA_ONLY && (dump.sections().isEmpty() || dump.sections().contains("data"));
    }

    /** The label becomes part of the backup's file name; other characters than letters, digits, '.', '_', '-' become '_'. */
    public static void checkLabel(String label) {
        if (label == null) {
            return;
        }
        String hint = "Use a short label of at most " + MAX_LABEL_CHARACTERS + " characters, e.g. before-upgrade.";
        if (label.codePoints().anyMatch(Character::isISOControl)) {
            throw BackupDeskException.configuration("The label holds a control character (a line break or a tab);"
                    + " it becomes part of the file name.", hint);
        }
        int characters = label.codePointCount(0, label.length());
        if (characters > MAX_LABEL_CHARACTERS) {
            throw BackupDeskException.configuration("The label is " + characters + " characters long; at most "
                    + MAX_LABEL_CHARACTERS + " fit in the backup's file name.", hint);
        }
        int bytes = label.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_LABEL_BYTES) {
            throw BackupDeskException.configuration("The label takes " + bytes + " bytes in a file name; at most "
                    + MAX_LABEL_BYTES + " fit beside the database name and the time.", hint);
        }
    }

    public static BackupOptions defaults() {
        return builder().build();
    }

    /** The defaults in another format. */
    public static BackupOptions ofFormat(BackupFormat format) {
        return builder().format(format).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every component as this record resolved it. The worker count is copied as resolved, so set it
     * again when changing the format away from directory.
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** One worker per core, at most four: more rarely helps and loads the server. */
    public static int defaultJobs() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Names only what differs from the defaults. What is not set is null, zero or false, which the constructor turns
     * into the defaults: the custom format, gzip level 1, all of the database, the one-minute lock wait and a worker
     * count that fits the format.
     */
    public static final class Builder {
        private BackupFormat format;
        private Compression compression;
        private int jobs;
        private List<String> schemas;
        private List<String> excludeSchemas;
        private List<String> tables;
        private List<String> excludeTables;
        private DumpScope scope;
        private boolean globals;
        private String label;
        private Duration timeout;
        private Duration lockWaitTimeout;
        private List<String> encryptTo;
        private List<String> copyTo;
        private DumpFlags dump;
        private Long maxSizeBytes;

        private Builder() { }

        private Builder(BackupOptions from) {
            format = from.format;
            compression = from.compression;
            jobs = from.jobs;
            schemas = from.schemas;
            excludeSchemas = from.excludeSchemas;
            tables = from.tables;
            excludeTables = from.excludeTables;
            scope = from.scope;
            globals = from.globals;
            label = from.label;
            timeout = from.timeout;
            lockWaitTimeout = from.lockWaitTimeout;
            encryptTo = from.encryptTo;
            copyTo = from.copyTo;
            dump = from.dump;
            maxSizeBytes = from.maxSizeBytes;
        }

        public Builder format(BackupFormat value) {
            format = value;
            return this;
        }

        public Builder compression(Compression value) {
            compression = value;
            return this;
        }

        public Builder jobs(int value) {
            jobs = value;
            return this;
        }

        public Builder schemas(List<String> value) {
            schemas = value;
            return this;
        }

        public Builder excludeSchemas(List<String> value) {
            excludeSchemas = value;
            return this;
        }

        public Builder tables(List<String> value) {
            tables = value;
            return this;
        }

        public Builder excludeTables(List<String> value) {
            excludeTables = value;
            return this;
        }

        public Builder scope(DumpScope value) {
            scope = value;
            return this;
        }

        public Builder globals(boolean value) {
            globals = value;
            return this;
        }

        public Builder label(String value) {
            label = value;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder lockWaitTimeout(Duration value) {
            lockWaitTimeout = value;
            return this;
        }

        public Builder encryptTo(List<String> value) {
            encryptTo = value;
            return this;
        }

        public Builder copyTo(List<String> value) {
            copyTo = value;
            return this;
        }

        public Builder dump(DumpFlags value) {
            dump = value;
            return this;
        }

        public Builder maxSizeBytes(Long value) {
            maxSizeBytes = value;
            return this;
        }

        /** Through the canonical constructor, so the defaults and the refusals are the same as for a stored schedule. */
        public BackupOptions build() {
            return new BackupOptions(format, compression, jobs, schemas, excludeSchemas, tables, excludeTables, scope,
                    globals, label, timeout, lockWaitTimeout, encryptTo, copyTo, dump, maxSizeBytes);
        }
    }
}

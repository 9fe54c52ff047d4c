package io.backupdesk.cli;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Compression;
import io.backupdesk.core.DumpScope;
import io.backupdesk.core.ParallelJobs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * How to dump, as a backup or a preset is told it on the command line: the same names in both places. What is given
 * is laid over a starting point (a preset, the connection's preset or the settings' defaults); what is not given
 * keeps the starting point's value.
 */
final class DumpChoiceOptions {
    @Option(names = "--format", paramLabel = "FORMAT", description = "custom (default, unless the setting defaultFormat names another), directory, tar or plain (SQL, gzip-compressed).")
    String format;

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel workers, 1 to 64; directory format only. Default:"
            + " cores, at most 4. For a server connection: databases dumped at once, each with one worker (default 1).")
    Integer jobs;

    @Option(names = "--compress", paramLabel = "LEVEL",
            description = "gzip level 0-9, or METHOD[:LEVEL] with gzip, zstd, lz4 (pg_dump 16+), none. Default: gzip:1.")
    String compress;

    @Option(names = "--schema", paramLabel = "S", description = "Only schemas matching this pattern (repeatable).")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--exclude-schema", paramLabel = "S", description = "Leave out schemas matching this pattern (repeatable).")
    List<String> excludeSchemas = new ArrayList<>();

    @Option(names = "--table", paramLabel = "T", description = "Only tables matching this pattern (repeatable).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--exclude-table", paramLabel = "T", description = "Leave out tables matching this pattern (repeatable).")
    List<String> excludeTables = new ArrayList<>();

    @ArgGroup(exclusive = true)
    Scope scope;

    /** Schema-only and data-only exclude each other. */
    static final class Scope {
        @Option(names = "--schema-only", description = "Definitions only, no rows.")
        boolean schemaOnly;

        @Option(names = "--data-only", description = "Rows only, no definitions.")
        boolean dataOnly;
    }

    @Option(names = "--globals", description = "Also save roles and tablespaces (pg_dumpall --globals-only) beside the dump.")
    boolean globals;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Give up after this long, e.g. 90s, 30m, 2h. Default: no limit.")
    String timeout;

    @Option(names = "--lock-wait-timeout", paramLabel = "DURATION",
            description = "Fail instead of waiting longer than this for a table lock. Default: 1m.")
    String lockWaitTimeout;

    @Mixin
    DumpFlagOptions dumpFlags;

    /** Whether any of these was given at all. */
    boolean anyGiven() {
        return format != null || jobs != null || compress != null || !schemas.isEmpty() || !excludeSchemas.isEmpty()
                || !tables.isEmpty() || !excludeTables.isEmpty() || scope != null || globals || timeout != null
                || lockWaitTimeout != null || dumpFlags.anyGiven();
    }

    /**
     * The options given laid over {@code base}. A format given without a compression takes that format's own default
     * compression and worker count, not the base's, which may not even fit it (a gzip level does not fit tar).
     */
    BackupOptions.Builder over(BackupOptions base) {
        if (jobs != null) {
            ParallelJobs.check(jobs);
        }
        BackupFormat chosen = format == null ? null : BackupFormat.parse(format);
        boolean otherFormat = chosen != null;
        BackupOptions.Builder options = base.toBuilder();
        if (chosen != null) {
            options.format(chosen);
        }
        options.compression(compress != null ? Compression.parse(compress) : otherFormat ? null : base.compression());
        options.jobs(jobs != null ? jobs : otherFormat ? 0 : base.jobs());
        if (!schemas.isEmpty() || !excludeSchemas.isEmpty() || !tables.isEmpty() || !excludeTables.isEmpty()) {
            options.schemas(schemas).excludeSchemas(excludeSchemas).tables(tables).excludeTables(excludeTables);
        }
        if (scope != null) {
            options.scope(scope.schemaOnly ? DumpScope.SCHEMA_ONLY : DumpScope.DATA_ONLY);
        }
        if (globals) {
            options.globals(true);
        }
        if (timeout != null) {
            options.timeout(Durations.parse(timeout));
        }
        if (lockWaitTimeout != null) {
            options.lockWaitTimeout(Durations.parse(lockWaitTimeout));
        }
        return options.dump(dumpFlags.over(base.dump())).maxSizeBytes(dumpFlags.maxSizeOver(base.maxSizeBytes()));
    }
}

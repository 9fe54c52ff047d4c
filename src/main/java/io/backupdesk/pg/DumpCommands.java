package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Compression;
import io.backupdesk.core.DumpFlags;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds pg_dump and pg_dumpall argument lists from our options. Every option is one argument: no quoting. */
public final class DumpCommands {
    /**
     * The server's own schemas. pg_dump's patterns match them like any other ({@code --schema='*'} dumps pg_catalog
     * and information_schema, whose restore then stops at "schema information_schema already exists"), so a pattern
     * of the user's is always paired with these exclusions.
     */
    static final List<String> SYSTEM_SCHEMAS = List.of("pg_catalog", "information_schema", "pg_toast*", "pg_temp_*",
            "pg_toast_temp_*");

    private DumpCommands() { }

    /**
     * @param output     the file or folder pg_dump writes; null to write to stdout (plain format)
     * @param snapshotId the exported snapshot to dump; null for pg_dump's own
     */
    public static List<String> pgDump(BackupOptions options, PgVersion client, Path output, String snapshotId) {
        List<String> args = new ArrayList<>();
        args.add("--no-password");
        args.add("--verbose");
        args.add("--format=" + options.format().pgDumpLetter());
        if (output != null) {
            args.add("--file=" + output);
        }
        compressionArgument(options, client).ifPresent(args::add);
        if (options.format() == BackupFormat.DIRECTORY && options.jobs() > 1) {
            args.add("--jobs=" + options.jobs());
        }
        args.add("--lock-wait-timeout=" + options.lockWaitTimeout().toMillis());
        if (snapshotId != null) {
            args.add("--snapshot=" + snapshotId);
        }
        options.schemas().forEach(s -> args.add("--schema=" + s));
        options.excludeSchemas().forEach(s -> args.add("--exclude-schema=" + s));
        if (!options.schemas().isEmpty()) {
            SYSTEM_SCHEMAS.forEach(s -> args.add("--exclude-schema=" + s));
        }
        options.tables().forEach(t -> args.add("--table=" + t));
        options.excludeTables().forEach(t -> args.add("--exclude-table=" + t));
        if (!options.tables().isEmpty()) {
            // --exclude-schema does not hold back tables named by --table; only --exclude-table does
            SYSTEM_SCHEMAS.forEach(s -> args.add("--exclude-table=" + s + ".*"));
        }
        switch (options.scope()) {
            case SCHEMA_ONLY -> args.add("--schema-only");
            case DATA_ONLY -> args.add("--data-only");
            default -> { }
        }
        flags(options.dump(), client, args);
        return args;
    }

    /** pg_dump's own switches, each under pg_dump's own name for this client's version. */
    private static void flags(DumpFlags flags, PgVersion client, List<String> args) {
        flags.sections().forEach(s -> args.add("--section=" + s));
        flags.excludeTableData().forEach(t -> args.add("--exclude-table-data=" + t));
        addIf(args, flags.noOwner(), "--no-owner");
        addIf(args, flags.noPrivileges(), "--no-privileges");
        addIf(args, flags.noTablespaces(), "--no-tablespaces");
        if (flags.largeObjects() != null) {
            // pg_dump 16 renamed --blobs to --large-objects and keeps the old names; before 16 only they exist
            boolean newNames = client.majorFirst() >= 16;
            args.add(flags.largeObjects() ? (newNames ? "--large-objects" : "--blobs")
                    : (newNames ? "--no-large-objects" : "--no-blobs"));
        }
        if (flags.encoding() != null) {
            args.add("--encoding=" + flags.encoding());
        }
        if (flags.role() != null) {
            args.add("--role=" + flags.role());
        }
        addIf(args, flags.inserts(), "--inserts");
        addIf(args, flags.columnInserts(), "--column-inserts");
        if (flags.rowsPerInsert() != null) {
            args.add("--rows-per-insert=" + flags.rowsPerInsert());
        }
        addIf(args, flags.quoteAllIdentifiers(), "--quote-all-identifiers");
        addIf(args, flags.create(), "--create");
        addIf(args, flags.clean(), "--clean");
        addIf(args, flags.ifExists(), "--if-exists");
    }

    private static void addIf(List<String> args, boolean set, String flag) {
        if (set) {
            args.add(flag);
        }
    }

    /** pg_dumpall for roles and tablespaces; {@code withoutRolePasswords} for managed servers that hide pg_authid. */
    /** @param output the file to write; null for stdout */
    public static List<String> globals(Path output, String database, boolean withoutRolePasswords) {
        List<String> args = new ArrayList<>(List.of("--no-password", "--globals-only"));
        if (output != null) {
            args.add("--file=" + output);
        }
        args.add("--database=" + database);
        if (withoutRolePasswords) {
            args.add("--no-role-passwords");
        }
        return args;
    }

    /** The archive formats compress inside pg_dump; plain is compressed by us and tar cannot be compressed. */
    private static Optional<String> compressionArgument(BackupOptions options, PgVersion client) {
        Compression c = options.compression();
        if (options.format() == BackupFormat.PLAIN || options.format() == BackupFormat.TAR) {
            return Optional.empty();
        }
        if (c.needsPg16() && client.majorFirst() < 16) {
            throw BackupDeskException.configuration(
                    c + " compression needs pg_dump 16 or newer; the pg_dump for this server is " + client + ".",
                    "Use gzip compression (e.g. gzip:1), or install newer client programs.");
        }
        if (client.majorFirst() >= 16) {
            return Optional.of("--compress=" + c);
        }
        return Optional.of("--compress=" + (c.isNone() ? 0 : c.level()));
    }
}

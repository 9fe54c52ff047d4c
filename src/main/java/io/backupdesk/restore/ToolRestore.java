package io.backupdesk.restore;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Progress;
import io.backupdesk.core.TableCount;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ToolCommand;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the program that restores a backup into one database: pg_restore for archives (with a --use-list for a
 * selective restore), psql fed the decompressed SQL for plain dumps. Its errors are sorted as they come.
 */
final class ToolRestore {
    /** How the program ended and what it said. */
    record Outcome(int exitCode, ToolOutput output) { }

    private final ProcessRunner runner;
    private final Journal journal;
    private final Function<String, Connection> connectTo;

    /**
     * @param connectTo opens a connection to a database of the target server, for following its COPY progress
     */
    ToolRestore(ProcessRunner runner, Journal journal, Function<String, Connection> connectTo) {
        this.runner = runner;
        this.journal = journal;
        this.connectTo = connectTo;
    }

    /**
     * @param reader   reads the plan's backup: its file, or an encrypted one decrypted into the program's stdin
     * @param clean    drop each object before creating it (clean in place)
     * @param contents the archive's table of contents; null for plain SQL
     * @param workDir  where the --use-list file may go; deleted by the caller
     */
    Outcome run(RestorePlan plan, ArchiveReader reader, ClientInstallation client, String database, boolean clean,
                ArchiveContents contents, Map<String, String> env, Path workDir, Progress progress, Consumer<String> log,
                Cancellation cancel) {
        BackupCatalog.Entry source = plan.source();
        ToolOutput output = new ToolOutput();
        if (source.record().format() == BackupFormat.PLAIN) {
            return new Outcome(psql(plan, reader, client, database, env, output, progress, log, cancel), output);
        }
        Path useList = needsUseList(plan) ? writeUseList(contents, plan, workDir) : null;
        List<String> args = new ArrayList<>(List.of("--no-password", "--verbose", "--dbname=" + conninfo(database)));
        args.addAll(options(plan, clean, useList == null ? null : useList.toString()));
        // without a file pg_restore reads stdin: a whole restore, or a --use-list in the archive's own order
        reader.file().ifPresent(file -> args.add(file.toString()));
        RestoreProgress tracker = new RestoreProgress(progress, contents.entries().size(), rowsInScope(plan));
        try (CopyWatch watch = new CopyWatch(() -> connectTo.apply(database), tracker, progress)) {
            ProcessRunner.Result result = runner.run(ToolCommand.of(client.tool(ClientTool.PG_RESTORE).orElseThrow(), args, env),
                    reader.stdin(cancel), ProcessRunner.StdoutHandler.DISCARD, line -> {
                        output.accept(line);
                        tracker.line(line);
                        log.accept(line);
                    }, cancel, null, journal::started);
            tracker.report(true);
            return new Outcome(result.exitCode(), output);
        } finally {
            deleteQuietly(useList);
        }
    }

    /**
     * What pg_restore is told besides where to connect and what to read: the same for the run and for the command
     * shown to the user ({@link ShownRestore}).
     *
     * @param clean   drop each object before creating it (in place, for what is restored)
     * @param useList the list of entries to restore, in their order; null for all of them
     */
    static List<String> options(RestorePlan plan, boolean clean, String useList) {
        List<String> args = new ArrayList<>();
        if (plan.jobs() > 1) {
            args.add("--jobs=" + plan.jobs());
        }
        if (plan.singleTransaction()) {
            args.add("--single-transaction");
        }
        if (plan.noOwner()) {
            args.add("--no-owner");
        }
        if (plan.noPrivileges()) {
            args.add("--no-privileges");
        }
        if (plan.exitOnError()) {
            args.add("--exit-on-error");
        }
        args.addAll(switches(plan.flags()));
        if (clean) {
            args.addAll(List.of("--clean", "--if-exists"));
        }
        if (useList != null) {
            args.add("--use-list=" + useList);
        }
        return args;
    }

    /** What psql is told besides where to connect, for the run and the command shown. */
    static List<String> psqlOptions(RestorePlan plan) {
        List<String> args = new ArrayList<>();
        if (plan.exitOnError()) {
            args.addAll(List.of("--variable", "ON_ERROR_STOP=1"));
        }
        if (plan.singleTransaction()) {
            args.add("--single-transaction");
        }
        return args;
    }

    /** Whether pg_restore reads a list of entries: a selection, or rows that must come in the order of their keys. */
    static boolean needsUseList(RestorePlan plan) {
        return plan.selective() || plan.ordersRowsByForeignKeys();
    }

    /**
     * Whether pg_restore drops each object it restores first: in place, unless the whole backup goes into the
     * emptied database, or only rows go into emptied tables (rows have nothing to drop, and pg_restore refuses
     * --clean with --data-only).
     */
    static boolean cleans(RestorePlan plan) {
        return plan.mode() == RestoreMode.IN_PLACE && !plan.whole()
                && !plan.flags().restored().equals(java.util.EnumSet.of(RestoreSection.DATA));
    }

    /** pg_restore's own switches, under its own names. */
    static List<String> switches(RestoreFlags flags) {
        List<String> args = new ArrayList<>();
        if (flags.role() != null) {
            args.add("--role=" + flags.role());
        }
        if (flags.schemaOnly()) {
            args.add("--schema-only");
        }
        if (flags.dataOnly()) {
            args.add("--data-only");
        }
        flags.sections().forEach(s -> args.add("--section=" + s.cliName()));
        if (flags.noTablespaces()) {
            args.add("--no-tablespaces");
        }
        if (flags.disableTriggers()) {
            args.add("--disable-triggers");
        }
        if (flags.noDataForFailedTables()) {
            args.add("--no-data-for-failed-tables");
        }
        return args;
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a list of object names in our private folder; harmless if it stays
        }
    }

    private int psql(RestorePlan plan, ArchiveReader reader, ClientInstallation client, String database,
                     Map<String, String> env, ToolOutput output, Progress progress, Consumer<String> log,
                     Cancellation cancel) {
        List<String> args = new ArrayList<>(List.of("--no-password", "--no-psqlrc", "--quiet",
                "--dbname=" + conninfo(database)));
        args.addAll(psqlOptions(plan));
        Path dump = plan.source().archive();
        AtomicLong read = new AtomicLong();
        Runnable tick = RestoreProgress.forBytes(progress, read::get, size(dump), "Running the SQL of " + dump.getFileName());
        ProcessRunner.Result result = runner.run(ToolCommand.of(client.tool(ClientTool.PSQL).orElseThrow(), args, env),
                stdin -> feed(reader, read, stdin, tick, cancel), ProcessRunner.StdoutHandler.DISCARD, line -> {
                    output.accept(line);
                    log.accept(line);
                }, cancel, null, journal::started);
        return result.exitCode();
    }

    private static void feed(ArchiveReader reader, AtomicLong read, OutputStream stdin, Runnable tick,
                             Cancellation cancel) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long lastTick = 0;
        try (InputStream sql = reader.openSql(read)) {
            while (true) {
                int n;
                try {
                    n = sql.read(buffer);
                } catch (IOException e) {
                    throw new BackupDeskException(ErrorKind.IO, "The backup file could not be read to its end: " + e.getMessage(),
                            "Verify the backup; a damaged file cannot be restored.", List.of(), e);
                }
                if (n < 0 || cancel.isCancelled()) {
                    return;
                }
                stdin.write(buffer, 0, n);
                if (read.get() - lastTick > (4 << 20)) {
                    lastTick = read.get();
                    tick.run();
                }
            }
        }
    }

    private static Path writeUseList(ArchiveContents contents, RestorePlan plan, Path workDir) {
        try {
            SecureFiles.createDirectories(workDir);
            Path file = Files.createTempFile(workDir, "use-list", ".txt");
            Files.write(file, RestoreSelection.useList(contents.entries(), plan));
            return file;
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not write the list of objects to restore: " + e.getMessage(),
                    "Check free space in the configuration folder.", List.of(), e);
        }
    }

    /** Rows per table within the plan's selection, for progress. */
    static Map<String, Long> rowsInScope(RestorePlan plan) {
        Map<String, Long> rows = new HashMap<>();
        if (!plan.restoresRows()) {
            return rows;
        }
        for (TableCount t : plan.source().record().tables()) {
            if (RestoreSelection.includes(t, plan)) {
                rows.put(t.qualifiedName(), Objects.requireNonNullElse(t.rows(), 0L));
            }
        }
        return rows;
    }

    /** A connection string naming only the database, so a name with "=" in it is never read as one. */
    static String conninfo(String database) {
        return "dbname='" + database.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}

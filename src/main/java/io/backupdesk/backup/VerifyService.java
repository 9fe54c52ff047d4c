package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Progress;
import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.core.Verification;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.PgVersion;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ToolCommand;
import io.backupdesk.pg.ToolErrors;
import io.backupdesk.pg.ToolSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads backups back. First the SHA-256 recorded in the sidecar, then a full read by the program that would restore
 * it: {@code pg_restore} writing the whole script to nowhere (a truncated custom archive still passes
 * {@code pg_restore --list}, so that alone proves nothing), or for plain SQL a complete decompression and pg_dump's
 * completion marker at the end. The outcome is recorded in the sidecar. Thread-safe.
 */
public final class VerifyService {
    private static final Logger LOG = LoggerFactory.getLogger(VerifyService.class);
    private static final int TAIL_BYTES = 4096;

    private final ToolSelection tools;
    private final ProcessRunner runner;
    private final Clock clock;

    public VerifyService(ToolSelection tools, ProcessRunner runner, Clock clock) {
        this.tools = tools;
        this.runner = runner;
        this.clock = clock;
    }

    /**
     * Verifies the backup and records the outcome in its sidecar. Blocks until done.
     *
     * @return the backup with its new verification: {@code VERIFIED}, {@code CORRUPT} with the reason, or
     *         {@code MISSING}
     * @throws BackupDeskException when the backup could not be checked at all (no pg_restore, cancelled); the
     *                             sidecar is then left as it was
     */
    public BackupCatalog.Entry verify(BackupCatalog.Entry entry, Progress progress, Cancellation cancel) {
        return record(entry, check(entry, null, progress, cancel));
    }

    /**
     * As {@link #verify(BackupCatalog.Entry, Progress, Cancellation)}, able to read an encrypted backup in full.
     *
     * @param decryption opens an encrypted backup; null to check only its checksum
     */
    public BackupCatalog.Entry verify(BackupCatalog.Entry entry, ArchiveDecryption decryption, Progress progress,
                                      Cancellation cancel) {
        return record(entry, check(entry, decryption, progress, cancel));
    }

    /**
     * Records an outcome in the backup's sidecar as it is now: the sidecar is read again under its lock and only the
     * verification changes, so a pin set while the backup was being read is kept. A backup deleted meanwhile is not
     * brought back; it is then returned as {@code MISSING}, with nothing recorded.
     *
     * @throws BackupDeskException {@code IO} when the outcome cannot be written, e.g. to a read-only folder
     */
    public BackupCatalog.Entry record(BackupCatalog.Entry entry, Verification outcome) {
        Optional<BackupRecord> updated = Sidecars.update(entry.sidecar(), entry.record().id(), r -> r.withVerification(outcome));
        if (updated.isEmpty()) {
            LOG.info("Backup {} was deleted while it was verified; its outcome {} is not recorded", entry.record().id(),
                    outcome.status());
            Verification gone = outcome(BackupStatus.MISSING, "The backup was deleted while it was being verified.");
            return new BackupCatalog.Entry(entry.record().withVerification(gone), entry.sidecar(), BackupStatus.MISSING);
        }
        LOG.info("Verified backup {}: {} {}", entry.record().id(), outcome.status(), outcome.message());
        return new BackupCatalog.Entry(updated.get(), entry.sidecar(), outcome.status());
    }

    /** The same checks, recorded nowhere. */
    public Verification check(BackupCatalog.Entry entry, Progress progress, Cancellation cancel) {
        return check(entry, null, progress, cancel);
    }

    /**
     * The same checks, recorded nowhere; an encrypted backup is decrypted and read in full when {@code decryption} is
     * given, else only its checksum is checked.
     *
     * @throws BackupDeskException when the keys do not open an encrypted backup
     */
    public Verification check(BackupCatalog.Entry entry, ArchiveDecryption decryption, Progress progress,
                              Cancellation cancel) {
        Path archive = entry.archive();
        if (!Files.exists(archive)) {
            return outcome(BackupStatus.MISSING, "The backup file " + archive + " is gone.");
        }
        String name = archive.getFileName().toString();
        try {
            progress.report(ProgressUpdate.phase("Checking the checksum of " + name));
            Optional<String> checksum = ChecksumCheck.problem(entry);
            if (checksum.isPresent()) {
                return outcome(BackupStatus.CORRUPT, "The backup is damaged: " + checksum.get() + ".");
            }
        } catch (IOException e) {
            return outcome(BackupStatus.CORRUPT, "The backup could not be read: " + e.getMessage() + ".");
        }
        cancel.throwIfCancelled();
        if (entry.record().encrypted() && decryption == null) {
            return EncryptedReadBack.withoutKey(entry.record().verification(), clock.instant());
        }
        Optional<String> unreadable;
        if (entry.record().encrypted()) {
            EncryptedReadBack read = new EncryptedReadBack(decryption, archive);
            unreadable = entry.record().format() == BackupFormat.PLAIN
                    ? readPlain(read::openPlain, "its encrypted or compressed data", fileSize(archive), name, progress, cancel)
                    : read.throughStdin(stdin -> readArchive(entry.record(), "-", stdin, name, progress, cancel));
        } else {
            unreadable = entry.record().format() == BackupFormat.PLAIN
                    ? readPlain(read -> PlainDumpStream.open(archive, read), "its compressed data", fileSize(archive), name,
                    progress, cancel)
                    : readArchive(entry.record(), archive.toString(), ProcessRunner.StdinFeeder.NONE, name, progress, cancel);
        }
        return unreadable.map(reason -> outcome(BackupStatus.CORRUPT, "The backup is damaged: " + reason))
                .orElseGet(() -> outcome(BackupStatus.VERIFIED, "The checksum matched and the backup was read back in full."));
    }

    /** Whether the files still match the checksums the sidecar recorded: empty when they do, else what differs. */
    public Optional<String> checksumProblem(BackupCatalog.Entry entry) throws IOException {
        return ChecksumCheck.problem(entry);
    }

    /** @param source the archive's path, or "-" to read it from {@code stdin} */
    private Optional<String> readArchive(BackupRecord record, String source, ProcessRunner.StdinFeeder stdin, String name,
                                         Progress progress, Cancellation cancel) {
        PgVersion dumpedBy = Optional.ofNullable(record.pgDumpVersion()).flatMap(PgVersion::fromText).orElse(PgVersion.ofMajor(0));
        ClientInstallation client = tools.forRestore(ClientTool.PG_RESTORE, dumpedBy);
        progress.report(ProgressUpdate.phase("Reading " + name + " back in full with pg_restore " + client.version()));
        Map<String, String> env = new HashMap<>();
        env.put("LC_MESSAGES", "C");
        env.put("LC_ALL", null);
        List<String> args = source.equals("-") ? List.of("--file=-") : List.of("--file=-", source);
        ProcessRunner.Result result = runner.run(ToolCommand.of(client.tool(ClientTool.PG_RESTORE).orElseThrow(), args, env),
                stdin, ProcessRunner.StdoutHandler.DISCARD, line -> { }, cancel, null, process -> { });
        if (result.exitCode() > 128) {
            throw ToolErrors.classify("pg_restore", result, name);
        }
        return result.exitCode() == 0 ? Optional.empty()
                : Optional.of("pg_restore could not read it to the end: " + ToolErrors.errorLine(result.stderrTail()) + ".");
    }

    /** @param data what a read failure means is damaged, for the message */
    private Optional<String> readPlain(EncryptedReadBack.Source source, String data, long size, String name,
                                       Progress progress, Cancellation cancel) {
        AtomicLong read = new AtomicLong();
        byte[] buffer = new byte[1 << 16];
        byte[] tail = new byte[TAIL_BYTES];
        int tailLength = 0;
        try (InputStream in = source.open(read)) {
            int n;
            long lastReport = 0;
            while ((n = in.read(buffer)) > 0) {
                tailLength = keepTail(tail, tailLength, buffer, n);
                if (read.get() - lastReport > (8 << 20)) {
                    cancel.throwIfCancelled();
                    lastReport = read.get();
                    progress.report(new ProgressUpdate(size == 0 ? -1 : (double) read.get() / size, "Reading " + name,
                            read.get(), null));
                }
            }
        } catch (IOException e) {
            // a stream cut short says only EOFException, without a message
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of(data + " is damaged after " + read.get() + " bytes (" + why + ").");
        }
        String end = new String(tail, 0, tailLength, StandardCharsets.UTF_8);
        return end.contains(ArchiveWriter.COMPLETION_MARKER) ? Optional.empty()
                : Optional.of("the SQL ends before pg_dump's completion marker, so the dump is incomplete.");
    }

    /** Keeps the last bytes seen in {@code tail}; returns how many it holds. */
    private static int keepTail(byte[] tail, int tailLength, byte[] buffer, int n) {
        if (n >= tail.length) {
            System.arraycopy(buffer, n - tail.length, tail, 0, tail.length);
            return tail.length;
        }
        int keep = Math.min(tailLength, tail.length - n);
        System.arraycopy(tail, tailLength - keep, tail, 0, keep);
        System.arraycopy(buffer, 0, tail, keep, n);
        return keep + n;
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private Verification outcome(BackupStatus status, String message) {
        return new Verification(status, clock.instant(), message);
    }
}

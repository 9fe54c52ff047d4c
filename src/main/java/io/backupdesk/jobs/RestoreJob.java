package io.backupdesk.jobs;

import io.backupdesk.backup.ArchiveDecryption;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.backup.VerifyService;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.core.RestoreRecord;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.restore.RestoreService;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.restore.roles.RolesReport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Restoring and undoing a restore, the use cases the wizard and the command line call: each restore or roll-back is
 * the one job on the database it changes, here and in every other process on this configuration.
 */
public final class RestoreJob {
    private final RestoreService restores;
    private final DatabaseClaims claims;
    private final EncryptionKeys keys;
    private final VerifyService verifier;
    private final Path decryptedCopies;
    private final RemoteBackups remote;
    private final Clock clock;
    private final RolesFirst rolesFirst;

    /**
     * @param decryptedCopies an owner-only work folder for the plaintext of encrypted backups while they are restored
     * @param remote          where backups that are only at a destination are downloaded from
     */
    public RestoreJob(RestoreService restores, DatabaseClaims claims, EncryptionKeys keys, VerifyService verifier,
                      Path decryptedCopies, RemoteBackups remote, Clock clock) {
        this.restores = restores;
        this.claims = claims;
        this.keys = keys;
        this.verifier = verifier;
        this.decryptedCopies = decryptedCopies;
        this.remote = remote;
        this.clock = clock;
        this.rolesFirst = new RolesFirst(restores, keys);
    }

    /** The checks before a restore; they change nothing, so they need no claim. Opens encrypted backups with stored keys. */
    public List<PreflightCheck> preflight(RestorePlan plan, Optional<String> password, Cancellation cancel) {
        return preflight(plan, SecretKeys.STORED, password, cancel);
    }

    /**
     * The checks before a restore. An encrypted backup is read as it is decrypted, never to disk: the checks read only
     * the start of an archive (its table of contents), and a plain dump's SQL as it streams.
     *
     * @throws io.backupdesk.core.BackupDeskException when an encrypted backup cannot be opened with what was given,
     *                                                saying which public keys it was encrypted to
     */
    public List<PreflightCheck> preflight(RestorePlan plan, SecretKeys secrets, Optional<String> password,
                                          Cancellation cancel) {
        return check(plan, secrets, password, cancel).checks();
    }

    /**
     * The checks before a restore and, when the backup's roles file is restored first, what that would create and
     * leave (its checks then count those roles as there). Changes nothing.
     */
    public RestoreCheck check(RestorePlan plan, SecretKeys secrets, Optional<String> password, Cancellation cancel) {
        RolesFirst.requireFile(plan);
        return readingPlaintext(plan, secrets, false, Progress.NONE, cancel, readable -> {
            List<PreflightCheck> checks = restores.preflight(readable.plan(), readable.decryption(), password, cancel);
            Optional<RolesPreview> roles = rolesFirst.preview(readable.plan(), rolesFrom(plan, readable.plan()),
                    secrets, password);
            return new RestoreCheck(roles.map(r -> rolesFirst.counted(checks, readable, r, password)).orElse(checks),
                    roles);
        });
    }

    /**
     * What restoring the backup's roles file first would create and leave on the target, read from the roles file
     * alone (a backup only at a destination is downloaded for it); empty when the plan leaves the roles as they are.
     */
    public Optional<RolesPreview> previewRoles(RestorePlan plan, SecretKeys secrets, Optional<String> password,
                                               Cancellation cancel) {
        RolesFirst.requireFile(plan);
        if (plan.roles() != RolesMode.CREATE_MISSING) {
            return Optional.empty();
        }
        if (plan.source().status() == BackupStatus.REMOTE) {
            return readingPlaintext(plan, secrets, false, Progress.NONE, cancel, readable -> rolesFirst.preview(
                    readable.plan(), readable.plan().source(), secrets, password));
        }
        return rolesFirst.preview(plan, plan.source(), secrets, password);
    }

    /** The pg_restore or psql command line the plan runs, with what Backup Desk does around it as comments. */
    public String commandLine(RestorePlan plan) {
        return restores.commandLine(plan);
    }

    /**
     * Restores as the plan says, as the one job on the database restored into (for a safe replace, the name the copy
     * takes over at the end).
     *
     * @throws io.backupdesk.core.BackupDeskException {@code BUSY} at once when another job has that database
     */
    public RestoreReport restore(RestorePlan plan, Optional<String> password, Progress progress, Consumer<String> log,
                                 Cancellation cancel) {
        return restore(plan, SecretKeys.STORED, password, progress, log, cancel);
    }

    /**
     * The same, opening an encrypted backup with the secrets given (else a stored key): without one that fits it is
     * refused before anything changes. Its plaintext streams into pg_restore or psql as it is decrypted; only parallel
     * workers, which need a file they can seek in, get an owner-only decrypted copy that is removed afterwards (and at
     * the next start, after a kill).
     */
    public RestoreReport restore(RestorePlan plan, SecretKeys secrets, Optional<String> password, Progress progress,
                                 Consumer<String> log, Cancellation cancel) {
        return restore(plan, "manual", secrets, password, progress, log, cancel);
    }

    /** The same, recorded in the history with another origin than "manual", e.g. a schedule's test restore. */
    public RestoreReport restore(RestorePlan plan, String origin, SecretKeys secrets, Optional<String> password,
                                 Progress progress, Consumer<String> log, Cancellation cancel) {
        return restoreThen(plan, origin, secrets, password, progress, log, cancel, (report, readable) -> report);
    }

    /**
     * The same, then {@code after} with the report and the backup as it was read, still as the one job on the
     * database: a set restore gives the database its own settings from it.
     */
    <T> T restoreThen(RestorePlan plan, String origin, SecretKeys secrets, Optional<String> password, Progress progress,
                      Consumer<String> log, Cancellation cancel, BiFunction<RestoreReport, Readable, T> after) {
        RolesFirst.requireFile(plan);
        return claims.whileHolding(claimOf(plan), "restore", () -> readingPlaintext(plan, secrets,
                !plan.streamable(), progress, cancel, readable -> {
            Optional<RolesReport> roles = rolesFirst.apply(readable, rolesFrom(plan, readable.plan()), secrets,
                    password, cancel);
            RestoreReport report;
            try {
                report = restores.restore(readable.plan(), origin, readable.decryption(), password, progress, log, cancel);
            } catch (BackupDeskException e) {
                throw roles.map(r -> RolesFirst.after(e, r)).orElse(e);
            }
            return after.apply(roles.map(report::withRoles).orElse(report), readable);
        }));
    }

    /** The backup whose roles file is read: the one in the catalog, or for one only at a destination its download. */
    private static BackupCatalog.Entry rolesFrom(RestorePlan plan, RestorePlan readable) {
        return plan.source().status() == BackupStatus.REMOTE ? readable.source() : plan.source();
    }

    /**
     * Refuses an encrypted backup that nothing given or stored here opens (naming the public keys it needs), or that
     * the key or passphrase given does not open; does nothing for an unencrypted one. Cheap: reads the file's header.
     */
    public void requireOpenable(BackupCatalog.Entry backup, SecretKeys secrets) {
        if (!backup.record().encrypted()) {
            return;
        }
        ArchiveDecryption decryption = keys.forReading(backup.record(), secrets)
                .orElseThrow(() -> EncryptionKeys.noKeyFor(backup.record()));
        if (backup.status() == BackupStatus.REMOTE) {
            // its header is at the destination: the key is tried on the download, before anything changes
            return;
        }
        openHeader(backup, decryption);
    }

    /**
     * A plan on a backup the restore layer can read, and what decrypts that backup as it streams.
     *
     * @param plan       the plan, on a download or a decrypted copy of its backup where one was needed
     * @param decryption opens the plan's backup as it streams; null when its file is plaintext
     */
    record Readable(RestorePlan plan, ArchiveDecryption decryption) { }

    /**
     * Runs the step on the plan as it is; for a backup only at a destination on its download, checked against its
     * sidecar. An encrypted backup is decrypted as it streams once its header proved that the key opens it; only
     * {@code needsFile} decrypts it to an owner-only copy first.
     *
     * @param needsFile the step runs a pg_restore that must seek in a file (a plan not {@link RestorePlan#streamable()})
     */
    <T> T readingPlaintext(RestorePlan plan, SecretKeys secrets, boolean needsFile, Progress progress,
                           Cancellation cancel, Function<Readable, T> step) {
        if (plan.source().status() == BackupStatus.REMOTE) {
            // the key is checked before the download, so a backup nothing here opens is refused at once
            requireOpenable(plan.source(), secrets);
            try (DownloadedCopy downloaded = remote.download(plan.source(), cancel)) {
                return readingPlaintext(plan.withSource(downloaded.entry()), secrets, needsFile, progress, cancel, step);
            }
        }
        BackupRecord backup = plan.source().record();
        if (!backup.encrypted()) {
            return step.apply(new Readable(plan, null));
        }
        ArchiveDecryption decryption = keys.forReading(backup, secrets)
                .orElseThrow(() -> EncryptionKeys.noKeyFor(backup));
        // the first read of the file, before anything changes: a wrong key or passphrase fails on the header
        openHeader(plan.source(), decryption);
        if (!needsFile) {
            return step.apply(new Readable(plan, decryption));
        }
        progress.report(ProgressUpdate.phase("Decrypting the backup to an owner-only temporary file that pg_restore "
                + (plan.jobs() > 1 ? "and its " + plan.jobs() + " workers can read" : "can read in the order of the"
                + " foreign keys") + " (removed afterwards)"));
        try (DecryptedCopy copy = DecryptedCopy.of(plan.source(), decryption, decryptedCopies, verifier, clock, cancel)) {
            return step.apply(new Readable(plan.withSource(copy.entry()), null));
        }
    }

    /**
     * Reads the file's age header and unwraps its file key with the key or passphrase given, which proves that it
     * opens the file (the header's MAC is checked with the unwrapped key); no payload is decrypted.
     *
     * @throws io.backupdesk.crypto.CryptoException a wrong key or passphrase, or a header that is not age's
     */
    private static void openHeader(BackupCatalog.Entry backup, ArchiveDecryption decryption) {
        try (InputStream file = Files.newInputStream(backup.archive()); InputStream opened = decryption.decrypt(file)) {
            // the header was read and its key unwrapped: this key opens the file
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "The backup " + backup.record().id() + " cannot be read: "
                    + e.getMessage(), "Check that the backup file is there and readable.", List.of(), e);
        }
    }

    /** Deletes the decrypted copies of restores that died with their process, from the folder given to the job. */
    public static void removeAbandonedCopies(Path decryptedCopies) {
        WorkFolder.removeAbandoned(decryptedCopies);
    }

    /** Undoes a restore, as the one job on its database. */
    public RestoreRecord rollback(String restoreId, ConnectionProfile target, Optional<String> password,
                                  Progress progress, Cancellation cancel) {
        String database = restores.record(restoreId).database();
        return claims.whileHolding(DatabaseClaims.keyOf(target.withDatabase(database)), "rollback",
                () -> restores.rollback(restoreId, target, password, progress, cancel));
    }

    /** Drops the database a restore kept aside; the restored database is not touched, so it needs no claim. */
    public RestoreRecord dropOldCopy(String restoreId, ConnectionProfile target, Optional<String> password) {
        return restores.dropOldCopy(restoreId, target, password);
    }

    public RestoreRecord record(String restoreId) {
        return restores.record(restoreId);
    }

    /** The claim a restore takes: the database it restores into on the target server. */
    static String claimOf(RestorePlan plan) {
        return DatabaseClaims.keyOf(plan.target().withDatabase(plan.database()));
    }
}

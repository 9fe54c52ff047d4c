package io.backupdesk.jobs;

import io.backupdesk.backup.ArchiveDecryption;
import io.backupdesk.backup.ArchiveEncryption;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.Sha256;
import io.backupdesk.backup.Sidecars;
import io.backupdesk.backup.VerifyService;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Verification;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The plaintext of an encrypted backup, for one restore with parallel workers: pg_restore's workers each seek in the
 * archive, which a pipe cannot give them, so it is decrypted to a file in an owner-only folder of its own in the work
 * folder ({@link WorkFolder}: removed afterwards, and at the next start after a kill), with a sidecar that describes
 * the plaintext, so the restore reads it as any backup. Every other restore streams the plaintext (decision 0051).
 */
final class DecryptedCopy implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final WorkFolder folder;
    private final BackupCatalog.Entry entry;

    private DecryptedCopy(WorkFolder folder, BackupCatalog.Entry entry) {
        this.folder = folder;
        this.entry = entry;
    }

    /**
     * Checks the encrypted files against their recorded checksums, then decrypts them.
     *
     * @throws BackupDeskException {@code PREFLIGHT_BLOCKED} when the encrypted files are damaged; {@code IO} when they
     *                             cannot be decrypted to the end or the copy cannot be written
     */
    static DecryptedCopy of(BackupCatalog.Entry encrypted, ArchiveDecryption decryption, Path workRoot,
                            VerifyService verifier, Clock clock, Cancellation cancel) {
        BackupRecord record = encrypted.record();
        checkChecksum(encrypted, verifier);
        WorkFolder work = null;
        try {
            work = WorkFolder.create(workRoot);
            Path folder = work.path();
            String archiveName = plainName(record.fileName());
            String sha = decrypt(encrypted.archive(), folder.resolve(archiveName), decryption, cancel);
            BackupRecord.Builder plain = record.toBuilder().fileName(archiveName).sha256(sha).encrypted(false)
                    .recipients(List.of());
            Optional<Path> globals = encrypted.globals();
            if (globals.isPresent()) {
                String globalsName = plainName(record.globalsFile());
                plain.globalsFile(globalsName).globalsSha256(decrypt(globals.get(), folder.resolve(globalsName), decryption, cancel));
            }
            Verification before = record.verification();
            // decrypting proved the ciphertext authentic, so a full read recorded for it holds for this plaintext
            plain.verification(before != null && before.status() == BackupStatus.VERIFIED
                    ? new Verification(BackupStatus.VERIFIED, clock.instant(), before.message()) : null);
            BackupRecord copy = plain.build();
            Path sidecar = folder.resolve(encrypted.sidecar().getFileName());
            Sidecars.create(sidecar, copy);
            return new DecryptedCopy(work, new BackupCatalog.Entry(copy, sidecar, copy.effectiveStatus()));
        } catch (IOException | RuntimeException e) {
            if (work != null) {
                work.close();
            }
            if (e instanceof BackupDeskException bde) {
                throw bde;
            }
            throw new BackupDeskException(ErrorKind.IO, "The encrypted backup " + record.id() + " could not be decrypted: "
                    + e.getMessage(), "Verify the backup with its key; a damaged file cannot be restored.", List.of(), e);
        }
    }

    /** The backup as its plaintext copy, for the restore. */
    BackupCatalog.Entry entry() {
        return entry;
    }

    @Override
    public void close() {
        folder.close();
    }

    private static void checkChecksum(BackupCatalog.Entry encrypted, VerifyService verifier) {
        Optional<String> problem;
        try {
            problem = verifier.checksumProblem(encrypted);
        } catch (IOException e) {
            problem = Optional.of("it cannot be read (" + e.getMessage() + ")");
        }
        if (problem.isPresent()) {
            throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, "The backup is damaged: " + problem.get()
                    + ". Nothing was changed.", "Choose another backup.");
        }
    }

    private static String decrypt(Path source, Path target, ArchiveDecryption decryption, Cancellation cancel)
            throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream file = Files.newInputStream(source); InputStream plain = decryption.decrypt(file);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(SecureFiles.createNewFile(target)), digest)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = plain.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                cancel.throwIfCancelled();
            }
        }
        return Sha256.hex(digest);
    }

    private static String plainName(String encryptedName) {
        return encryptedName.endsWith(ArchiveEncryption.SUFFIX)
                ? encryptedName.substring(0, encryptedName.length() - ArchiveEncryption.SUFFIX.length()) : encryptedName;
    }
}

package io.backupdesk.jobs;

import io.backupdesk.backup.ArchiveDecryption;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.backup.Sha256;
import io.backupdesk.core.BackupSet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.backupdesk.backup.VerifyService;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Progress;
import io.backupdesk.core.Verification;

/**
 * Verifying a backup on demand: the checks, then the outcome recorded in its sidecar. The outcome is what the user
 * asked for, so it is returned even when it could not be recorded.
 */
public final class VerifyJob {
    /**
     * @param entry        the backup as recorded now (as it was, when nothing could be recorded)
     * @param verification what the checks found
     * @param deleted      the backup was deleted while it was being read: nothing was recorded
     * @param recordError  why the outcome could not be written; null when it was (or the backup was deleted)
     */
    public record Outcome(BackupCatalog.Entry entry, Verification verification, boolean deleted,
                          BackupDeskException recordError) {
        public boolean recorded() {
            return !deleted && recordError == null;
        }

        public boolean good() {
            return recorded() && verification.status() == BackupStatus.VERIFIED;
        }
    }

    /**
     * A set checked: each member's outcome, and the roles file's checksum.
     *
     * @param roles the roles file's check; null when the set has none (its manifest says why)
     */
    public record SetOutcome(BackupSets.SetEntry set, List<Outcome> members, Verification roles) {
        /**
         * Good only when the set is complete and everything of it checks out: a partial set cannot give back the
         * databases it lacks, however intact the rest is.
         */
        public boolean good() {
            return set.status() == BackupSet.Status.COMPLETE && members.stream().allMatch(Outcome::good)
                    && roles != null && roles.status() == BackupStatus.VERIFIED;
        }
    }

    private final VerifyService verifier;
    private final EncryptionKeys keys;
    private final Clock clock;

    /** On the system clock. */
    public VerifyJob(VerifyService verifier, EncryptionKeys keys) {
        this(verifier, keys, Clock.systemDefaultZone());
    }

    public VerifyJob(VerifyService verifier, EncryptionKeys keys, Clock clock) {
        this.verifier = verifier;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Verifies with the keys stored here: an encrypted backup none of them opens gets its checksum checked.
     *
     * @throws BackupDeskException when the backup could not be checked at all (no pg_restore, cancelled)
     */
    public Outcome verify(BackupCatalog.Entry entry, Progress progress, Cancellation cancel) {
        return verify(entry, SecretKeys.STORED, progress, cancel);
    }

    /**
     * Verifies; an encrypted backup is decrypted and read in full when the secrets given (or a stored key) open it,
     * else only its checksum is checked, which needs no key.
     *
     * @throws io.backupdesk.crypto.CryptoException {@code PASSPHRASE_REQUIRED} when a stored key that fits is
     *                                              protected; {@code WRONG_KEY} or {@code WRONG_PASSPHRASE} when
     *                                              what was given does not open it
     */
    /**
     * Verifies every member of a set as {@link #verify(BackupCatalog.Entry, SecretKeys, Progress, Cancellation)} does,
     * and the roles file against its checksum (which needs no key).
     */
    public SetOutcome verifySet(BackupSets.SetEntry set, SecretKeys secrets, Progress progress, Cancellation cancel) {
        List<Outcome> members = new ArrayList<>();
        for (BackupCatalog.Entry member : set.members()) {
            cancel.throwIfCancelled();
            members.add(verify(member, secrets, progress, cancel));
        }
        return new SetOutcome(set, members, set.roles().map(roles -> checkRoles(roles, set.set().globalsSha256()))
                .orElse(null));
    }

    private Verification checkRoles(Path roles, String expected) {
        Instant now = clock.instant();
        try {
            String found = Sha256.ofFile(roles);
            return found.equals(expected) ? new Verification(BackupStatus.VERIFIED, now, "The roles file's checksum matches.")
                    : new Verification(BackupStatus.CORRUPT, now, "The roles file " + roles.getFileName()
                    + " was changed or damaged: its SHA-256 is " + found + ", the set recorded " + expected + ".");
        } catch (IOException e) {
            return new Verification(BackupStatus.MISSING, now, "The roles file " + roles + " could not be read: "
                    + e.getMessage());
        }
    }

    public Outcome verify(BackupCatalog.Entry entry, SecretKeys secrets, Progress progress, Cancellation cancel) {
        ArchiveDecryption decryption = keys.forReading(entry.record(), secrets).orElse(null);
        Verification found = verifier.check(entry, decryption, progress, cancel);
        try {
            BackupCatalog.Entry recorded = verifier.record(entry, found);
            boolean deleted = recorded.status() == BackupStatus.MISSING && found.status() != BackupStatus.MISSING;
            return new Outcome(recorded, found, deleted, null);
        } catch (BackupDeskException e) {
            return new Outcome(entry, found, false, e);
        }
    }
}

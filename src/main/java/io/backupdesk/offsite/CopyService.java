package io.backupdesk.offsite;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.backup.Sha256;
import io.backupdesk.backup.Sidecars;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.store.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Copies one backup to one destination: every data file first, each confirmed by the destination against the
 * checksum its sidecar records, and the sidecar last, so a backup appears at the destination only complete. Blocking;
 * holds no state.
 */
public final class CopyService {
    /** What the destination confirmed for the backup's main file. */
    public record Copied(String archiveKey, RemoteStore.Confirmed confirmed, long bytes) { }

    private final Path localRoot;

    public CopyService(Path localRoot) {
        this.localRoot = localRoot;
    }

    /**
     * Copies the backup to the store.
     *
     * @param sent told the bytes of the whole backup sent so far
     * @throws BackupDeskException when the destination takes only encrypted backups and this one is not, when a file
     *                             of the backup is gone or changed since its sidecar was written, or as the store fails
     */
    public Copied copy(BackupCatalog.Entry entry, Destination destination, RemoteStore store, LongConsumer sent,
                       Cancellation cancel) {
        refuseUnencrypted(entry, destination);
        String sidecarKey = RemoteLayout.sidecarKey(entry, localRoot);
        refuseNameTaken(entry.record().id(), store, sidecarKey, cancel);
        List<RemoteLayout.Part> parts = RemoteLayout.dataParts(entry, localRoot);
        long done = 0;
        RemoteStore.Confirmed first = null;
        for (RemoteLayout.Part part : parts) {
            if (!Files.isRegularFile(part.file())) {
                throw new BackupDeskException(ErrorKind.CONFIGURATION, "The backup " + entry.record().id()
                        + " cannot be copied: its file " + part.file() + " is gone.",
                        "Nothing was copied; the backup is listed as missing.", List.of(), null);
            }
            long before = done;
            RemoteStore.Confirmed confirmed = store.upload(part.file(), part.key(), part.sha256(),
                    n -> sent.accept(before + n), cancel);
            if (!confirmed.sha256().equals(part.sha256())) {
                store.delete(part.key());
                throw new BackupDeskException(ErrorKind.IO, "The copy of " + part.key() + " at " + store.describe()
                        + " has SHA-256 " + confirmed.sha256() + ", but the backup's is " + part.sha256() + ".",
                        "The copy was removed; verify the local backup, then try the copy again.", List.of(), null);
            }
            first = first == null ? confirmed : first;
            done += size(part.file());
        }
        store.upload(entry.sidecar(), sidecarKey, sha256Of(entry.sidecar()), n -> { }, cancel);
        return new Copied(RemoteLayout.archiveKey(entry, localRoot), first, done);
    }

    /**
     * Copies a set's own files, once every member's copy is confirmed (the caller's business, as each member is an
     * ordinary backup): the roles file, then the manifest last, each confirmed against its SHA-256, so a destination
     * never shows a set whose parts are not all there. A partial set copies what it has: its manifest says which
     * databases it lacks.
     *
     * @throws BackupDeskException when the destination takes only encrypted backups and the set is not encrypted,
     *                             when another desk's set has its manifest's name there, or as the store fails
     */
    public Copied copySet(BackupSets.SetEntry set, Destination destination, RemoteStore store, Cancellation cancel) {
        refuseUnencrypted(set, destination);
        String manifestKey = RemoteLayout.manifestKey(set, localRoot);
        refuseNameTaken(set.set().id(), store, manifestKey, cancel);
        long bytes = 0;
        Optional<RemoteLayout.Part> roles = RemoteLayout.rolesPart(set, localRoot);
        if (roles.isPresent()) {
            uploadConfirmed(roles.get(), store, cancel);
            bytes += size(roles.get().file());
        }
        RemoteLayout.Part manifest = new RemoteLayout.Part(set.manifest(), manifestKey, sha256Of(set.manifest()));
        RemoteStore.Confirmed confirmed = uploadConfirmed(manifest, store, cancel);
        return new Copied(manifestKey, confirmed, bytes + size(set.manifest()));
    }

    private static RemoteStore.Confirmed uploadConfirmed(RemoteLayout.Part part, RemoteStore store,
                                                         Cancellation cancel) {
        if (!Files.isRegularFile(part.file())) {
            throw new BackupDeskException(ErrorKind.CONFIGURATION, "The file " + part.file() + " is gone, so it cannot"
                    + " be copied.", "List the backups again.", List.of(), null);
        }
        RemoteStore.Confirmed confirmed = store.upload(part.file(), part.key(), part.sha256(), n -> { }, cancel);
        if (!confirmed.sha256().equals(part.sha256())) {
            store.delete(part.key());
            throw new BackupDeskException(ErrorKind.IO, "The copy of " + part.key() + " at " + store.describe()
                    + " has SHA-256 " + confirmed.sha256() + ", but the set's is " + part.sha256() + ".",
                    "The copy was removed; verify the set, then try the copy again.", List.of(), null);
        }
        return confirmed;
    }

    /** A destination that takes only encrypted backups never receives a set that is not, nor any part of it. */
    public static void refuseUnencrypted(BackupSets.SetEntry set, Destination destination) {
        if (destination.requireEncryption() && !set.set().encrypted()) {
            throw new BackupDeskException(ErrorKind.CONFIGURATION, "The set " + set.set().id() + " is not encrypted,"
                    + " and the destination " + destination.name() + " takes only encrypted backups; nothing of it"
                    + " was copied.", "Encrypt the connection's backups (--encrypt-to), or let the destination take"
                    + " unencrypted ones.", List.of(), null);
        }
    }

    /** A destination that takes only encrypted backups never receives another, whoever asks. */
    public static void refuseUnencrypted(BackupCatalog.Entry entry, Destination destination) {
        if (destination.requireEncryption() && !entry.record().encrypted()) {
            throw new BackupDeskException(ErrorKind.CONFIGURATION, "The backup " + entry.record().id()
                    + " is not encrypted, and the destination " + destination.name() + " takes only encrypted backups.",
                    "Encrypt the connection's backups (--encrypt-to), or let the destination take unencrypted ones.",
                    List.of(), null);
        }
    }

    /**
     * Another desk's backup or set under the same name (the same connection name and database, backed up in the same
     * second) is never replaced: its sidecar or manifest there names another id. The same one's own, from an earlier
     * attempt, is replaced as the copy is made again.
     */
    private static void refuseNameTaken(String ownId, RemoteStore store, String sidecarKey, Cancellation cancel) {
        boolean there = store.list(RemoteKeys.folder(sidecarKey)).stream().anyMatch(f -> f.key().equals(sidecarKey));
        if (!there) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String id;
        try {
            store.download(sidecarKey, new BoundedOutputStream(bytes, Sidecars.MAX_BYTES), cancel);
            id = Json.mapper().readTree(bytes.toByteArray()).path("id").asText("");
        } catch (IOException | RuntimeException e) {
            id = "";
        }
        if (!id.equals(ownId)) {
            throw new BackupDeskException(ErrorKind.CONFIGURATION, "The destination " + store.describe()
                    + " already holds another backup under the name " + sidecarKey + (id.isEmpty() ? "" : " (id " + id
                    + ")") + ", copied there by another desk; it was left as it is, and this backup was not copied.",
                    "Two desks backed up the same connection and database in the same second. This backup stays"
                            + " here; the next one gets a name of its own.", List.of(), null);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String sha256Of(Path file) {
        try {
            return Sha256.ofFile(file);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "The sidecar " + file + " cannot be read: " + e.getMessage(),
                    "Nothing more was copied; check the backup folder.", List.of(), e);
        }
    }
}

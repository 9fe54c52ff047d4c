package io.backupdesk.core;

import java.time.Instant;
import java.util.List;

/**
 * One run of a server connection: a backup of each database found when it started plus the roles file, kept, listed,
 * copied and deleted as one. Its manifest ({@code <set name>.set.json}, in the connection's folder beside the
 * databases' folders) is written last, so it marks the set as complete; each database's backup is an ordinary backup
 * with its own sidecar whose {@code set} names this id.
 *
 * @param globalsFile   the roles and tablespaces (pg_dumpall --globals-only) beside the manifest; null when they
 *                      could not be dumped ({@code globalsError} says why)
 * @param members       every database the run found and chose, in name order, each with its backup or why it failed
 * @param excluded      databases the server had that the connection's scope left out
 * @param encrypted     the members and the roles file are age-encrypted to {@code recipients}
 */
public record BackupSet(int schemaVersion, String id, String profile, String host, Integer port, String serverVersion,
                        BackupFormat format, Instant createdAt, long durationMillis, String globalsFile,
                        String globalsSha256, String globalsError, List<Member> members, List<String> excluded,
                        String label, String origin, boolean pinned, boolean encrypted, List<String> recipients) {
    public static final int SCHEMA_VERSION = 1;

    /** One database of the set: its backup's id, or null with the reason it has none. */
    public record Member(String database, String backupId, String error) {
        public boolean written() {
            return backupId != null;
        }
    }

    /** How a set went as a whole. */
    public enum Status {
        /** Every database and the roles were written. */
        COMPLETE,
        /** Some were written; the others say why not. */
        PARTIAL,
        /** Nothing of the set could be written. */
        FAILED
    }

    public BackupSet {
        members = members == null ? List.of() : List.copyOf(members);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** Worked out from what the manifest lists rather than stored, so a manifest cannot claim more than it has. */
    public Status status() {
        long written = members.stream().filter(Member::written).count();
        boolean roles = globalsFile != null;
        if (written == members.size() && roles && globalsError == null) {
            return Status.COMPLETE;
        }
        return written > 0 || roles ? Status.PARTIAL : Status.FAILED;
    }

    /** The databases that could not be backed up, for messages and alerts. */
    public List<Member> failed() {
        return members.stream().filter(m -> !m.written()).toList();
    }

    public BackupSet withPinned(boolean pin) {
        return new BackupSet(schemaVersion, id, profile, host, port, serverVersion, format, createdAt, durationMillis,
                globalsFile, globalsSha256, globalsError, members, excluded, label, origin, pin, encrypted, recipients);
    }
}

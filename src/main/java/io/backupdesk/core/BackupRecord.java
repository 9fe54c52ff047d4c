package io.backupdesk.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything we know about one backup: the content of its sidecar file, which is written last and so marks the
 * backup as complete.
 *
 * @param fileName     the archive (file or folder) next to the sidecar
 * @param sha256       SHA-256 of the archive file; for the directory format, of the sorted "hash  name" lines
 *                     in {@code files}
 * @param files        directory format only: SHA-256 of each file in the folder
 * @param tables       tables dumped, with rows counted in the dump's own snapshot
 * @param origin       "manual" or "schedule:&lt;id&gt;"
 * @param encrypted    the archive (and globals file) are age-encrypted; {@code sha256} is then the ciphertext's, so a
 *                     check needs no key
 * @param recipients   the public keys (age1…) an encrypted backup can be opened with; empty for a passphrase. Never
 *                     a secret.
 * @param set          the id of the whole-server set this backup is one database of (see {@link BackupSet}); null for
 *                     a backup of one database on its own
 */
public record BackupRecord(int schemaVersion, String id, String profile, String host, Integer port, String database,
                           String serverVersion, String pgDumpVersion, BackupFormat format, String compression,
                           BackupOptions options, String fileName, long sizeBytes, long databaseSizeBytes,
                           String sha256, Map<String, String> files, String globalsFile, String globalsSha256,
                           Instant createdAt, long durationMillis, List<TableCount> tables, String label,
                           BackupStatus status, Verification verification, String origin, boolean pinned,
                           boolean encrypted, List<String> recipients, String set) {

    public static final int SCHEMA_VERSION = 1;
    public static final String ORIGIN_MANUAL = "manual";

    public BackupRecord {
        files = files == null ? Map.of() : Map.copyOf(files);
        tables = tables == null ? List.of() : List.copyOf(tables);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** A record started at the current schema version, every other component still to be named. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this record, to change a few and keep the rest. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The same backup with a new verification outcome. */
    public BackupRecord withVerification(Verification outcome) {
        return toBuilder().verification(outcome).build();
    }

    /** The same backup, pinned (kept by every cleanup) or not. */
    public BackupRecord withPinned(boolean pin) {
        return toBuilder().pinned(pin).build();
    }

    /** The status to show: the verification outcome when there is one, else the recorded status. */
    public BackupStatus effectiveStatus() {
        return verification != null ? verification.status() : status;
    }

    /**
     * Names each component where it is set, instead of counting 29 positions. What is not set stays null, zero or
     * false; the schema version starts at the current one.
     */
    public static final class Builder {
        private int schemaVersion = SCHEMA_VERSION;
        private String id;
        private String profile;
        private String host;
        private Integer port;
        private String database;
        private String serverVersion;
        private String pgDumpVersion;
        private BackupFormat format;
        private String compression;
        private BackupOptions options;
        private String fileName;
        private long sizeBytes;
        private long databaseSizeBytes;
        private String sha256;
        private Map<String, String> files;
        private String globalsFile;
        private String globalsSha256;
        private Instant createdAt;
        private long durationMillis;
        private List<TableCount> tables;
        private String label;
        private BackupStatus status;
        private Verification verification;
        private String origin;
        private boolean pinned;
        private boolean encrypted;
        private List<String> recipients;
        private String set;

        private Builder() { }

        private Builder(BackupRecord from) {
            schemaVersion = from.schemaVersion;
            id = from.id;
            profile = from.profile;
            host = from.host;
            port = from.port;
            database = from.database;
            serverVersion = from.serverVersion;
            pgDumpVersion = from.pgDumpVersion;
            format = from.format;
            compression = from.compression;
            options = from.options;
            fileName = from.fileName;
            sizeBytes = from.sizeBytes;
            databaseSizeBytes = from.databaseSizeBytes;
            sha256 = from.sha256;
            files = from.files;
            globalsFile = from.globalsFile;
            globalsSha256 = from.globalsSha256;
            createdAt = from.createdAt;
            durationMillis = from.durationMillis;
            tables = from.tables;
            label = from.label;
            status = from.status;
            verification = from.verification;
            origin = from.origin;
            pinned = from.pinned;
            encrypted = from.encrypted;
            recipients = from.recipients;
            set = from.set;
        }

        public Builder schemaVersion(int value) {
            schemaVersion = value;
            return this;
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder profile(String value) {
            profile = value;
            return this;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(Integer value) {
            port = value;
            return this;
        }

        public Builder database(String value) {
            database = value;
            return this;
        }

        public Builder serverVersion(String value) {
            serverVersion = value;
            return this;
        }

        public Builder pgDumpVersion(String value) {
            pgDumpVersion = value;
            return this;
        }

        public Builder format(BackupFormat value) {
            format = value;
            return this;
        }

        public Builder compression(String value) {
            compression = value;
            return this;
        }

        public Builder options(BackupOptions value) {
            options = value;
            return this;
        }

        public Builder fileName(String value) {
            fileName = value;
            return this;
        }

        public Builder sizeBytes(long value) {
            sizeBytes = value;
            return this;
        }

        public Builder databaseSizeBytes(long value) {
            databaseSizeBytes = value;
            return this;
        }

        public Builder sha256(String value) {
            sha256 = value;
            return this;
        }

        public Builder files(Map<String, String> value) {
            files = value;
            return this;
        }

        public Builder globalsFile(String value) {
            globalsFile = value;
            return this;
        }

        public Builder globalsSha256(String value) {
            globalsSha256 = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder durationMillis(long value) {
            durationMillis = value;
            return this;
        }

        public Builder tables(List<TableCount> value) {
            tables = value;
            return this;
        }

        public Builder label(String value) {
            label = value;
            return this;
        }

        public Builder status(BackupStatus value) {
            status = value;
            return this;
        }

        public Builder verification(Verification value) {
            verification = value;
            return this;
        }

        public Builder origin(String value) {
            origin = value;
            return this;
        }

        public Builder pinned(boolean value) {
            pinned = value;
            return this;
        }

        public Builder encrypted(boolean value) {
            encrypted = value;
            return this;
        }

        public Builder recipients(List<String> value) {
            recipients = value;
            return this;
        }

        public Builder set(String value) {
            set = value;
            return this;
        }

        /** Through the canonical constructor, the one Jackson reads sidecars with, so both apply the same defaults. */
        public BackupRecord build() {
            return new BackupRecord(schemaVersion, id, profile, host, port, database, serverVersion, pgDumpVersion,
                    format, compression, options, fileName, sizeBytes, databaseSizeBytes, sha256, files, globalsFile,
                    globalsSha256, createdAt, durationMillis, tables, label, status, verification, origin, pinned,
                    encrypted, recipients, set);
        }
    }
}

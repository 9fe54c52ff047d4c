package io.backupdesk.core;

import java.time.Instant;

/**
 * A restore as remembered for rolling it back: what replaced what, and where the previous state was kept.
 *
 * @param mode               "safe-replace", "in-place" or "new-database"
 * @param outcome            "complete", "complete-with-warnings" or "failed"
 * @param asideDatabase      safe replace: the previous database, renamed aside; null once dropped or swapped back
 * @param safetyBackupId     clean in place: the backup taken of the target before
 * @param rolledBackAt       when it was rolled back; null while it stands
 * @param restoredCopy       after a rollback of a safe replace: where the restored database was kept
 */
public record RestoreRecord(int schemaVersion, String id, String backupId, String profile, String database, String mode,
                            Instant startedAt, Instant finishedAt, String outcome, String asideDatabase,
                            String safetyBackupId, Instant rolledBackAt, String restoredCopy) {
    public static final int SCHEMA_VERSION = 1;

    /** A record started at the current schema version, every other component still to be named. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this record, to change a few and keep the rest. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public RestoreRecord rolledBack(Instant at, String keptAs) {
        return toBuilder().asideDatabase(null).rolledBackAt(at).restoredCopy(keptAs).build();
    }

    public RestoreRecord withoutAside() {
        return toBuilder().asideDatabase(null).build();
    }

    /**
     * Names each component where it is set, instead of counting 13 positions. What is not set stays null; the schema
     * version starts at the current one.
     */
    public static final class Builder {
        private int schemaVersion = SCHEMA_VERSION;
        private String id;
        private String backupId;
        private String profile;
        private String database;
        private String mode;
        private Instant startedAt;
        private Instant finishedAt;
        private String outcome;
        private String asideDatabase;
        private String safetyBackupId;
        private Instant rolledBackAt;
        private String restoredCopy;

        private Builder() { }

        private Builder(RestoreRecord from) {
            schemaVersion = from.schemaVersion;
            id = from.id;
            backupId = from.backupId;
            profile = from.profile;
            database = from.database;
            mode = from.mode;
            startedAt = from.startedAt;
            finishedAt = from.finishedAt;
            outcome = from.outcome;
            asideDatabase = from.asideDatabase;
            safetyBackupId = from.safetyBackupId;
            rolledBackAt = from.rolledBackAt;
            restoredCopy = from.restoredCopy;
        }

        public Builder schemaVersion(int value) {
            schemaVersion = value;
            return this;
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder backupId(String value) {
            backupId = value;
            return this;
        }

        public Builder profile(String value) {
            profile = value;
            return this;
        }

        public Builder database(String value) {
            database = value;
            return this;
        }

        public Builder mode(String value) {
            mode = value;
            return this;
        }

        public Builder startedAt(Instant value) {
            startedAt = value;
            return this;
        }

        public Builder finishedAt(Instant value) {
            finishedAt = value;
            return this;
        }

        public Builder outcome(String value) {
            outcome = value;
            return this;
        }

        public Builder asideDatabase(String value) {
            asideDatabase = value;
            return this;
        }

        public Builder safetyBackupId(String value) {
            safetyBackupId = value;
            return this;
        }

        public Builder rolledBackAt(Instant value) {
            rolledBackAt = value;
            return this;
        }

        public Builder restoredCopy(String value) {
            restoredCopy = value;
            return this;
        }

        /** Through the canonical constructor, the one Jackson reads restore records with. */
        public RestoreRecord build() {
            return new RestoreRecord(schemaVersion, id, backupId, profile, database, mode, startedAt, finishedAt,
                    outcome, asideDatabase, safetyBackupId, rolledBackAt, restoredCopy);
        }
    }
}

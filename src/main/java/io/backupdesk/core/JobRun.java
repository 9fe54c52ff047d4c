package io.backupdesk.core;

import java.time.Instant;

/**
 * One line of the job history: a backup run, whatever its outcome.
 *
 * @param backupId  the backup it produced, when it succeeded
 * @param errorKind null unless the run failed
 */
public record JobRun(int schemaVersion, String id, String kind, String profile, String database, String origin,
                     Instant startedAt, Instant finishedAt, JobStatus status, long sizeBytes, String backupId,
                     ErrorKind errorKind, String error) {
    public static final int SCHEMA_VERSION = 1;
    public static final String KIND_BACKUP = "backup";
    public static final String KIND_RESTORE = "restore";
    /**
     * A whole-server set's run as a whole, beside each database's own backup line: {@code database} is null,
     * {@code backupId} the set's id once its manifest is written, {@code sizeBytes} what its members take, and a
     * partial set is {@code FAILED} with the databases that failed in {@code error}.
     */
    public static final String KIND_SET = "set";

    /** A run started at the current schema version, every other component still to be named. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this run, to record how it ended and keep the rest. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Names each component where it is set, instead of counting 13 positions. What is not set stays null, zero or
     * false; the schema version starts at the current one.
     */
    public static final class Builder {
        private int schemaVersion = SCHEMA_VERSION;
        private String id;
        private String kind;
        private String profile;
        private String database;
        private String origin;
        private Instant startedAt;
        private Instant finishedAt;
        private JobStatus status;
        private long sizeBytes;
        private String backupId;
        private ErrorKind errorKind;
        private String error;

        private Builder() { }

        private Builder(JobRun from) {
            schemaVersion = from.schemaVersion;
            id = from.id;
            kind = from.kind;
            profile = from.profile;
            database = from.database;
            origin = from.origin;
            startedAt = from.startedAt;
            finishedAt = from.finishedAt;
            status = from.status;
            sizeBytes = from.sizeBytes;
            backupId = from.backupId;
            errorKind = from.errorKind;
            error = from.error;
        }

        public Builder schemaVersion(int value) {
            schemaVersion = value;
            return this;
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder kind(String value) {
            kind = value;
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

        public Builder origin(String value) {
            origin = value;
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

        public Builder status(JobStatus value) {
            status = value;
            return this;
        }

        public Builder sizeBytes(long value) {
            sizeBytes = value;
            return this;
        }

        public Builder backupId(String value) {
            backupId = value;
            return this;
        }

        public Builder errorKind(ErrorKind value) {
            errorKind = value;
            return this;
        }

        public Builder error(String value) {
            error = value;
            return this;
        }

        /** Through the canonical constructor, the one Jackson reads history lines with. */
        public JobRun build() {
            return new JobRun(schemaVersion, id, kind, profile, database, origin, startedAt, finishedAt, status,
                    sizeBytes, backupId, errorKind, error);
        }
    }
}

package io.backupdesk.core;

/** Which parts of the database a backup holds. */
public enum DumpScope { ALL, SCHEMA_ONLY, DATA_ONLY }

package io.backupdesk.core;

import java.time.Instant;

/** The outcome of reading a backup back: {@code VERIFIED} or {@code CORRUPT} with the reason. */
public record Verification(BackupStatus status, Instant at, String message) { }

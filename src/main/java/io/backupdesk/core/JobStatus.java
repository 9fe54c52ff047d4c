package io.backupdesk.core;

/** How a job run ended. {@code INTERRUPTED}: the app died while it ran and the next start found it. */
public enum JobStatus { OK, FAILED, CANCELLED, SKIPPED, INTERRUPTED }

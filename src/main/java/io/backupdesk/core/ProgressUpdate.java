package io.backupdesk.core;

import java.time.Duration;

/**
 * One snapshot of a running job.
 *
 * @param fraction     0..1, or -1 while unknown
 * @param currentItem  what is being worked on now (a table, a phase), never null
 * @param bytesDone    bytes written (backup) or read (restore) so far
 * @param eta          estimated time left, or null while unknown
 */
public record ProgressUpdate(double fraction, String currentItem, long bytesDone, Duration eta) {
    public static ProgressUpdate phase(String what) {
        return new ProgressUpdate(-1, what, 0, null);
    }
}

package io.backupdesk.stats;

import io.backupdesk.core.JobRun;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's numbers, computed at one moment.
 *
 * @param lastSuccess       the newest ok or verified backup; null when none
 * @param successRate7d     successful backup runs among those that ran to an end in the last 7 days, 0..1; null
 *                          when none ran (cancelled and skipped runs do not count)
 * @param averageDuration   of the successful backup runs of the last 30 days, start to end, whether or not retention
 *                          kept their backups (failed, cancelled and skipped runs left out); null when none
 * @param compressionRatio  database bytes per archive byte over backups that know both; null when none
 * @param freeBytes         free space on the backup volume; -1 when unknown
 * @param storageOverTime   per database (profile/database), for each of the last 30 days, the bytes of its kept
 *                          backups made up to that day
 * @param durations         each successful backup run of the last 30 days, oldest first: the runs the average is over
 * @param daily             backup runs per day for the last 30 days, oldest first
 * @param storageByDatabase bytes of the kept backups per database, largest first
 * @param recent            the newest job runs, backups and restores, newest first
 */
public record DashboardStats(Instant computedAt, int backups, long totalBytes, Instant lastSuccess, Double successRate7d,
                             Double successRate30d, Duration averageDuration, Double compressionRatio, long freeBytes,
                             List<DatabaseHealth> health, Map<String, List<DayValue>> storageOverTime,
                             List<DurationPoint> durations, List<DayRuns> daily, Map<String, Long> storageByDatabase,
                             List<JobRun> recent) {

    /** A value on a day. */
    public record DayValue(LocalDate day, long value) { }

    /** How long one successful backup run took, start to end; {@code database} is "profile/database". */
    public record DurationPoint(Instant at, String database, Duration duration) { }

    /** How the backup runs of one day ended. */
    public record DayRuns(LocalDate day, int succeeded, int failed) { }
}

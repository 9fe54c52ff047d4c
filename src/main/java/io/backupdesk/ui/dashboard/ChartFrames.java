package io.backupdesk.ui.dashboard;

/**
 * How the dashboard's four charts are titled and scaled, made with their series: each title says the unit its values
 * are in, and each axis fits the values drawn on it.
 *
 * @param storageDays  the x axis of storage over time, in epoch days
 * @param durationDays the x axis of the durations, in epoch days
 * @param daily        the y axis of the runs per day: whole numbers
 * @param byDatabase   the value axis of storage by database, in the storage chart's unit
 */
public record ChartFrames(String storageTitle, ChartAxis storageDays, ChartAxis storage,
                          String durationTitle, ChartAxis durationDays, ChartAxis durations,
                          ChartAxis daily, String byDatabaseTitle, ChartAxis byDatabase) {
}

package io.backupdesk.jobs;

import java.util.function.Supplier;

/**
 * The use cases, each in one place: the command line, the screens, the tray and the scheduler call these and do
 * none of it themselves.
 *
 * @param defaults  what a backup takes from the settings, as they are at the moment of asking
 * @param schedules making, naming, finding and removing schedules
 */
public record Jobs(BackupJob backup, SetBackupJob sets, RestoreJob restore, SetRestoreJob setRestore, VerifyJob verify,
                   CleanupJob cleanup, StaleDatabases stale, HealthJob health, CopyJob copy, DestinationsJob destinations,
                   RemoteBackups remote, Presets presets,
                   Supplier<BackupDefaults> defaults, Schedules schedules) { }

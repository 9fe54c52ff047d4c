package io.backupdesk.ui.schedules;

/** The ways the editor offers to say when a schedule runs: four shapes that write the cron, or the cron itself. */
public enum Preset {
    /** Every hour at minute M. */
    HOURLY,
    /** Every day at HH:MM. */
    DAILY,
    /** Every week on a weekday at HH:MM. */
    WEEKLY,
    /** Every month on day D at HH:MM. */
    MONTHLY,
    /** Five cron fields, typed. */
    CUSTOM
}

package io.backupdesk.ui.dashboard;

import io.backupdesk.ui.Messages;

import java.time.Duration;
import java.util.Locale;

/**
 * The unit a chart of durations is drawn in, chosen from its longest value so that the numbers read plainly: seconds
 * below two minutes, minutes below two hours, hours beyond ("0.07 minutes" said nothing).
 */
enum DurationUnit {
    SECONDS(1), MINUTES(60), HOURS(3600);

    /** Below twice a unit the next smaller one is used: 90 s, not 1.5 min. */
    private static final int UP_AT = 2;

    private final double seconds;

    DurationUnit(double seconds) {
        this.seconds = seconds;
    }

    static DurationUnit forLongest(Duration longest) {
        double s = longest.toMillis() / 1000.0;
        return s < UP_AT * MINUTES.seconds ? SECONDS : s < UP_AT * HOURS.seconds ? MINUTES : HOURS;
    }

    double of(Duration duration) {
        return duration.toMillis() / 1000.0 / seconds;
    }

    /** "seconds", "minutes", "hours", as a chart's title says it. */
    String word() {
        return Messages.get("dashboard.chart.unit." + name().toLowerCase(Locale.ROOT));
    }
}

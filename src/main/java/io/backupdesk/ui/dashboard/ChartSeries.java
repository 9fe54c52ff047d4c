package io.backupdesk.ui.dashboard;

import java.time.LocalDate;
import java.util.List;

/** One line or bar series of a dashboard chart, as plain data: the view turns it into chart nodes. */
public record ChartSeries(String name, List<Point> points) {
    /**
     * A value at a position on the x axis: a day (as epoch day, {@code x}) for the charts over time, a label for
     * the bar charts.
     */
    public record Point(double x, String label, double value) {
        static Point onDay(LocalDate day, double value) {
            return new Point(day.toEpochDay(), day.toString(), value);
        }

        static Point labelled(String label, double value) {
            return new Point(0, label, value);
        }
    }
}

package io.backupdesk.ui.dashboard;

import java.util.Locale;

/**
 * A number axis of a dashboard chart: its range and the step between its labelled ticks. A value axis runs from zero
 * to a round number above the largest value, so that no point sits on the chart's edge and each label reads as a
 * plain number; a count (runs per day) steps in whole numbers only.
 */
public record ChartAxis(double lower, double upper, double tick) {
    /** The least room above the largest value, as a share of it: a point's symbol is drawn whole below the edge. */
    static final double HEADROOM = 0.1;
    /** About this many steps from zero to the top: enough to read a value off, few enough to label each. */
    private static final int STEPS = 5;
    private static final int MIN_STEPS = 3;
    private static final int MAX_STEPS = 7;
    private static final double[] ROUND = {1, 2, 5};
    private static final int MAX_DECIMALS = 4;

    public ChartAxis {
        if (!(upper > lower) || !(tick > 0)) {
            throw new IllegalArgumentException("an axis needs lower < upper and a positive tick: " + lower + ".." + upper
                    + " by " + tick);
        }
    }

    /**
     * From zero to above {@code max}: the tightest top that a round step (1, 2 or 5 times a power of ten) reaches in
     * three to seven steps, five when two are as tight.
     *
     * @param wholeNumbers the values are counts: every step is a whole number
     */
    static ChartAxis fromZero(double max, boolean wholeNumbers) {
        double top = max > 0 ? max * (1 + HEADROOM) : wholeNumbers ? STEPS - 1 : 1;
        int magnitude = (int) Math.floor(Math.log10(top / STEPS));
        ChartAxis best = null;
        for (int power = magnitude - 1; power <= magnitude + 1; power++) {
            for (double round : ROUND) {
                double tick = clean(round * Math.pow(10, power));
                if (wholeNumbers && (tick < 1 || tick != Math.rint(tick))) {
                    continue;
                }
                long steps = (long) Math.ceil(top / tick - 1e-9);
                if (steps < MIN_STEPS || steps > MAX_STEPS) {
                    continue;
                }
                ChartAxis axis = new ChartAxis(0, clean(steps * tick), tick);
                if (best == null || axis.upper() < best.upper() || axis.upper() == best.upper()
                        && Math.abs(steps - STEPS) < Math.abs(best.upper() / best.tick() - STEPS)) {
                    best = axis;
                }
            }
        }
        // a count of one or two: whole steps cannot make three
        return best != null ? best : new ChartAxis(0, Math.max(1, Math.ceil(top)), 1);
    }

    /**
     * Days as epoch days, from the day before the first point to the day after the last, so that the points at either
     * end are drawn whole; a tick each week.
     */
    static ChartAxis days(double firstDay, double lastDay) {
        return new ChartAxis(firstDay - 1, Math.max(lastDay, firstDay) + 1, 7);
    }

    /** Without the binary fraction's tail that multiplying by a power of ten leaves (0.30000000000000004). */
    private static double clean(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.10g", value));
    }

    /**
     * Whether a tick's label would crowd the one before: a chart axis always labels its upper bound, which on an axis
     * of days falls anywhere between two weekly ticks ("12-04 12-07" ran into each other).
     */
    public boolean crowded(double value) {
        double rest = (upper - lower) % tick;
        return Math.abs(value - upper) < 1e-9 && rest > 1e-9 && rest < tick / 2;
    }

    /** A tick's label: as many decimals as the step has, and no more ("0.5", "1.0", "1.5"; "2", "4"). */
    public String label(double value) {
        int decimals = 0;
        while (decimals < MAX_DECIMALS && Math.abs(tick * Math.pow(10, decimals) - Math.rint(tick * Math.pow(10, decimals))) > 1e-9) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}

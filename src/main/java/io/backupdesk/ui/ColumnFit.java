package io.backupdesk.ui;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * How wide each column of a table is, from what its cells need: every column as wide as its widest text when the table
 * has the room. When it has not, width is given up in this order: the {@code SPARE} columns down to their minimum;
 * then any column's width beyond what it {@code keeps} (the tail of a few long names); then the {@code USEFUL} columns
 * down to their minimum. An {@code ESSENTIAL} column never gives up what it keeps: when even that does not fit, the
 * table scrolls sideways, since a time or a size cut to "2026-12-06 2..." says nothing at all. Room left over goes to
 * the last column. Plain arithmetic, so that the rule is tested without a toolkit; {@link FittedColumns} measures the
 * texts and applies it.
 */
public final class ColumnFit {
    /** Which columns give up width first when the table is too narrow for all: {@code SPARE}, then {@code USEFUL}. */
    public enum Need { ESSENTIAL, USEFUL, SPARE }

    /**
     * What one column asks for.
     *
     * @param keep    the width it gives up only with the columns of its need, never for an {@code ESSENTIAL} one: a
     *                wider text is cut before a {@code USEFUL} column is (at least {@code min}; {@code max} for none)
     * @param content the width its widest text (or its header) needs
     * @param max     no wider than this, however long a text is: the rest shows in a tooltip
     */
    public record Want(double min, double keep, double content, double max, Need need) {
        public Want {
            if (min < 0 || max < min || keep < min) {
                throw new IllegalArgumentException("a column needs 0 <= min <= keep, max: " + min + ", " + keep + ", " + max);
            }
        }

        public Want(double min, double content, double max, Need need) {
            this(min, max, content, max, need);
        }

        /** What it gets when there is room: its content, within its limits. */
        double wanted() {
            return Math.max(min, Math.min(content, max));
        }
    }

    private ColumnFit() { }

    /**
     * The widths for a table {@code available} pixels wide, in the order of {@code wants}. Their sum is at most the
     * available width unless even the essential columns' kept widths and every other column's minimum do not fit;
     * then each has that and the table scrolls sideways.
     */
    public static double[] widths(List<Want> wants, double available) {
        double[] widths = new double[wants.size()];
        double total = 0;
        for (int i = 0; i < widths.length; i++) {
            widths[i] = wants.get(i).wanted();
            total += widths[i];
        }
        double over = total - available;
        over -= shrink(wants, widths, w -> w.need() == Need.SPARE, Want::min, over);
        over -= shrink(wants, widths, w -> true, Want::keep, over);
        over -= shrink(wants, widths, w -> w.need() == Need.USEFUL, Want::min, over);
        if (over < 0 && widths.length > 0) {
            // the room left: first to a column cut at its maximum, then all to the last, which fills the table
            double spare = -over;
            for (int i = 0; i < widths.length && spare > 0; i++) {
                double more = Math.min(spare, Math.max(0, wants.get(i).content() - widths[i]));
                widths[i] += more;
                spare -= more;
            }
            widths[widths.length - 1] += spare;
        }
        for (int i = 0; i < widths.length; i++) {
            // whole pixels, down: the columns never add up to a pixel more than the table, which would make it scroll
            widths[i] = Math.floor(widths[i]);
        }
        return widths;
    }

    /**
     * Takes up to {@code over} from the chosen columns, from each in proportion to what it has above its floor; returns
     * what it took.
     */
    private static double shrink(List<Want> wants, double[] widths, Predicate<Want> chosen, ToDoubleFunction<Want> floor,
                                 double over) {
        if (over <= 0) {
            return 0;
        }
        double room = 0;
        for (int i = 0; i < widths.length; i++) {
            if (chosen.test(wants.get(i))) {
                room += Math.max(0, widths[i] - floor.applyAsDouble(wants.get(i)));
            }
        }
        if (room <= 0) {
            return 0;
        }
        double take = Math.min(over, room);
        for (int i = 0; i < widths.length; i++) {
            if (chosen.test(wants.get(i))) {
                widths[i] -= take * Math.max(0, widths[i] - floor.applyAsDouble(wants.get(i))) / room;
            }
        }
        return take;
    }
}

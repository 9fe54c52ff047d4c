package io.backupdesk.ui;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A table's column resize policy that sizes columns to their content ({@link ColumnFit}): each chosen column's texts
 * are measured in the font its cells are drawn in whenever the rows change; the rule then shares the table's width.
 * Columns it was not told about keep the widths their layout asks for and give way first. A column a person drags
 * keeps the width they gave it.
 *
 * <p>Why not the toolkit's constrained policy: it shares the width by the columns' preferred widths, fixed numbers, so
 * a wider window went to the last column while a host name stayed cut ("d..."); and it cut every column to its minimum
 * before letting the table scroll.
 */
public final class FittedColumns<S> {
    /** A cell's text in the fallback font when no cell is drawn yet, as the theme's root sets it. */
    private static final double FALLBACK_FONT_SIZE = 13;
    /** Room for the sort arrow beside the text of the header the table is sorted by. */
    private static final double SORT_ARROW = 14;
    /** Left and right padding of a dense cell when no cell is drawn yet. */
    private static final double FALLBACK_PADDING = 16;
    /** Text measures fractional pixels; a cell cuts its text at a whole-pixel fraction less. */
    private static final double ROUNDING = 2;

    private record Spec<S>(ColumnFit.Need need, double min, Predicate<S> kept, double max, Function<S, String> text,
                           ToDoubleFunction<S> extra, Predicate<S> bold) { }

    private final TableView<S> table;
    private final Map<TableColumn<S, ?>, Spec<S>> specs = new IdentityHashMap<>();
    private final Map<TableColumn<S, ?>, Double> byHand = new IdentityHashMap<>();
    private final Map<TableColumn<S, ?>, Double> content = new IdentityHashMap<>();
    /** The widest text of the rows a column keeps whole ({@link Spec#kept}). */
    private final Map<TableColumn<S, ?>, Double> kept = new IdentityHashMap<>();
    /** A header is never cut: it names what the column holds, and its tooltip would be the only way to tell. */
    private final Map<TableColumn<S, ?>, Double> headers = new IdentityHashMap<>();
    private final Map<String, Double> textWidths = new HashMap<>();
    private final Text probe = new Text();
    private final ListChangeListener<S> rows = change -> remeasure();
    private ObservableList<S> listened;
    private Font measuredIn;
    private double measuredPadding;
    private boolean headersDrawn;
    private boolean waitingForCells;

    public FittedColumns(TableView<S> table) {
        this.table = table;
    }

    /**
     * Fits a column to its texts.
     *
     * @param kept  the rows whose text it keeps whole with the columns of its need; a longer text of another row
     *              gives way earlier, before a column of a lesser need
     * @param max   no wider than this when its text is longer; the cell shows the rest with an ellipsis
     * @param extra pixels a row's cell needs beside its text (an icon, an indent)
     * @param bold  the rows whose cell draws its text in bold
     */
    public FittedColumns<S> fit(TableColumn<S, ?> column, ColumnFit.Need need, double min, Predicate<S> kept,
                                double max, Function<S, String> text, ToDoubleFunction<S> extra, Predicate<S> bold) {
        specs.put(column, new Spec<>(need, min, kept, max, text, extra, bold));
        return this;
    }

    public FittedColumns<S> fit(TableColumn<S, ?> column, ColumnFit.Need need, double min, double max,
                                Function<S, String> text) {
        return fit(column, need, min, row -> true, max, text, row -> 0, row -> false);
    }

    /** Takes over the table's column sizing, and measures again whenever its rows change. */
    public void install() {
        table.setColumnResizePolicy(features -> {
            if (features.getColumn() != null) {
                return dragged(features.getColumn(), features.getDelta(), features);
            }
            apply(features.getContentWidth(), features::setColumnWidth);
            return true;
        });
        listened = table.getItems();
        listened.addListener(rows);
        // an invalidation, not a change listener: a change listener is not told when one empty list replaces another,
        // as the rows of a table that is being set up replace its default empty list
        table.itemsProperty().addListener(o -> {
            if (listened != null) {
                listened.removeListener(rows);
            }
            listened = table.getItems();
            if (listened != null) {
                listened.addListener(rows);
            }
            remeasure();
        });
        // the column sorted by shows an arrow beside its header's text
        table.getSortOrder().addListener((ListChangeListener<TableColumn<S, ?>>) change -> remeasure());
    }

    /** A column dragged wider or narrower keeps that width; the others share what is left by the rule. */
    private boolean dragged(TableColumn<S, ?> column, double delta, TableView.ResizeFeatures<S> features) {
        byHand.put(column, Math.max(column.getMinWidth(), Math.min(column.getMaxWidth(), column.getWidth() + delta)));
        apply(features.getContentWidth(), features::setColumnWidth);
        return true;
    }

    private void remeasure() {
        content.clear();
        refit();
    }

    /** Applies the rule again at the table's present width. */
    private void refit() {
        table.getColumnResizePolicy().call(new TableView.ResizeFeatures<>(table, null, 0.0));
    }

    private void apply(double available, BiConsumer<TableColumn<S, ?>, Double> setWidth) {
        if (available <= 0) {
            return;
        }
        measureIfNeeded();
        List<TableColumn<S, ?>> columns = new ArrayList<>(table.getVisibleLeafColumns());
        List<ColumnFit.Want> wants = new ArrayList<>();
        for (TableColumn<S, ?> column : columns) {
            wants.add(want(column));
        }
        double[] widths = ColumnFit.widths(wants, available);
        for (int i = 0; i < widths.length; i++) {
            setWidth.accept(columns.get(i), widths[i]);
        }
    }

    private ColumnFit.Want want(TableColumn<S, ?> column) {
        Double hand = byHand.get(column);
        if (hand != null) {
            return new ColumnFit.Want(hand, hand, hand, ColumnFit.Need.ESSENTIAL);
        }
        Spec<S> spec = specs.get(column);
        if (spec == null) {
            // a column of fixed width (an icon), or one this table's view has not described: as its layout asks
            return new ColumnFit.Want(column.getMinWidth(), column.getPrefWidth(),
                    Math.max(column.getMinWidth(), Math.min(column.getMaxWidth(), 10_000)),
                    column.isResizable() ? ColumnFit.Need.SPARE : ColumnFit.Need.ESSENTIAL);
        }
        double min = Math.max(spec.min(), headers.getOrDefault(column, 0.0));
        double needed = content.getOrDefault(column, min);
        double keep = Math.min(kept.getOrDefault(column, needed), spec.max());
        return new ColumnFit.Want(min, Math.max(min, keep), needed, Math.max(min, spec.max()), spec.need());
    }

    /** The widest text of each fitted column, with its cell's padding, in the font the cells are drawn in. */
    private void measureIfNeeded() {
        TableCell<?, ?> cell = anyCell();
        Font font = cell != null ? cell.getFont() : Font.font(Font.getDefault().getFamily(), FALLBACK_FONT_SIZE);
        double padding = cell != null ? cell.snappedLeftInset() + cell.snappedRightInset() : FALLBACK_PADDING;
        if (!font.equals(measuredIn) || padding != measuredPadding) {
            measuredPadding = padding;
            textWidths.clear();
            content.clear();
            headers.clear();
            kept.clear();
            measuredIn = font;
        }
        if (!content.isEmpty()) {
            return;
        }
        headersDrawn = true;
        ObservableList<S> rows = table.getItems();
        Font bold = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        specs.forEach((column, spec) -> {
            LongestTexts all = new LongestTexts();
            LongestTexts keptWhole = new LongestTexts();
            for (S row : rows) {
                String text = spec.text().apply(row);
                boolean isBold = spec.bold().test(row);
                double extra = spec.extra().applyAsDouble(row);
                all.offer(text, isBold, extra);
                if (spec.kept().test(row)) {
                    keptWhole.offer(text, isBold, extra);
                }
            }
            double header = header(column, font);
            headers.put(column, Math.ceil(header + ROUNDING));
            content.put(column, Math.ceil(Math.max(header, widest(all, font, bold) + padding) + ROUNDING));
            kept.put(column, Math.ceil(Math.max(header, widest(keptWhole, font, bold) + padding) + ROUNDING));
        });
        waitUntilDrawn(cell == null || !headersDrawn);
    }

    /**
     * The header's label as drawn, its padding and the sort arrow's room; measured in the cells' font until the
     * headers are drawn.
     */
    private double header(TableColumn<S, ?> column, Font cellFont) {
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() == column
                    && header.lookup(".label") instanceof Label label) {
                return label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset()
                        + (table.getSortOrder().contains(column) ? SORT_ARROW : 0);
            }
        }
        headersDrawn = false;
        return width(column.getText(), cellFont) + FALLBACK_PADDING
                + (table.getSortOrder().contains(column) ? SORT_ARROW : 0);
    }

    /**
     * Until the table has drawn its cells and headers, they are measured in a fallback font and padding; once a
     * layout pass has drawn them, they are measured again as drawn.
     */
    private void waitUntilDrawn(boolean notYet) {
        Scene scene = table.getScene();
        if (!notYet || waitingForCells || scene == null || table.getItems().isEmpty()) {
            return;
        }
        waitingForCells = true;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            waitingForCells = false;
            // measured again only once both are there: otherwise at the next change of rows or width
            if (anyCell() != null && !table.lookupAll(".column-header").isEmpty()) {
                remeasure();
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /**
     * A cell as the table draws it, styled: its font and its padding are those of the texts to measure. One not styled
     * yet has no padding, and one indented (a set's database) more than the rest, so the least padded styled one.
     */
    private TableCell<?, ?> anyCell() {
        TableCell<?, ?> plainest = null;
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && cell.getFont() != null && cell.snappedLeftInset() > 0
                    && (plainest == null || cell.snappedLeftInset() < plainest.snappedLeftInset())) {
                plainest = cell;
            }
        }
        return plainest;
    }

    private double widest(LongestTexts texts, Font font, Font bold) {
        double widest = 0;
        for (LongestTexts.Candidate candidate : texts.candidates()) {
            widest = Math.max(widest, width(candidate.text(), candidate.bold() ? bold : font) + candidate.extra());
        }
        return widest;
    }

    private double width(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        // the header's font may differ from the cells', a set's name is bold
        return textWidths.computeIfAbsent(font.getName() + "/" + font.getSize() + "/" + text, key -> {
            probe.setFont(font);
            probe.setText(text);
            return probe.getLayoutBounds().getWidth();
        });
    }
}

package io.backupdesk.ui.dashboard;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

import java.util.List;

/**
 * The dashboard's cards in rows of equal columns, as many to a row as fit at the width the widest card needs, so that
 * no card ever cuts its value or its lines ("1 min a…"). The rows are as even as can be: seven cards that do not fit
 * in one row go four and three.
 *
 * <p>Why its own layout: the widest card's width is known only once the cards are styled, and a window manager's frame
 * or a saved size gives any width at all; a fixed width per card cut its texts at some of them.
 */
final class CardRows extends Pane {
    /** No card narrower than this, so that short values do not crowd a row. */
    static final double CARD_MIN_WIDTH = 120;
    private final double gap;

    CardRows(double gap) {
        this.gap = gap;
    }

    /** How many cards go in each row at this width, given the width the widest needs. */
    static int perRow(int cards, double width, double widest, double gap) {
        if (cards == 0) {
            return 0;
        }
        int fit = (int) Math.max(1, Math.floor((width + gap) / (widest + gap)));
        int rows = (cards + Math.min(fit, cards) - 1) / Math.min(fit, cards);
        return (cards + rows - 1) / rows;
    }

    private double widest() {
        return this.<Node>getManagedChildren().stream().mapToDouble(n -> n.prefWidth(-1)).max().orElse(0);
    }

    private double cardWidth() {
        return Math.max(CARD_MIN_WIDTH, widest());
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + cardWidth() + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        int n = this.<Node>getManagedChildren().size();
        return snappedLeftInset() + n * cardWidth() + Math.max(0, n - 1) * gap + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        List<Node> cards = getManagedChildren();
        double inner = width < 0 ? computePrefWidth(-1) : width - snappedLeftInset() - snappedRightInset();
        int perRow = perRow(cards.size(), inner, cardWidth(), gap);
        double height = 0;
        for (int from = 0; from < cards.size(); from += perRow) {
            height += rowHeight(cards.subList(from, Math.min(cards.size(), from + perRow)), column(inner, perRow));
        }
        int rows = perRow == 0 ? 0 : (cards.size() + perRow - 1) / perRow;
        return snappedTopInset() + height + Math.max(0, rows - 1) * gap + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        List<Node> cards = getManagedChildren();
        double inner = getWidth() - snappedLeftInset() - snappedRightInset();
        int perRow = perRow(cards.size(), inner, cardWidth(), gap);
        // equal columns in every row: a short last row lines up under the first
        double column = column(inner, perRow);
        double y = snappedTopInset();
        for (int from = 0; from < cards.size(); from += perRow) {
            List<Node> row = cards.subList(from, Math.min(cards.size(), from + perRow));
            double height = rowHeight(row, column);
            double x = snappedLeftInset();
            for (Node card : row) {
                card.resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(column), snapSizeY(height));
                x += column + gap;
            }
            y += height + gap;
        }
    }

    private double column(double inner, int perRow) {
        return perRow == 0 ? 0 : Math.max(cardWidth(), (inner - (perRow - 1) * gap) / perRow);
    }

    private static double rowHeight(List<Node> row, double width) {
        return row.stream().mapToDouble(n -> n.prefHeight(width)).max().orElse(0);
    }
}

package io.backupdesk.ui.dashboard;

import io.backupdesk.core.JobStatus;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import io.backupdesk.ui.Views;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import javafx.util.StringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The dashboard screen: renders the ViewModel's cards, lists and chart data; decides nothing itself. */
public final class DashboardView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    @FXML private ScrollPane root;
    @FXML private Label updated;
    @FXML private Label error;
    @FXML private Button refresh;
    @FXML private VBox cards;
    @FXML private VBox health;
    @FXML private VBox recent;
    @FXML private LineChart<Number, Number> storageChart;
    @FXML private NumberAxis storageDays;
    @FXML private LineChart<Number, Number> durationChart;
    @FXML private NumberAxis durationDays;
    @FXML private StackedBarChart<String, Number> dailyChart;
    @FXML private BarChart<Number, String> byDatabaseChart;

    private final DashboardViewModel model;

    public DashboardView(DashboardViewModel model) {
        this.model = model;
        Views.load(this);
        bind();
    }

    public Node node() {
        return root;
    }

    private void bind() {
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.loadingProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        model.updatedAtProperty().addListener((o, was, now) ->
                updated.setText(now == null ? "" : Messages.get("dashboard.updated", Formats.time(now))));
        onChange(model.cards(), this::renderCards);
        cards.widthProperty().addListener((o, was, now) -> layOutCards(now.doubleValue()));
        onChange(model.health(), this::renderHealth);
        onChange(model.recent(), this::renderRecent);
        onChange(model.storage(), () -> {
            storageChart.setTitle(Messages.get("dashboard.chart.storage", model.storageUnitProperty().get()));
            overDays(storageChart, storageDays, model.storage());
        });
        onChange(model.durations(), () -> overDays(durationChart, durationDays, model.durations()));
        onChange(model.daily(), () -> dailyChart.getData().setAll(model.daily().stream().map(s ->
                series(s.name(), s.points().stream().map(p -> new XYChart.Data<String, Number>(p.label(), p.value())).toList())).toList()));
        onChange(model.storageByDatabase(), () -> {
            byDatabaseChart.setTitle(Messages.get("dashboard.chart.byDatabase.title", model.storageUnitProperty().get()));
            // the category axis runs upwards: reversed, the largest bar is on top
            byDatabaseChart.getData().setAll(model.storageByDatabase().stream().map(s -> series(s.name(), s.points().stream()
                    .map(p -> new XYChart.Data<Number, String>(p.value(), p.label()))
                    .collect(Collectors.collectingAndThen(Collectors.toList(), list -> {
                        Collections.reverse(list);
                        return list;
                    })))).toList());
        });
    }

    private static <T> void onChange(ObservableList<T> list, Runnable render) {
        list.addListener((ListChangeListener<T>) change -> render.run());
        render.run();
    }

    /** Below this width a card cuts its texts: a narrower window puts the cards in two rows instead. */
    private static final double CARD_MIN_WIDTH = 140;
    private static final double CARD_GAP = 10;
    private int cardsPerRow;

    private void renderCards() {
        cardsPerRow = 0;
        layOutCards(cards.getWidth());
    }

    /** The cards in as few rows as keep each at least {@link #CARD_MIN_WIDTH} wide, the rows as even as can be. */
    private void layOutCards(double width) {
        List<DashboardViewModel.Card> all = model.cards();
        int fit = width <= 0 ? all.size() : (int) Math.max(1, Math.floor((width + CARD_GAP) / (CARD_MIN_WIDTH + CARD_GAP)));
        int rows = all.isEmpty() ? 0 : (all.size() + Math.min(fit, all.size()) - 1) / Math.min(fit, all.size());
        int perRow = rows == 0 ? 0 : (all.size() + rows - 1) / rows;
        if (perRow == cardsPerRow && !cards.getChildren().isEmpty()) {
            return;
        }
        cardsPerRow = perRow;
        List<Node> lines = new ArrayList<>();
        for (int from = 0; from < all.size(); from += perRow) {
            HBox line = new HBox(CARD_GAP);
            all.subList(from, Math.min(all.size(), from + perRow)).forEach(c -> {
                Node card = card(c);
                HBox.setHgrow(card, Priority.ALWAYS);
                line.getChildren().add(card);
            });
            lines.add(line);
        }
        cards.getChildren().setAll(lines);
    }

    private static Node card(DashboardViewModel.Card card) {
        Label title = new Label(card.title());
        title.getStyleClass().add(Styles.CARD_TITLE);
        Label value = new Label(card.value());
        value.getStyleClass().add(Styles.CARD_VALUE);
        toneClass(card.tone()).ifPresent(value.getStyleClass()::add);
        Label detail = new Label(card.detail());
        detail.getStyleClass().add(Styles.MUTED);
        VBox box = new VBox(title, value, detail);
        box.getStyleClass().add(Styles.CARD);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** A neutral value keeps the text's own colour. */
    private static Optional<String> toneClass(DashboardViewModel.Tone tone) {
        return Optional.ofNullable(switch (tone) {
            case GOOD -> Styles.TONE_GOOD;
            case WARNING -> Styles.TONE_WARNING;
            case BAD -> Styles.TONE_BAD;
            case NEUTRAL -> null;
        });
    }

    private void renderHealth() {
        if (model.health().isEmpty()) {
            health.getChildren().setAll(muted(Messages.get("dashboard.health.empty")));
            return;
        }
        health.getChildren().setAll(model.health().stream().map(row -> {
            Region dot = new Region();
            dot.getStyleClass().addAll(Styles.HEALTH_DOT, Styles.health(row.health()));
            Label name = new Label(row.database());
            name.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label note = muted(row.note());
            note.setTextOverrun(OverrunStyle.ELLIPSIS);
            note.setTooltip(new Tooltip(row.note()));
            HBox line = new HBox(8, dot, name, gap, note);
            line.setAlignment(Pos.CENTER_LEFT);
            if (row.toAcknowledge() != null) {
                line.getChildren().add(acknowledgeButton(row));
            }
            // a server connection heads its databases, which are indented under it
            if (row.kind() == DashboardViewModel.HealthRow.Kind.SERVER) {
                Label kind = new Label(Messages.get("dashboard.server.kind"));
                kind.getStyleClass().add(Styles.SERVER_KIND);
                kind.setMinWidth(Region.USE_PREF_SIZE);
                line.getChildren().add(2, kind);
            }
            if (row.kind() == DashboardViewModel.HealthRow.Kind.IN_SERVER) {
                line.getStyleClass().add(Styles.HEALTH_IN_SERVER);
            } else {
                name.getStyleClass().add(Styles.Theme.TEXT_BOLD);
            }
            return (Node) line;
        }).toList());
    }

    /** Acknowledges what is wrong on one line; the line says it was acknowledged once the list is read again. */
    private Button acknowledgeButton(DashboardViewModel.HealthRow row) {
        Button button = new Button(Messages.get("dashboard.health.acknowledge"));
        button.getStyleClass().addAll(Styles.Theme.SMALL, Styles.Theme.FLAT);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setTooltip(new Tooltip(Messages.get("dashboard.health.acknowledge.tooltip")));
        button.setOnAction(e -> {
            button.setDisable(true);
            model.acknowledge(row);
        });
        return button;
    }

    private void renderRecent() {
        if (model.recent().isEmpty()) {
            recent.getChildren().setAll(muted(Messages.get("dashboard.activity.empty")));
            return;
        }
        recent.getChildren().setAll(model.recent().stream().map(row -> {
            Label when = muted(row.when());
            when.setMinWidth(Region.USE_PREF_SIZE);
            Label status = new Label(row.status().name().toLowerCase(Locale.ROOT));
            status.getStyleClass().add(row.status() == JobStatus.OK ? Styles.TONE_GOOD
                    : row.status() == JobStatus.CANCELLED || row.status() == JobStatus.SKIPPED ? Styles.TONE_WARNING
                    : Styles.TONE_BAD);
            status.setMinWidth(74);
            Label what = new Label(row.what());
            what.setMinWidth(Region.USE_PREF_SIZE);
            Label detail = muted(row.detail());
            detail.setTextOverrun(OverrunStyle.ELLIPSIS);
            HBox line = new HBox(8, when, status, what, detail);
            line.setAlignment(Pos.CENTER_LEFT);
            return (Node) line;
        }).toList());
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.MUTED);
        return label;
    }

    /** A chart over days: x is the epoch day, labelled as month-day, spanning the days the series cover. */
    private static void overDays(LineChart<Number, Number> chart, NumberAxis days, List<ChartSeries> series) {
        double first = series.stream().flatMap(s -> s.points().stream()).mapToDouble(ChartSeries.Point::x).min().orElse(0);
        double last = series.stream().flatMap(s -> s.points().stream()).mapToDouble(ChartSeries.Point::x).max().orElse(1);
        days.setLowerBound(first);
        days.setUpperBound(Math.max(last, first + 1));
        days.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochDay) {
                return DAY.format(LocalDate.ofEpochDay(epochDay.longValue()));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        chart.getData().setAll(series.stream().map(s -> series(s.name(), s.points().stream()
                .map(p -> new XYChart.Data<Number, Number>(p.x(), p.value())).toList())).toList());
    }

    private static <X, Y> XYChart.Series<X, Y> series(String name, List<XYChart.Data<X, Y>> points) {
        XYChart.Series<X, Y> series = new XYChart.Series<>();
        series.setName(name);
        series.getData().setAll(points);
        return series;
    }
}

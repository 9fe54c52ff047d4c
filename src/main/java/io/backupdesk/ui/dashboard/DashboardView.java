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
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The dashboard screen: renders the ViewModel's cards, lists and chart data; decides nothing itself. */
public final class DashboardView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    /** A database's name is cut no shorter than this: "analytics/ev…" still tells which it is. */
    private static final double NAME_MIN_WIDTH = 110;

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
    @FXML private NumberAxis storageValues;
    @FXML private NumberAxis durationValues;
    @FXML private NumberAxis dailyRuns;
    @FXML private NumberAxis byDatabaseValues;
    @FXML private StackedBarChart<String, Number> dailyChart;
    @FXML private BarChart<Number, String> byDatabaseChart;
    private final CardRows cardRows = new CardRows(CARD_GAP);

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
        cards.getChildren().setAll(cardRows);
        onChange(model.cards(), () -> cardRows.getChildren().setAll(model.cards().stream().map(DashboardView::card).toList()));
        model.chartFramesProperty().addListener((o, was, now) -> frame(now));
        onChange(model.health(), this::renderHealth);
        onChange(model.recent(), this::renderRecent);
        onChange(model.storage(), () -> overDays(storageChart, model.storage()));
        onChange(model.durations(), () -> overDays(durationChart, model.durations()));
        onChange(model.daily(), () -> dailyChart.getData().setAll(model.daily().stream().map(s ->
                series(s.name(), s.points().stream().map(p -> new XYChart.Data<String, Number>(p.label(), p.value())).toList())).toList()));
        onChange(model.storageByDatabase(), () -> {
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

    private static final double CARD_GAP = 10;

    private static Node card(DashboardViewModel.Card card) {
        Label title = new Label(card.title());
        title.getStyleClass().add(Styles.CARD_TITLE);
        Label value = new Label(card.value());
        value.getStyleClass().add(Styles.CARD_VALUE);
        toneClass(card.tone()).ifPresent(value.getStyleClass()::add);
        Label detail = new Label(card.detail());
        detail.getStyleClass().add(Styles.MUTED);
        // a card is as wide as its longest text: the rows make room rather than cut it
        for (Label label : List.of(title, value, detail)) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox box = new VBox(title, value, detail);
        box.getStyleClass().add(Styles.CARD);
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
            Label name = shrinking(new Label(row.database()));
            Label note = leftover(muted(row.note()));
            note.setTooltip(new Tooltip(row.note()));
            note.setAlignment(Pos.CENTER_RIGHT);
            HBox line = new HBox(8, dot, name, note);
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
            Label what = shrinking(new Label(row.what()));
            Label detail = leftover(muted(row.detail()));
            HBox line = new HBox(8, when, status, what, detail);
            line.setAlignment(Pos.CENTER_LEFT);
            return (Node) line;
        }).toList());
    }

    /**
     * A name that is cut, whole in its tooltip, rather than make its panel, and so the page, wider than the window: the
     * two panels of a row share the page's width, and one long name made the dashboard scroll sideways.
     */
    private static Label shrinking(Label label) {
        label.setMinWidth(NAME_MIN_WIDTH);
        label.setTextOverrun(OverrunStyle.ELLIPSIS);
        label.setTooltip(new Tooltip(label.getText()));
        return label;
    }

    /**
     * A note beside a name that takes only the room the name leaves: a row shrinks all its parts alike, so a long note
     * cut the name it is about ("crm/backup…") while it showed "Last backup failed 1 min ago: The …".
     */
    private static Label leftover(Label label) {
        label.setTextOverrun(OverrunStyle.ELLIPSIS);
        label.setPrefWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.MUTED);
        return label;
    }

    /** The titles and the axes of the charts, as the model scaled them to the data. */
    private void frame(ChartFrames frames) {
        storageChart.setTitle(frames.storageTitle());
        durationChart.setTitle(frames.durationTitle());
        byDatabaseChart.setTitle(frames.byDatabaseTitle());
        axis(storageDays, frames.storageDays(), v -> frames.storageDays().crowded(v) ? "" : day(v));
        axis(storageValues, frames.storage(), frames.storage()::label);
        axis(durationDays, frames.durationDays(), v -> frames.durationDays().crowded(v) ? "" : day(v));
        axis(durationValues, frames.durations(), frames.durations()::label);
        axis(dailyRuns, frames.daily(), frames.daily()::label);
        axis(byDatabaseValues, frames.byDatabase(), frames.byDatabase()::label);
    }

    private static void axis(NumberAxis axis, ChartAxis range, Function<Double, String> label) {
        axis.setLowerBound(range.lower());
        axis.setUpperBound(range.upper());
        axis.setTickUnit(range.tick());
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return label.apply(value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
    }

    /** An epoch day as month-day. */
    private static String day(double epochDay) {
        return DAY.format(LocalDate.ofEpochDay(Math.round(epochDay)));
    }

    /** A chart over days: x is the epoch day. */
    private static void overDays(LineChart<Number, Number> chart, List<ChartSeries> series) {
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

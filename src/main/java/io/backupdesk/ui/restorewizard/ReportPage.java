package io.backupdesk.ui.restorewizard;

import io.backupdesk.restore.RestoreReport;
import io.backupdesk.restore.TableComparison;
import io.backupdesk.ui.Confirm;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The report: complete or not, the tables' rows side by side with differences marked, the errors, the way back. */
final class ReportPage {
    private final RestoreWizardViewModel model;
    private final Runnable openLog;
    private final VBox box = new VBox(10);

    ReportPage(RestoreWizardViewModel model, Runnable openLog) {
        this.model = model;
        this.openLog = openLog;
        model.reportProperty().addListener((o, was, now) -> render(now));
        render(model.reportProperty().get());
    }

    Node node() {
        return box;
    }

    private void render(RestoreReport report) {
        box.getChildren().clear();
        if (report == null) {
            return;
        }
        Label outcome = new Label(Messages.get(switch (report.outcome()) {
            case COMPLETE -> "restore.report.complete";
            case COMPLETE_WITH_WARNINGS -> "restore.report.warnings";
            case FAILED -> "restore.report.failed";
        }));
        outcome.setId("outcome");
        outcome.getStyleClass().add(switch (report.outcome()) {
            case COMPLETE -> Styles.OUTCOME_COMPLETE;
            case COMPLETE_WITH_WARNINGS -> Styles.OUTCOME_WARNINGS;
            case FAILED -> Styles.OUTCOME_FAILED;
        });
        box.getChildren().addAll(outcome, WizardPages.wrapped(report.summary()), tables(report.tables()));
        errors("restore.report.real", report.realErrors());
        errors("restore.report.harmless", report.harmlessErrors());
        box.getChildren().addAll(wayBack(), kept());
    }

    /** Roll back and drop, each asked first: one brings an older state back, the other drops a database for good. */
    private HBox wayBack() {
        RestoreReportViewModel actions = model.reportActions();
        Button rollback = new Button(Messages.get("restore.report.rollback"));
        rollback.setId("rollback");
        rollback.disableProperty().bind(actions.canRollback().not());
        rollback.setOnAction(e -> Confirm.before(box, actions.rollbackQuestion(), actions::rollback));
        Button drop = new Button(Messages.get("restore.report.drop"));
        drop.setId("drop-old");
        drop.disableProperty().bind(actions.canDropOldCopy().not());
        drop.setOnAction(e -> Confirm.before(box, actions.dropQuestion(), actions::dropOldCopy));
        Button log = new Button(Messages.get("restore.report.openLog"));
        log.setOnAction(e -> openLog.run());
        return new HBox(8, rollback, drop, log);
    }

    /** Which database "drop the old copy" means, before anyone presses it. */
    private Label kept() {
        ReadOnlyStringProperty keptDatabase = model.reportActions().keptDatabaseProperty();
        Label kept = new Label();
        kept.setId("kept-database");
        kept.getStyleClass().add(Styles.MUTED);
        kept.textProperty().bind(Bindings.when(keptDatabase.isEmpty()).then("")
                .otherwise(Bindings.createStringBinding(() -> Messages.get("restore.report.kept", keptDatabase.get()),
                        keptDatabase)));
        kept.visibleProperty().bind(keptDatabase.isNotEmpty());
        kept.managedProperty().bind(kept.visibleProperty());
        return kept;
    }

    private static TableView<TableComparison> tables(List<TableComparison> rows) {
        TableView<TableComparison> table = new TableView<>();
        table.setId("report-tables");
        table.getStyleClass().add(Styles.Theme.DENSE);
        table.setPrefHeight(220);
        table.getColumns().add(column(Messages.get("restore.report.table"), TableComparison::qualifiedName, 300));
        table.getColumns().add(column(Messages.get("restore.report.backup"), t -> count(t.expected()), 180));
        table.getColumns().add(column(Messages.get("restore.report.restored"), t -> count(t.actual()), 180));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getItems().setAll(rows);
        return table;
    }

    private static TableColumn<TableComparison, TableComparison> column(String title, Function<TableComparison, String> text,
                                                                          double width) {
        TableColumn<TableComparison, TableComparison> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TableComparison row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove(Styles.DIFFERENCE);
                setText(empty || row == null ? null : text.apply(row));
                if (!empty && row != null && !row.matches()) {
                    getStyleClass().add(Styles.DIFFERENCE);
                }
            }
        });
        return column;
    }

    private static String count(Long rows) {
        return rows == null ? "–" : String.format(Locale.ROOT, "%,d", rows);
    }

    private void errors(String key, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Label title = new Label(Messages.get(key) + " (" + lines.size() + ")");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        box.getChildren().addAll(title, WizardPages.wrapped(String.join("\n", lines.stream().limit(20).toList())));
    }
}

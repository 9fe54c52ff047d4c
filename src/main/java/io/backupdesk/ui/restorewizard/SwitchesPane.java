package io.backupdesk.ui.restorewizard;

import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The options step's pg_restore switches, where pgAdmin's restore dialog has them: what to restore (its sections),
 * --create, schemas to leave out, tablespaces, triggers and failed tables, the role; folded until opened so that the
 * step stays short. Above them, the choice to restore the backup's roles file first. Texts name pg_restore's switches,
 * so mnemonic parsing is off (an underscore is no mnemonic).
 */
final class SwitchesPane {
    private static final double LABEL_WIDTH = 130;

    private final RestoreDraft draft;
    private final SwitchesViewModel switches;

    SwitchesPane(RestoreWizardViewModel model) {
        this.draft = model.draft();
        this.switches = model.switches();
    }

    /** Restore the roles file first, offered only for a backup that has one. */
    Node rolesFirst() {
        CheckBox first = check("roles-first", "restore.roles.first", draft.rolesFirst);
        first.disableProperty().bind(switches.rolesFileThere().not());
        // without a roles file one line says so; with one, what ticking it does
        first.textProperty().bind(javafx.beans.binding.Bindings.when(switches.rolesFileThere())
                .then(Messages.get("restore.roles.first")).otherwise(Messages.get("restore.roles.first.none")));
        Label note = muted(Messages.get("restore.roles.first.help"));
        note.visibleProperty().bind(switches.rolesFileThere());
        note.managedProperty().bind(note.visibleProperty());
        return new VBox(2, first, note);
    }

    TitledPane options() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints(LABEL_WIDTH, LABEL_WIDTH, LABEL_WIDTH);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        int r = 0;
        row(grid, r++, "restore.switches.sections", flow(check("section-pre-data", "restore.switches.preData", draft.preData),
                check("section-data", "restore.switches.data", draft.data),
                check("section-post-data", "restore.switches.postData", draft.postData)));
        grid.add(muted(Messages.get("restore.switches.sections.help")), 1, r++);
        Label oneJob = muted(Messages.get("restore.switches.oneJob"));
        oneJob.visibleProperty().bind(switches.rowsInKeyOrder());
        oneJob.managedProperty().bind(oneJob.visibleProperty());
        grid.add(oneJob, 1, r++);
        CheckBox create = check("create", "restore.switches.create", draft.create);
        create.disableProperty().bind(switches.createApplies().not());
        row(grid, r++, "restore.switches.database", new VBox(2, create, muted(Messages.get("restore.switches.create.help"))));
        row(grid, r++, "restore.switches.exclude", excluded());
        row(grid, r++, "restore.switches.objects", check("no-tablespaces", "restore.switches.noTablespaces",
                draft.noTablespaces));
        CheckBox triggers = check("disable-triggers", "restore.switches.disableTriggers", draft.disableTriggers);
        triggers.disableProperty().bind(switches.rowsApply().not());
        CheckBox failed = check("no-data-for-failed-tables", "restore.switches.noDataForFailedTables",
                draft.noDataForFailedTables);
        failed.disableProperty().bind(switches.failedTablesApply().not());
        row(grid, r++, "restore.switches.rows", new VBox(6, triggers, failed));
        TextField role = new TextField();
        role.setId("role");
        role.setPromptText(Messages.get("restore.switches.role.prompt"));
        role.textProperty().bindBidirectional(draft.role);
        row(grid, r, "restore.switches.role", role);
        TitledPane pane = new TitledPane(Messages.get("restore.switches.title"), new VBox(grid));
        pane.setId("restore-switches");
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.setMnemonicParsing(false);
        return pane;
    }

    /** A box per schema of the backup, by its exact name: nothing to type, so nothing to misquote. */
    private Node excluded() {
        FlowPane boxes = new FlowPane(12, 6);
        boxes.setAlignment(Pos.CENTER_LEFT);
        Runnable fill = () -> {
            boxes.getChildren().clear();
            for (String schema : switches.schemas()) {
                CheckBox box = new CheckBox(schema);
                box.setMnemonicParsing(false);
                box.setSelected(draft.excludeSchemas.contains(schema));
                box.selectedProperty().addListener((o, was, now) -> {
                    if (now) {
                        draft.excludeSchemas.add(schema);
                    } else {
                        draft.excludeSchemas.remove(schema);
                    }
                });
                boxes.getChildren().add(box);
            }
            if (switches.schemas().isEmpty()) {
                boxes.getChildren().add(muted(Messages.get("restore.switches.exclude.none")));
            }
        };
        switches.schemas().addListener((ListChangeListener<String>) c -> fill.run());
        draft.excludeSchemas.addListener((SetChangeListener<String>) c -> boxes.getChildren().stream()
                .filter(n -> n instanceof CheckBox).map(n -> (CheckBox) n)
                .forEach(b -> b.setSelected(draft.excludeSchemas.contains(b.getText()))));
        boxes.setId("exclude-schemas");
        fill.run();
        return boxes;
    }

    private static void row(GridPane grid, int row, String key, Node field) {
        Label label = new Label(Messages.get(key));
        label.setWrapText(true);
        GridPane.setValignment(label, VPos.TOP);
        grid.add(label, 0, row);
        grid.add(field, 1, row);
    }

    private static FlowPane flow(Node... nodes) {
        FlowPane flow = new FlowPane(12, 6, nodes);
        flow.setAlignment(Pos.CENTER_LEFT);
        return flow;
    }

    private static CheckBox check(String id, String key, BooleanProperty value) {
        CheckBox box = new CheckBox(Messages.get(key));
        box.setId(id);
        box.setMnemonicParsing(false);
        box.setWrapText(true);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(Styles.MUTED);
        return label;
    }
}

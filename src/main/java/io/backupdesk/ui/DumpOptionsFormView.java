package io.backupdesk.ui;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.DumpScope;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Map;

/**
 * The form of {@link DumpOptionsFormViewModel}, built in code as two pieces a screen places in its own layout: the
 * basics (format, compression, jobs, what to dump, the roles file) and "Options", pg_dump's switches and the size
 * limit, folded by default so that a dialog stays short. Back up now and the preset editor show the same pieces.
 */
public final class DumpOptionsFormView {
    private static final Map<DumpScope, String> CONTENT = Map.of(DumpScope.ALL, "backup.content.all",
            DumpScope.SCHEMA_ONLY, "backup.content.schemaOnly", DumpScope.DATA_ONLY, "backup.content.dataOnly");

    private final DumpOptionsFormViewModel model;
    private final double labelWidth;
    private final GridPane basics;
    private final TitledPane options = new TitledPane();

    /** @param labelWidth the width of the labels' column, to line up with the fields around the form */
    public DumpOptionsFormView(DumpOptionsFormViewModel model, double labelWidth) {
        this.model = model;
        this.labelWidth = labelWidth;
        basics = grid();
        buildBasics();
        buildOptions();
    }

    /** Format, compression, jobs, what to dump and the roles file, as rows of label and field. */
    public GridPane basics() {
        return basics;
    }

    /** pg_dump's switches and the size limit, in a pane folded until opened. */
    public TitledPane options() {
        return options;
    }

    private void buildBasics() {
        ComboBox<BackupFormat> format = new ComboBox<>();
        format.setId("format");
        format.getItems().setAll(BackupFormat.values());
        format.setConverter(Views.showing(BackupFormat::cliName));
        format.valueProperty().bindBidirectional(model.formatProperty());
        ComboBox<String> compression = new ComboBox<>(model.compressionChoices());
        compression.setId("compression");
        compression.setConverter(Views.showing(CompressionChoices::label));
        compression.valueProperty().bindBidirectional(model.compressionProperty());
        Spinner<Integer> jobs = new Spinner<>();
        jobs.setId("jobs");
        jobs.setPrefWidth(90);
        SpinnerValueFactory.IntegerSpinnerValueFactory jobValues =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 16, model.jobsProperty().get());
        jobs.setValueFactory(jobValues);
        jobValues.valueProperty().addListener((o, was, now) -> model.jobsProperty().set(now));
        model.jobsProperty().addListener((o, was, now) -> jobValues.setValue(now.intValue()));
        jobs.disableProperty().bind(model.jobsApply().not());
        ComboBox<DumpScope> content = new ComboBox<>();
        content.setId("content");
        content.getItems().setAll(DumpScope.values());
        content.setConverter(Views.showing(scope -> Messages.get(CONTENT.get(scope))));
        content.valueProperty().bindBidirectional(model.contentProperty());
        // the text names pg_dumpall, whose underscore is no mnemonic
        CheckBox globals = check("globals", "backup.globals", model.globalsProperty());
        globals.setWrapText(true);
        row(basics, 0, "backup.format", format);
        row(basics, 1, "backup.compression", compression);
        row(basics, 2, "backup.jobs", jobs);
        row(basics, 3, "backup.content", content);
        basics.add(globals, 1, 4);
    }

    private void buildOptions() {
        GridPane grid = grid();
        int r = 0;
        row(grid, r++, "dumpOptions.sections", flow(check("section-pre-data", "dumpOptions.sections.preData",
                model.preDataProperty()), check("section-data", "dumpOptions.sections.data", model.dataProperty()),
                check("section-post-data", "dumpOptions.sections.postData", model.postDataProperty())));
        grid.add(muted("dumpOptions.sections.help"), 1, r++);
        row(grid, r++, "dumpOptions.objects", flow(check("no-owner", "dumpOptions.noOwner", model.noOwnerProperty()),
                check("no-privileges", "dumpOptions.noPrivileges", model.noPrivilegesProperty()),
                check("no-tablespaces", "dumpOptions.noTablespaces", model.noTablespacesProperty())));
        row(grid, r++, "dumpOptions.excludeTableData", text("exclude-table-data", model.excludeTableDataProperty(),
                "dumpOptions.excludeTableData.prompt"));
        ComboBox<DumpOptionsFormViewModel.LargeObjects> largeObjects = new ComboBox<>();
        largeObjects.setId("large-objects");
        largeObjects.getItems().setAll(DumpOptionsFormViewModel.LargeObjects.values());
        largeObjects.setConverter(Views.showing(v -> Messages.get("dumpOptions.largeObjects." + v.name())));
        largeObjects.valueProperty().bindBidirectional(model.largeObjectsProperty());
        row(grid, r++, "dumpOptions.largeObjects", largeObjects);
        row(grid, r++, "dumpOptions.encoding", text("encoding", model.encodingProperty(), "dumpOptions.encoding.prompt"));
        row(grid, r++, "dumpOptions.role", text("role", model.roleProperty(), "dumpOptions.role.prompt"));
        ComboBox<DumpOptionsFormViewModel.RowsAs> rowsAs = new ComboBox<>();
        rowsAs.setId("rows-as");
        rowsAs.getItems().setAll(DumpOptionsFormViewModel.RowsAs.values());
        rowsAs.setConverter(Views.showing(v -> Messages.get("dumpOptions.rowsAs." + v.name())));
        rowsAs.valueProperty().bindBidirectional(model.rowsAsProperty());
        TextField perInsert = text("rows-per-insert", model.rowsPerInsertProperty(), "dumpOptions.rowsPerInsert.prompt");
        perInsert.setPrefColumnCount(6);
        perInsert.disableProperty().bind(model.insertsApply().not());
        Label perInsertLabel = new Label(Messages.get("dumpOptions.rowsPerInsert"));
        perInsertLabel.disableProperty().bind(perInsert.disableProperty());
        row(grid, r++, "dumpOptions.rowsAs", flow(rowsAs, perInsertLabel, perInsert));
        grid.add(check("quote-all-identifiers", "dumpOptions.quoteAll", model.quoteAllIdentifiersProperty()), 1, r++);
        CheckBox create = check("create", "dumpOptions.create", model.createProperty());
        CheckBox clean = check("clean", "dumpOptions.clean", model.cleanProperty());
        CheckBox ifExists = check("if-exists", "dumpOptions.ifExists", model.ifExistsProperty());
        create.disableProperty().bind(model.plain().not());
        clean.disableProperty().bind(model.plain().not());
        ifExists.disableProperty().bind(model.plain().not().or(model.cleanProperty().not()));
        row(grid, r++, "dumpOptions.plainSql", flow(create, clean, ifExists));
        Label plainOnly = muted("dumpOptions.plainSql.only");
        plainOnly.setId("plain-only");
        plainOnly.visibleProperty().bind(model.plain().not());
        plainOnly.managedProperty().bind(plainOnly.visibleProperty());
        grid.add(plainOnly, 1, r++);
        TextField maxSize = text("max-size", model.maxSizeProperty(), "dumpOptions.maxSize.prompt");
        maxSize.setMaxWidth(200);
        row(grid, r++, "dumpOptions.maxSize", maxSize);
        grid.add(muted("dumpOptions.maxSize.help"), 1, r++);
        Label problem = new Label();
        problem.setId("dump-options-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.FIELD_ERROR);
        Views.bindError(problem, model.problem());
        grid.add(problem, 1, r);
        options.setText(Messages.get("dumpOptions.title"));
        options.setId("dump-options");
        options.setContent(new VBox(grid));
        options.setExpanded(false);
        options.setAnimated(false);
    }

    private GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(labelWidth);
        labels.setPrefWidth(labelWidth);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        return grid;
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
        flow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return flow;
    }

    /** Mnemonic parsing off: these texts name pg_dump's switches and programs, whose underscores are no mnemonics. */
    private static CheckBox check(String id, String key, BooleanProperty value) {
        CheckBox box = new CheckBox(Messages.get(key));
        box.setId(id);
        box.setMnemonicParsing(false);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    private static TextField text(String id, StringProperty value, String promptKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(Messages.get(promptKey));
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label muted(String key) {
        Label label = new Label(Messages.get(key));
        label.setWrapText(true);
        label.getStyleClass().add(Styles.MUTED);
        return label;
    }
}

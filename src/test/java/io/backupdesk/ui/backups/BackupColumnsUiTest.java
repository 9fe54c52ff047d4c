package io.backupdesk.ui.backups;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.testing.CatalogGenerator;
import io.backupdesk.testing.FxWait;
import io.backupdesk.store.ScheduleStore;
import io.backupdesk.testing.SetGenerator;
import io.backupdesk.ui.UiJobs;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup list's columns and details headless on Monocle, at the size the list has in a 1280 by 800 window, over
 * made-up backups with labels and a whole-server set opened into its databases.
 */
@ExtendWith(ApplicationExtension.class)
class BackupColumnsUiTest {
    /** The columns a person reads first, kept whole at the window's usual size. */
    private static final Set<String> ESSENTIAL = Set.of("databaseColumn", "createdColumn", "sizeColumn",
            "formatColumn", "durationColumn", "statusColumn");
    private static final String STAGING_SCHEDULE = "0c7e9b4f5d21";
    @TempDir
    static Path dir;
    @RegisterExtension
    final UiJobs jobs = new UiJobs();
    private BackupsViewModel model;
    private Stage stage;

    @Start
    void start(Stage primary) throws Exception {
        // a window of its own, resized as a person would: the shared primary stage keeps its size for other tests
        stage = new Stage();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path root = Files.createTempDirectory(dir, "catalog");
        Instant now = Instant.now();
        CatalogGenerator.generate(root.resolve("config"), root.resolve("backups"), 60, 20, now.minusSeconds(3600));
        // the schedules that made the backups, so that their origins are named; staging's was removed since
        CatalogGenerator.schedules(root.resolve("config"), now);
        new ScheduleStore(root.resolve("config"), w -> { }).remove(STAGING_SCHEDULE);
        SetGenerator.demo(root.resolve("config"), root.resolve("backups"), now);
        model = new BackupsViewModel(new FolderCatalog(root.resolve("config"), root.resolve("backups")), jobs.runner());
        // the backup list's page in the main window at 1280 x 800: less the sidebar and the page's padding
        stage.setScene(new Scene((Parent) new BackupsView(model, folder -> { }, () -> { }, entry -> { }).node(),
                1048, 720));
        stage.show();
        model.refresh();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
    }

    @Test
    void everyColumnShowsItsTextsWholeWhenTheTableHasTheRoom(FxRobot robot) throws Exception {
        TableView<BackupRowViewModel> table = loaded(robot);
        // a page as wide as a 1920 screen's window, the details pane at its narrowest, the backups of one server (a
        // set's name is long): the list has the room for every column, which with the origin need about 1,150 pixels
        robot.interact(() -> {
            model.filterTextProperty().set("db.example.internal");
            stage.setWidth(1500);
            robot.lookup(".split-pane").queryAs(javafx.scene.control.SplitPane.class).setDividerPositions(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getWidth()).isGreaterThan(1150);

        assertThat(cut(robot, table, c -> true)).as("issue 19: server, database and label cut while there is room")
                .isEmpty();
        assertThat(headersCut(robot)).isEmpty();
    }

    @Test
    void atTheUsualSizeTheColumnsReadFirstShowWholeAndTheRestSayItInATooltip(FxRobot robot) throws Exception {
        TableView<BackupRowViewModel> table = loaded(robot);

        assertThat(cut(robot, table, ESSENTIAL::contains)).as("the columns read first")
                // a set's name says how many databases it has, a removed schedule that it was removed: those tails
                // give way first
                .allMatch(cut -> cut.startsWith("databaseColumn: cluster-a · ")
                        || cut.startsWith("originColumn: Removed schedule 'hourly staging'"));
        assertThat(cells(robot, "originColumn"::equals)).as("the origins are in view")
                .anyMatch(c -> c.getText().equals("Schedule 'nightly'"))
                .anyMatch(c -> c.getText().equals("Removed schedule 'hourly staging'"));
        assertThat(headersCut(robot)).isEmpty();
        double sum = table.getColumns().stream().mapToDouble(c -> c.isVisible() ? c.getWidth() : 0).sum();
        if (sum > table.getWidth()) {
            assertThat(table.getColumns()).as("scrolls sideways only with the others at their least")
                    .filteredOn(c -> c.isVisible() && c.isResizable() && !ESSENTIAL.contains(c.getId())
                            && !"databaseColumn".equals(c.getId()))
                    .allMatch(c -> c.getWidth() <= Math.max(c.getMinWidth(), header(robot, c)) + 1);
        }
        for (TableCell<?, ?> cell : cells(robot, Set.of("serverColumn", "labelColumn", "originColumn")::contains)) {
            if (!shown(cell).equals(cell.getText())) {
                assertThat(cell.getTooltip()).as("a cut " + cell.getTableColumn().getId()).isNotNull();
                assertThat(cell.getTooltip().getText()).isEqualTo(cell.getText());
            }
        }
        assertThat(robot.lookup("#copiesColumn").tryQuery()).isEmpty();
        assertThat(table.getColumns().stream().filter(c -> "copiesColumn".equals(c.getId())).findFirst().orElseThrow()
                .isVisible()).as("no backup here is copied off: no Copies column").isFalse();
    }

    @Test
    void aColumnDraggedWiderKeepsItsWidthAndTheOthersShareTheRest(FxRobot robot) throws Exception {
        TableView<BackupRowViewModel> table = loaded(robot);
        TableColumn<BackupRowViewModel, ?> server = column(table, "serverColumn");
        double before = server.getWidth();

        // what dragging the header's right edge does
        robot.interact(() -> table.resizeColumn(server, 90));
        robot.interact(() -> stage.setWidth(stage.getWidth() + 150));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(server.getWidth()).as("kept when the window is resized").isEqualTo(before + 90);
        assertThat(table.getColumns().stream().mapToDouble(c -> c.isVisible() ? c.getWidth() : 0).sum())
                .as("the others gave way").isLessThanOrEqualTo(table.getWidth());
        assertThat(cut(robot, table, id -> Set.of("createdColumn", "sizeColumn", "statusColumn").contains(id))).isEmpty();
    }

    @Test
    void theDetailsWrapBetweenWordsAndAfterTheSeparatorsOfAHostOrPath(FxRobot robot) throws Exception {
        TableView<BackupRowViewModel> table = loaded(robot);
        int plain = table.getItems().indexOf(table.getItems().stream().filter(r -> !r.isSet()).findFirst().orElseThrow());
        robot.interact(() -> table.getSelectionModel().select(plain));
        FxWait.until(() -> robot.lookup(".details-title").tryQuery().isPresent(), 10);

        Node details = robot.lookup(".details").query();
        List<Labeled> labels = robot.from(details).lookup((Node n) -> n instanceof Labeled l && l.getText() != null
                && !l.getText().isBlank()).queryAllAs(Labeled.class).stream().toList();
        assertThat(labels).isNotEmpty();
        for (Labeled label : labels) {
            for (String word : label.getText().split("\\s+")) {
                Text measure = new Text(word);
                measure.setFont(label.getFont());
                assertThat(measure.getLayoutBounds().getWidth())
                        .as("issue 19: '" + word + "' of '" + label.getText() + "' is broken inside")
                        .isLessThanOrEqualTo(label.getWidth() - label.snappedLeftInset() - label.snappedRightInset() + 1);
            }
            if (!label.isWrapText()) {
                assertThat(shown(label)).as("cut").isEqualTo(label.getText());
            }
        }
    }

    private TableView<BackupRowViewModel> loaded(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<BackupRowViewModel> table = robot.lookup(".table-view").queryAs(TableView.class);
        FxWait.until(() -> table.getItems().size() > 60, 10);
        // every set opened, so that its databases' indented rows are measured too
        robot.interact(() -> {
            List.copyOf(table.getItems()).stream().filter(BackupRowViewModel::isSet).forEach(model::toggleOpen);
            table.refresh();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).anyMatch(BackupRowViewModel::isMember).anyMatch(r -> r.label() != null);
        return table;
    }

    private static TableColumn<BackupRowViewModel, ?> column(TableView<BackupRowViewModel> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    /** The cells of these columns that show less than their text, as "column: text". */
    private static List<String> cut(FxRobot robot, TableView<?> table, java.util.function.Predicate<String> columns) {
        return cells(robot, columns).stream().filter(c -> !shown(c).equals(c.getText()))
                .map(c -> c.getTableColumn().getId() + ": " + c.getText() + " shown as " + shown(c)).toList();
    }

    private static List<TableCell<?, ?>> cells(FxRobot robot, java.util.function.Predicate<String> columns) {
        return robot.lookup(".table-row-cell .table-cell").match((Node n) -> n instanceof TableCell<?, ?> c
                && c.isVisible() && c.getText() != null && !c.getText().isEmpty() && c.getTableColumn() != null
                && columns.test(c.getTableColumn().getId())).<TableCell<?, ?>>queryAll().stream().toList();
    }

    /** The width a column's header label needs, with its padding. */
    private static double header(FxRobot robot, TableColumn<?, ?> column) {
        return robot.lookup(".column-header").match((Node n) -> n instanceof javafx.scene.control.skin.TableColumnHeader h
                && h.getTableColumn() == column).<javafx.scene.control.skin.TableColumnHeader>queryAll().stream()
                .mapToDouble(h -> h.lookup(".label") instanceof Label l ? l.prefWidth(-1) + h.snappedLeftInset()
                        + h.snappedRightInset() + 20 : 0).max().orElse(0);
    }

    private static List<String> headersCut(FxRobot robot) {
        return robot.lookup(".column-header .label").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && !shown(l).equals(l.getText())).map(Label::getText).toList();
    }

    /** The text a labeled control shows: its own, or cut with an ellipsis where it has too little room. */
    private static String shown(Labeled labeled) {
        // the label's own text node, not an icon's (an icon is a Text too)
        return labeled.getChildrenUnmodifiable().stream().filter(n -> n.getClass().getSimpleName().equals("LabeledText"))
                .map(n -> ((Text) n).getText())
                .findFirst().orElse("");
    }
}

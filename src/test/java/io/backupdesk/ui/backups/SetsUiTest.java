package io.backupdesk.ui.backups;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.testing.CatalogGenerator;
import io.backupdesk.testing.SetGenerator;
import io.backupdesk.ui.UiJobs;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole-server set in the backup list headless on Monocle: one row that opens into its databases, and its details. */
@ExtendWith(ApplicationExtension.class)
class SetsUiTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final UiJobs jobs = new UiJobs();
    private List<String> setIds;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path root = Files.createTempDirectory(dir, "catalog");
        Instant now = Instant.now();
        CatalogGenerator.generate(root.resolve("config"), root.resolve("backups"), 6, 5, now.minusSeconds(86_400 * 3));
        setIds = SetGenerator.demo(root.resolve("config"), root.resolve("backups"), now);
        BackupsViewModel model = new BackupsViewModel(new FolderCatalog(root.resolve("config"), root.resolve("backups")),
                jobs.runner());
        stage.setScene(new Scene((Parent) new BackupsView(model, folder -> { }, () -> { }, entry -> { }).node(),
                1200, 760));
        stage.show();
        model.refresh();
    }

    @SuppressWarnings("unchecked")
    private static TableView<BackupRowViewModel> table(FxRobot robot) {
        return robot.lookup(".table-view").queryAs(TableView.class);
    }

    /** The database column's cell that shows this row now; the table keeps other cells aside for measuring. */
    private static TableCell<?, ?> nameCell(FxRobot robot, BackupRowViewModel row) {
        return robot.lookup(".set-name-cell").match((TableCell<?, ?> c) -> c.getScene() != null && c.isVisible()
                && c.getItem() == row).tryQueryAs(TableCell.class).orElse(null);
    }

    @Test
    void aSetIsOneRowThatOpensIntoItsDatabasesAndShowsWhatFailedInItsDetails(FxRobot robot) throws Exception {
        TableView<BackupRowViewModel> table = table(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 9);
        // newest first: the partial set made two hours ago is on top, as one row
        BackupRowViewModel top = table.getItems().get(0);
        assertThat(top.isSet()).isTrue();
        assertThat(top.id()).isEqualTo(setIds.get(2));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> nameCell(robot, top) != null);
        WaitForAsyncUtils.waitForFxEvents(5);
        assertThat(nameCell(robot, top).getText()).isEqualTo("cluster-a · 2 of 3 databases");

        // the cell is found again as the click is made: the table may have laid its cells out anew meanwhile
        robot.clickOn((javafx.scene.Node n) -> n.getStyleClass().contains(io.backupdesk.ui.Styles.SET_TOGGLE) && n.getScene() != null
                && n.getParent() instanceof TableCell<?, ?> c && c.getItem() == top);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems()).hasSize(11);
        assertThat(table.getItems().subList(1, 3)).allMatch(BackupRowViewModel::isMember)
                .extracting(BackupRowViewModel::listName).containsExactly("app_eu", "postgres");

        // sorted by size the databases stay under their set
        robot.clickOn("Size");
        WaitForAsyncUtils.waitForFxEvents();
        int at = table.getItems().indexOf(top);
        assertThat(table.getItems().subList(at + 1, at + 3)).allMatch(r -> top.id().equals(r.group()) && r.isMember());

        robot.interact(() -> table.getSelectionModel().clearAndSelect(at));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#set-summary").queryAs(Label.class).getText()).startsWith("Partial: 2 of 3 databases");
        assertThat(robot.lookup("#member-app_us").tryQuery()).isPresent();
        assertThat(robot.lookup("permission denied").tryQuery()).isEmpty();
        assertThat(robot.lookup("#set-excluded").queryAs(Label.class).getText()).isEqualTo("test_scratch");

        // Left closes the focused set, as in a tree
        robot.interact(table::requestFocus);
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 9);
    }
}

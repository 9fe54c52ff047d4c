package io.backupdesk.ui.backups;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.testing.CatalogGenerator;
import io.backupdesk.ui.UiJobs;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The backup list headless on Monocle: rows, filtering by typing, the details of a clicked row. */
@ExtendWith(ApplicationExtension.class)
class BackupsUiTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final UiJobs jobs = new UiJobs();
    private BackupsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path root = Files.createTempDirectory(dir, "catalog");
        CatalogGenerator.generate(root.resolve("config"), root.resolve("backups"), 30, 10, Instant.now());
        model = new BackupsViewModel(new FolderCatalog(root.resolve("config"), root.resolve("backups")), jobs.runner());
        stage.setScene(new Scene((javafx.scene.Parent) new BackupsView(model, folder -> { }, () -> { }, entry -> { }).node(), 1100, 760));
        stage.show();
        model.refresh();
    }


    @Test
    void typingInTheFilterNarrowsTheTableAndAClickShowsTheDetails(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup(".table-view").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 30);
        assertThat(robot.lookup("#verify").queryAs(Button.class).isDisabled()).isTrue();

        robot.clickOn(".text-field").write("analytics");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(table.getItems()).isNotEmpty().hasSizeLessThan(30);
        robot.clickOn(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> cell
                && "analytics/events".equals(cell.getText())).<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".details-title").queryAs(Label.class).getText()).startsWith("analytics/events");
        assertThat(robot.lookup("#verify").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(robot.lookup("#reveal").queryAs(Button.class).isDisabled()).isFalse();
        // issue 19: the checksum wrapped over four lines; it is one selectable line with a copy button
        javafx.scene.control.TextField sha = robot.lookup(".code-value").queryAs(javafx.scene.control.TextField.class);
        assertThat(sha.getText()).hasSize(64);
        assertThat(sha.getHeight()).isLessThan(40);
        assertThat(robot.lookup(".copy-value").tryQuery()).isPresent();
    }

    @Test
    void theSelectedRowStaysSelectedWhenTheCatalogIsReadAgain(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup(".table-view").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 30);
        robot.interact(() -> table.getSelectionModel().select(3));
        String chosen = model.selection().get(0).id();
        Object before = table.getItems().get(0);

        // a scheduled run's end reads the catalog again: the highlight went while the details stayed
        robot.interact(model::refresh);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().get(0) != before);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(((BackupRowViewModel) table.getSelectionModel().getSelectedItem()).id()).isEqualTo(chosen);
        assertThat(model.selection()).extracting(BackupRowViewModel::id).containsExactly(chosen);
    }

    @Test
    void aLabelledBackupShowsItsLabelInTheDetails(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup(".table-view").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 30);

        robot.clickOn(".text-field").write("before-release");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).as("the made-up catalog has labelled backups").isNotEmpty();
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".field-name").queryAllAs(Label.class)).extracting(Label::getText).as("issue 19")
                .contains("Label");
        assertThat(robot.lookup(".details").lookup("before-release").tryQuery()).isPresent();
    }
}

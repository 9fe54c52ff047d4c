package io.backupdesk.ui.backups;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.testing.CatalogGenerator;
import io.backupdesk.ui.UiJobs;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
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

/** The backup list headless on Monocle: a copied backup's Copies cell, its copy lines in the details, and a retry. */
@ExtendWith(ApplicationExtension.class)
class CopiesUiTest {
    private static final String SHA = "3f2a9c1d" + "0".repeat(48) + "9c1d7e55";

    @TempDir
    static Path dir;
    @RegisterExtension
    final UiJobs jobs = new UiJobs();
    private CopiedCatalog catalog;
    private String copied;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path root = Files.createTempDirectory(dir, "catalog");
        CatalogGenerator.generate(root.resolve("config"), root.resolve("backups"), 6, 2, Instant.now());
        catalog = new CopiedCatalog(root.resolve("config"), root.resolve("backups"));
        copied = catalog.scan().get(0).record().id();
        Instant at = Instant.parse("2026-05-04T02:31:00Z");
        catalog.ledger.add(CopiedCatalog.ok(copied, "nas", SHA, at));
        catalog.ledger.add(CopiedCatalog.pending(copied, "offsite-s3", at, at.plusSeconds(300)));
        BackupsViewModel model = new BackupsViewModel(catalog, jobs.runner());
        stage.setScene(new Scene((Parent) new BackupsView(model, folder -> { }, () -> { }, entry -> { }).node(),
                1280, 760));
        stage.show();
        model.refresh();
    }

    @Test
    void aCopiedBackupShowsItsCopiesInTheListAndOneLinePerDestinationInItsDetails(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup(".table-view").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 6);

        Node cell = robot.lookup((Node n) -> n instanceof TableCell<?, ?> c && "1 pending".equals(c.getText()))
                .query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#copy-nas .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("nas", "ok", "3f2a9c1d…9c1d7e55").anySatisfy(t -> assertThat(t)
                        .startsWith("Confirmed by read back, "));
        assertThat(robot.lookup("#copy-nas .copy-value").tryQuery()).as("the whole checksum is copied").isPresent();
        assertThat(robot.lookup("#copy-offsite-s3 .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("offsite-s3", "pending").anySatisfy(t -> assertThat(t).startsWith("Attempt 1 failed"));

        Button retry = robot.lookup("#retryCopies").queryAs(Button.class);
        assertThat(retry.isDisabled()).isFalse();
        robot.clickOn(retry);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup((Node n) -> n instanceof TableCell<?, ?> c
                && "2 ok".equals(c.getText())).tryQuery().isPresent());
        assertThat(catalog.retried).containsExactly(copied);
        assertThat(robot.lookup("#notice").queryAs(Label.class).getText()).isEqualTo("1 copy confirmed.");
    }
}

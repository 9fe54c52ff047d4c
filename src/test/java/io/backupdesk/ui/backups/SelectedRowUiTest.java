package io.backupdesk.ui.backups;

import atlantafx.base.theme.PrimerDark;
import io.backupdesk.testing.CatalogGenerator;
import io.backupdesk.ui.UiJobs;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Background;
import javafx.scene.paint.Color;
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

/** In the dark theme a selected row stays plain to see when its table loses the focus (issue 19). */
@ExtendWith(ApplicationExtension.class)
class SelectedRowUiTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final UiJobs jobs = new UiJobs();

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        Path root = Files.createTempDirectory(dir, "catalog");
        CatalogGenerator.generate(root.resolve("config"), root.resolve("backups"), 10, 5, Instant.now());
        BackupsViewModel model = new BackupsViewModel(new FolderCatalog(root.resolve("config"), root.resolve("backups")), jobs.runner());
        stage.setScene(new Scene((javafx.scene.Parent) new BackupsView(model, folder -> { }, () -> { }, entry -> { }).node(), 1100, 760));
        stage.show();
        model.refresh();
    }

    @Test
    void theSelectedRowStandsOutWithTheFocusElsewhere(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup(".table-view").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 10);
        robot.interact(() -> table.getSelectionModel().select(1));
        robot.clickOn(".text-field");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.isFocused()).isFalse();

        Color selected = fill(robot, 1);
        Color plain = fill(robot, 0);
        Color striped = fill(robot, 2);

        assertThat(distance(selected, plain)).as("selected vs plain row").isGreaterThan(0.3);
        assertThat(distance(selected, striped)).as("selected vs striped row").isGreaterThan(0.3);
    }

    private static Color fill(FxRobot robot, int index) {
        TableRow<?> row = robot.lookup((javafx.scene.Node n) -> n instanceof TableRow<?> r && r.getIndex() == index)
                .queryAs(TableRow.class);
        Background background = row.getBackground();
        // the last fill is the row's own colour; the first one draws its bottom border
        return (Color) background.getFills().get(background.getFills().size() - 1).getFill();
    }

    /** How far apart two colours look once laid over the dark page: their RGB distance after alpha blending. */
    private static double distance(Color a, Color b) {
        Color page = Color.web("#0d1117");
        Color x = page.interpolate(new Color(a.getRed(), a.getGreen(), a.getBlue(), 1), a.getOpacity());
        Color y = page.interpolate(new Color(b.getRed(), b.getGreen(), b.getBlue(), 1), b.getOpacity());
        return Math.sqrt(Math.pow(x.getRed() - y.getRed(), 2) + Math.pow(x.getGreen() - y.getGreen(), 2)
                + Math.pow(x.getBlue() - y.getBlue(), 2));
    }
}

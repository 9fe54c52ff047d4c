package io.backupdesk.app;

import io.backupdesk.engine.AppPaths;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.testing.CatalogGenerator;
import io.backupdesk.testing.FxWait;
import javafx.application.Application;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup list follows the catalog whoever changed it: a run the scheduler or the tray made, or a dump that
 * arrived from elsewhere and F5 pressed with the focus anywhere in the window (issue 19).
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowRefreshUiTest {
    private Stage stage;
    private AppContext context;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
    }

    @AfterEach
    void close() throws InterruptedException {
        if (context != null) {
            context.close();
        }
    }

    private TableView<?> openBackupList(Path dir, FxRobot robot) throws Exception {
        AppPaths paths = AppPaths.forCurrentUser(dir.resolve("config"));
        // a profile, so that the window opens on the dashboard and not on the first start's connection form
        CatalogGenerator.generate(paths.configDir(), dir.resolve("elsewhere"), 1, 1, Instant.now());
        context = new AppContext(paths, warning -> { });
        robot.interact(() -> {
            stage.setScene(MainWindow.build(context, stage, folder -> { }));
            stage.show();
        });
        robot.clickOn("#nav-backups");
        TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
        FxWait.until(() -> robot.lookup("#summary").tryQuery().isPresent(), 15);
        assertThat(table.getItems()).isEmpty();
        // backups land in the catalog behind the window's back, as a scheduled or tray run writes them
        CatalogGenerator.generate(paths.configDir(), paths.defaultBackupRoot(), 6, 2, Instant.now());
        return table;
    }

    @Test
    void aRunTheSchedulerEndsShowsItsBackupInTheList(@TempDir Path dir, FxRobot robot) throws Exception {
        TableView<?> table = openBackupList(dir, robot);

        // what the scheduler says when a run of its own or of the tray's "back up now" began or ended
        context.runner().runInBackground((progress, cancel) -> {
            context.scheduler().pause();
            return null;
        }, done -> { }, failed -> { });

        FxWait.until(() -> table.getItems().size() == 6, 15);
    }

    @Test
    void f5ReadsTheCatalogAgainWithTheFocusOutsideTheTable(@TempDir Path dir, FxRobot robot) throws Exception {
        TableView<?> table = openBackupList(dir, robot);

        robot.clickOn("#nav-backups");
        assertThat(table.isFocused()).isFalse();
        robot.type(KeyCode.F5);

        FxWait.until(() -> table.getItems().size() == 6, 15);
    }
}

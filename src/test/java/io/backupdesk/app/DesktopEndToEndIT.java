package io.backupdesk.app;

import io.backupdesk.engine.AppPaths;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.testing.FxWait;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop app end to end against the test server, headless on Monocle: a first start, a connection added
 * through the form, "back up now", the new backup in the list as verified, and the dashboard's count going up.
 */
@ExtendWith({PostgresServerExtension.class, ApplicationExtension.class})
class DesktopEndToEndIT {
    private Stage stage;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
    }

    @Test
    void aConnectionAddedThroughTheFormIsBackedUpVerifiedAndCounted(TestServer server, @TempDir Path dir, FxRobot robot)
            throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table items as select generate_series(1, 50) as id");
        AppContext context = new AppContext(AppPaths.forCurrentUser(dir.resolve("config")), warning -> { });
        try {
            robot.interact(() -> {
                stage.setScene(MainWindow.build(context, stage, folder -> { }));
                stage.show();
            });

            FxWait.until(() -> robot.lookup("#uri").tryQuery().isPresent(), 60);
            robot.clickOn("#uri").write("postgresql://" + server.user() + ":" + server.password() + "@" + server.host()
                    + ":" + server.port() + "/" + db);
            robot.clickOn("#applyUri");
            robot.doubleClickOn("#name").eraseText(20).write("e2e");
            robot.clickOn("#save");
            FxWait.until(() -> robot.lookup("#list").queryAs(ListView.class).getItems().size() == 1, 60);
            assertThat(Files.readString(dir.resolve("config/passwords/e2e.pgpass"))).contains(server.password());

            robot.clickOn("#nav-dashboard");
            FxWait.until(() -> firstCard(robot).equals("0"), 60);
            robot.clickOn("#nav-backups");
            robot.clickOn("#backupButton");
            FxWait.until(() -> robot.lookup("#start-backup").tryQuery().isPresent()
                    && !robot.lookup("#start-backup").queryAs(Button.class).isDisabled(), 60);
            robot.clickOn("#start-backup");

            TableView<?> table = robot.lookup("#table").queryAs(TableView.class);
            FxWait.until(() -> table.getItems().size() == 1 && robot.lookup("verified").tryQuery().isPresent(), 60);
            assertThat(robot.lookup("e2e/" + db).tryQuery()).isPresent();
            robot.clickOn("#nav-dashboard");
            FxWait.until(() -> firstCard(robot).equals("1"), 60);
        } finally {
            context.close();
        }
    }

    private static String firstCard(FxRobot robot) {
        return robot.lookup(".card-value").tryQueryAs(Label.class).map(Label::getText).orElse("");
    }
}

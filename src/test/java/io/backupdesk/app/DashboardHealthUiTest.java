package io.backupdesk.app;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.SslMode;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.ui.UiJobs;
import io.backupdesk.ui.dashboard.DashboardView;
import io.backupdesk.ui.dashboard.DashboardViewModel;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's health on the engine, headless on Monocle: a removed connection's failure leaves no line, a failing
 * database says so, and Acknowledge on its line marks it acknowledged, as the engine stored it.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardHealthUiTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final UiJobs jobs = new UiJobs();
    private Engine engine;

    @Start
    void start(Stage stage) {
        Path config = dir.resolve("config");
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        ProfileStore added = new ProfileStore(config, w -> { }, Clock.fixed(yesterday, ZoneOffset.UTC));
        for (String name : List.of("shop", "gone")) {
            added.save(new ConnectionProfile(name, "db.example.invalid", 5432, name, "dba", SslMode.PREFER, null));
        }
        engine = new Engine(new AppPaths(config, config), dir.resolve("backups"), w -> { });
        for (String name : List.of("shop", "gone")) {
            Instant at = Instant.now().minus(Duration.ofHours(1));
            engine.history().append(JobRun.builder().id("r-" + name).kind(JobRun.KIND_BACKUP).profile(name)
                    .database(name).origin("manual").startedAt(at).finishedAt(at.plusSeconds(2))
                    .status(JobStatus.FAILED).errorKind(ErrorKind.CONNECTION)
                    .error("could not translate host name \"db.example.invalid\"").build());
        }
        engine.removeProfile("gone");
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        DashboardViewModel dashboard = new DashboardViewModel(engine::stats, () -> Duration.ofHours(26),
                Optional::empty, Optional::empty, List::of, engine.jobs().health()::acknowledge, jobs.runner());
        stage.setScene(new Scene((Parent) new DashboardView(dashboard).node(), 1280, 800));
        stage.show();
        dashboard.refresh();
    }

    @Test
    void aFailingDatabaseIsAcknowledgedOnItsLineAndARemovedOneHasNone(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("shop/shop").tryQuery().isPresent());

        assertThat(robot.lookup("gone/gone").tryQuery()).as("issue 19: a removed connection's red line").isEmpty();
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.startsWith("Last backup failed 1 h ago: could not translate host name"));

        robot.clickOn(robot.lookup("Acknowledge").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Acknowledge").tryQuery().isEmpty());

        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.startsWith("Acknowledged just now: Last backup failed"));
        assertThat(engine.jobs().health().now()).singleElement()
                .satisfies(h -> assertThat(h.acknowledged()).as("stored by the engine").isTrue());
    }
}

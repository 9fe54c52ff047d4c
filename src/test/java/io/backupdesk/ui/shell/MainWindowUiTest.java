package io.backupdesk.ui.shell;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.ui.shell.Navigation;
import io.backupdesk.stats.DashboardStats;
import io.backupdesk.ui.TaskRunner;
import io.backupdesk.ui.dashboard.DashboardView;
import io.backupdesk.ui.dashboard.DashboardViewModel;
import io.backupdesk.ui.UiJobs;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window with the dashboard, headless on Monocle: the sidebar, the cards, an empty catalog's hints. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {
    @RegisterExtension
    final UiJobs jobs = new UiJobs();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        TaskRunner runner = jobs.runner();
        DashboardViewModel dashboard = new DashboardViewModel(MainWindowUiTest::emptyCatalog, () -> Duration.ofHours(26),
                java.util.Optional::empty, runner);
        LinkedHashMap<Navigation.Screen, Supplier<Node>> screens = new LinkedHashMap<>();
        screens.put(Navigation.Screen.DASHBOARD, () -> new DashboardView(dashboard).node());
        MainView main = new MainView(new ShellViewModel(new Navigation(), runner), screens);
        stage.setScene(new Scene(main.node(), 1280, 800));
        stage.show();
        dashboard.refresh();
    }


    @Test
    void theDashboardOpensWithItsCardsAndSaysWhatToDoFirst(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Backups kept").tryQuery().isPresent());

        assertThat(robot.lookup("#nav-dashboard").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-backups").tryQuery()).as("no entry for a screen that does not exist yet").isEmpty();
        assertThat(robot.lookup(".card-value").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("0", "never", "–", "–", "–", "–", "1.0 GB");
        assertThat(robot.lookup("No databases backed up yet. Add a connection and back it up.").tryQuery()).isPresent();
        assertThat(robot.lookup("Nothing has run yet.").tryQuery()).isPresent();
        assertThat(robot.lookup(".status-bar .label").queryAllAs(Label.class)).extracting(Label::getText).contains("Ready");
    }

    private static DashboardStats emptyCatalog() {
        return new DashboardStats(Instant.now(), 0, 0, null, null, null, null, null, 1024L * 1024 * 1024, List.of(),
                Map.of(), List.of(), List.of(), Map.of(), List.of());
    }
}

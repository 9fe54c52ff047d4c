package io.backupdesk.ui.settings;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.ui.UiJobs;
import io.backupdesk.ui.Views;
import io.backupdesk.ui.WindowChecks;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Destinations section headless on Monocle, over the real destinations job: a folder destination added through
 * its dialog, saved and tested against a real temporary folder, listed, and tested again from the list.
 */
@ExtendWith(ApplicationExtension.class)
class DestinationsUiTest {
    @RegisterExtension
    final UiJobs jobs = new UiJobs();
    private FolderDestinations destinations;
    private Path nas;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path dir = Files.createTempDirectory("destinations-ui");
        nas = Files.createDirectories(dir.resolve("nas"));
        destinations = new FolderDestinations(dir.resolve("config"));
        DestinationsViewModel model = new DestinationsViewModel(destinations, jobs.runner());
        ScrollPane page = new ScrollPane(new DestinationsView(model).node());
        page.setFitToWidth(true);
        Views.withTokens(page);
        stage.setScene(new Scene((Parent) page, 900, 700));
        stage.show();
        model.load();
    }

    @Test
    void aFolderDestinationIsAddedTestedAgainstARealFolderAndListed(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#empty").queryAs(Label.class).isVisible());

        robot.clickOn("#add");
        robot.clickOn("A folder (NAS, second disk)…");
        Stage dialog = WindowChecks.showing("Add a folder");
        WindowChecks.assertUsable(dialog);
        assertThat(robot.lookup("#save-and-test-destination").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#destination-name").write("nas");
        robot.clickOn("#destination-url").write(nas.toAbsolutePath().toString());
        robot.clickOn("#save-and-test-destination");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#destination-outcome")
                .queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#destination-outcome").queryAs(Label.class).getText())
                .startsWith("Saved. Wrote, read back and removed a test file at file:").contains(nas.toString());
        assertThat(robot.lookup("#destination-name").queryAs(javafx.scene.control.TextField.class).isDisabled())
                .as("saved: its name stays").isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#destination-nas").tryQuery().isPresent());
        assertThat(destinations.store.require("nas").url()).isEqualTo("file://" + nas.toAbsolutePath());

        robot.interact(dialog::close);
        robot.clickOn("#test-nas");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#destinations-message")
                .queryAs(Label.class).getText().startsWith("nas: Wrote"));
        assertThat(destinations.tests).isEqualTo(2);
        assertThat(robot.lookup("#destination-nas .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("nas", "Folder", "file://" + nas.toAbsolutePath(), "Keeps every copy");
    }

    @Test
    void anS3DialogOpensAtAUsableSizeWithItsOwnFields(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#empty").queryAs(Label.class).isVisible());

        robot.clickOn("#add");
        robot.clickOn("An S3 bucket…");

        Stage dialog = WindowChecks.showing("Add an S3 bucket");
        WindowChecks.assertUsable(dialog);
        assertThat(robot.lookup("#destination-endpoint").tryQuery()).isPresent();
        assertThat(robot.lookup("#destination-secret").tryQuery()).isPresent();
        assertThat(robot.lookup("#destination-identity-file").tryQuery()).as("an SFTP field").isEmpty();
        robot.clickOn("#destination-url").write("sftp://backup@host/srv");
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("An S3 destination's URL is s3://BUCKET or s3://BUCKET/PREFIX.");
        robot.interact(dialog::close);
    }
}

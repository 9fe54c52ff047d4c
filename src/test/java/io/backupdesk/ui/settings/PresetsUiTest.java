package io.backupdesk.ui.settings;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Preset;
import io.backupdesk.core.SslMode;
import io.backupdesk.ui.UiJobs;
import io.backupdesk.ui.WindowChecks;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
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
 * The Presets section headless on Monocle, over the engine's real presets: a preset added with the shared form is one
 * the engine lists, with the switch ticked; one a connection names cannot be removed, and the section says why.
 */
@ExtendWith(ApplicationExtension.class)
class PresetsUiTest {
    @RegisterExtension
    final UiJobs jobs = new UiJobs();
    private FolderPresets presets;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        presets = new FolderPresets(Files.createTempDirectory("presets-ui"));
        presets.presets.save(new Preset("nightly", null, null));
        presets.profiles.save(new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, null)
                .withPreset("nightly"));
        PresetsViewModel model = new PresetsViewModel(presets, jobs.runner());
        stage.setScene(new Scene((Parent) new PresetsView(model).node(), 900, 600));
        stage.show();
        model.load();
    }

    @Test
    void aPresetAddedWithTheFormIsOneTheEngineLists(FxRobot robot) throws Exception {
        robot.clickOn("#add-preset");
        WaitForAsyncUtils.waitForFxEvents();
        Stage dialog = WindowChecks.showing("Add preset");
        WindowChecks.assertUsable(dialog);
        assertThat(robot.lookup("#dump-options").queryAs(TitledPane.class).isExpanded())
                .as("a preset is for its switches: they are open").isTrue();
        robot.clickOn("#preset-name").write("lean");
        // the check box may be below the dialog's fold: fired as a click on it would
        robot.interact(() -> robot.lookup("#no-owner").queryAs(CheckBox.class).fire());
        robot.clickOn("#save-preset");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> presets.presets.list().stream()
                .anyMatch(p -> p.name().equals("lean")));
        Preset saved = presets.presets.require("lean");
        assertThat(saved.options().dump().noOwner()).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialog.isShowing());
        assertThat(robot.lookup("#preset-lean").tryQuery()).isPresent();
        assertThat(robot.lookup("#presets-message").queryAs(Label.class).getText()).isEqualTo("Preset lean saved.");
    }

    @Test
    void aPresetAConnectionNamesIsNotRemovedAndTheSectionSaysWhy(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#remove-preset-nightly").tryQuery().isPresent());

        robot.clickOn("#remove-preset-nightly");
        robot.clickOn("#confirm-action");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#presets-message").queryAs(Label.class)
                .getText().isEmpty());
        assertThat(robot.lookup("#presets-message").queryAs(Label.class).getText())
                .startsWith("The preset 'nightly' is used by connection prod.");
        assertThat(presets.presets.list()).extracting(Preset::name).containsExactly("nightly");
    }
}

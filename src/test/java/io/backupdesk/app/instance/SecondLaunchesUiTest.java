package io.backupdesk.app.instance;


import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A hand-over headless on Monocle: the hidden window comes back, and a named dump goes to the restore wizard. */
@ExtendWith(ApplicationExtension.class)
class SecondLaunchesUiTest {
    private Stage stage;
    private final List<Path> opened = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
    }

    @Test
    void aHiddenWindowIsShownAgainAndNothingIsOpenedWithoutAFile(FxRobot robot) throws Exception {
        robot.interact(stage::hide);

        new SecondLaunches(stage, opened::add).accept(List.of());

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, stage::isShowing);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isIconified()).isFalse();
        assertThat(opened).isEmpty();
    }

    @Test
    void anExistingDumpNamedByTheSecondLaunchIsOpenedInTheRestoreWizard(FxRobot robot) throws Exception {
        Path dump = Files.writeString(dir.resolve("sales.dump"), "PGDMP");
        robot.interact(() -> {
            stage.show();
            stage.setIconified(true);
        });

        new SecondLaunches(stage, opened::add).accept(List.of(dir.resolve("missing.dump").toString(), dump.toString()));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened).containsExactly(dump);
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.isIconified()).isFalse();
    }

    @Test
    void onlyAbsolutePathsThatExistCount() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("directory-format"));

        assertThat(SecondLaunches.existingPath(List.of("relative.dump", "--flag", folder.toString()))).contains(folder);
        assertThat(SecondLaunches.existingPath(List.of("\u0000bad", dir.resolve("gone").toString()))).isEmpty();
    }
}

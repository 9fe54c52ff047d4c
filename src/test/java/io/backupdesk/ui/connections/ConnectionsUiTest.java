package io.backupdesk.ui.connections;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.core.ConnectionDefaults;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.SslMode;
import io.backupdesk.crypto.AgeKeyStore;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.pg.ConnectionCheck;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.ui.UiJobs;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The connections screen headless on Monocle: the first profile typed in, a wrong port named, the profile saved. */
@ExtendWith(ApplicationExtension.class)
class ConnectionsUiTest {
    @RegisterExtension
    final UiJobs jobs = new UiJobs();
    private ProfileStore store;
    private AgeKeyStore keyStore;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        store = new ProfileStore(Files.createTempDirectory("connections-ui"), w -> { });
        keyStore = new AgeKeyStore(Files.createTempDirectory("connections-ui-keys").resolve("keys"));
        keyStore.generate("ops-key", null);
        ConnectionsViewModel model = new ConnectionsViewModel(new ProfileOperations() {
            @Override
            public List<ConnectionProfile> list() {
                return store.list();
            }

            @Override
            public void save(ConnectionProfile profile, String previousName, Optional<String> password) {
                store.save(profile);
            }

            @Override
            public void remove(ConnectionProfile profile) {
                store.remove(profile.name());
            }

            @Override
            public boolean hasStoredPassword(ConnectionProfile profile) {
                return false;
            }

            @Override
            public ConnectionCheck.Report test(ConnectionProfile profile, Optional<String> password) {
                throw new UnsupportedOperationException("not used here");
            }

            @Override
            public List<String> databases(ConnectionProfile profile, Optional<String> password) {
                return List.of("app", "postgres", "test_scratch");
            }

            @Override
            public List<StoredKey> keys() {
                return keyStore.list();
            }

            @Override
            public ConnectionDefaults defaults() {
                return new ConnectionDefaults("localhost", 5432, "dba", "sales", SslMode.PREFER, null);
            }
        }, jobs.runner());
        stage.setScene(new Scene((Parent) new ConnectionsView(model).node(), 1100, 760));
        stage.show();
        model.load();
    }


    @Test
    void aWrongPortIsNamedUnderItsFieldAndTheFixedFormIsSaved(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#save").queryAs(Button.class).isDisabled());

        robot.doubleClickOn("#port").eraseText(6).write("70000");
        assertThat(robot.lookup("#portError").queryAs(Label.class).getText()).isEqualTo("A port between 1 and 65535.");
        assertThat(robot.lookup("#save").queryAs(Button.class).isDisabled()).isTrue();

        robot.doubleClickOn("#port").eraseText(6).write("5433");
        robot.clickOn("#save");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#list").queryAs(ListView.class).getItems().size() == 1);
        assertThat(store.list()).singleElement().satisfies(p -> assertThat(p.port()).isEqualTo(5433));
    }

    @Test
    void aStoredKeyTickedInTheFormIsSavedWithTheConnectionAndTheSummarySaysSo(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#save").queryAs(Button.class).isDisabled());
        assertThat(robot.lookup("#encryption-summary").queryAs(Label.class).getText()).isEqualTo("Not encrypted");

        robot.clickOn(robot.lookup("#encryption-keys .check-box").queryAs(CheckBox.class));
        assertThat(robot.lookup("#encryption-summary").queryAs(Label.class).getText()).startsWith("Encrypted to ops-key (age1");
        robot.clickOn("#save");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.list().size() == 1);
        assertThat(store.list().get(0).encryptTo()).containsExactly("ops-key");

        // the cells' check boxes take no focus: the keyboard ticks the selected key with space
        robot.clickOn("#encryption-keys").type(KeyCode.SPACE);
        assertThat(robot.lookup("#encryption-summary").queryAs(Label.class).getText()).isEqualTo("Not encrypted");
    }

    @Test
    void theServerToggleIsSavedWithItsPatternsAndComesBackWhenTheConnectionIsOpenedAgain(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#save").queryAs(Button.class).isDisabled());
        assertThat(robot.lookup("#scopeBox").queryAs(javafx.scene.layout.VBox.class).isVisible()).isFalse();

        robot.clickOn("#wholeServer");
        assertThat(robot.lookup("#database").queryAs(TextField.class).getText()).isEqualTo("postgres");
        assertThat(robot.lookup("#databaseLabel").queryAs(Label.class).getText()).isEqualTo("Login database");
        robot.clickOn("#exclude").write("test_*");
        robot.clickOn("#find");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#foundSummary").queryAs(Label.class)
                .getText().isEmpty());
        assertThat(robot.lookup("#foundSummary").queryAs(Label.class).getText())
                .isEqualTo("Found 3 databases: 2 in each set, 1 left out.");
        assertThat(robot.lookup("test_scratch (left out)").tryQuery()).isPresent();
        robot.clickOn("#save");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.list().size() == 1);
        assertThat(store.list().get(0).server().exclude()).containsExactly("test_*");
        robot.clickOn("#newButton");
        assertThat(robot.lookup("#wholeServer").queryAs(CheckBox.class).isSelected()).isFalse();

        robot.clickOn(robot.lookup("#list .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#wholeServer").queryAs(CheckBox.class)
                .isSelected());
        assertThat(robot.lookup("#exclude").queryAs(TextField.class).getText()).isEqualTo("test_*");
        assertThat(robot.lookup("#database").queryAs(TextField.class).getText()).isEqualTo("postgres");
        assertThat(robot.lookup("Server").tryQuery()).as("the list tags the server connection").isPresent();
    }
}

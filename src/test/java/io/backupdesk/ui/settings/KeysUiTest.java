package io.backupdesk.ui.settings;

import atlantafx.base.theme.PrimerLight;
import io.backupdesk.crypto.AgeIdentity;
import io.backupdesk.ui.UiJobs;
import io.backupdesk.ui.Views;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
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
 * The Keys section headless on Monocle, over a real key store: a key generated with a passphrase through the dialog,
 * a public key pasted in the Import dialog, and a removal that first says what is lost.
 */
@ExtendWith(ApplicationExtension.class)
class KeysUiTest {
    @RegisterExtension
    final UiJobs jobs = new UiJobs();
    private FolderKeys keys;
    private KeysViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        keys = new FolderKeys(Files.createTempDirectory("keys-ui"));
        model = new KeysViewModel(keys, jobs.runner());
        ScrollPane page = new ScrollPane(new KeysView(model).node());
        page.setFitToWidth(true);
        Views.withTokens(page);
        stage.setScene(new Scene((Parent) page, 900, 700));
        stage.show();
        model.load();
    }

    @Test
    void aKeyGeneratedWithAPassphraseIsListedAsProtected(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#empty").queryAs(Label.class).isVisible());

        robot.clickOn("#generate");
        robot.clickOn("#key-name").write("offsite");
        robot.clickOn("#key-passphrase").write("correct horse");
        robot.clickOn("#key-passphrase-repeated").write("correct horse");
        robot.clickOn("#generate-key");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".key-row").tryQuery().isPresent());
        assertThat(robot.lookup("#generate-key").tryQuery()).as("the dialog closed").isEmpty();
        assertThat(keys.store.show("offsite").passphraseProtected()).isTrue();
        assertThat(robot.lookup(".key-row .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("offsite").anySatisfy(text -> assertThat(text).endsWith("protected by a passphrase"));
        assertThat(robot.lookup("#public-key-offsite").queryAs(TextField.class).getText())
                .isEqualTo(keys.store.show("offsite").recipients().get(0).publicKey());
    }

    @Test
    void aPastedPublicKeyIsImportedAndRemovingItAsksFirst(FxRobot robot) throws Exception {
        String publicKey = AgeIdentity.generate().recipient().publicKey();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#empty").queryAs(Label.class).isVisible());

        robot.clickOn("#importKey");
        robot.clickOn("#import-from-public-key");
        robot.clickOn("#import-public-key").write(publicKey);
        robot.clickOn("#key-name").write("partner");
        robot.clickOn("#import-key");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".key-row").tryQuery().isPresent());
        assertThat(keys.store.show("partner").hasSecretKey()).isFalse();
        assertThat(robot.lookup("#message").queryAs(Label.class).getText()).startsWith("Key partner imported");

        robot.clickOn(button(robot, "Remove…"));
        assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText())
                .contains("stay restorable wherever its secret key is");
        robot.clickOn("#confirm-cancel");
        assertThat(Files.exists(keys.store.publicFile("partner"))).as("Cancel removes nothing").isTrue();

        robot.clickOn(button(robot, "Remove…"));
        robot.clickOn("#confirm-action");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".key-row").tryQuery().isEmpty());
        assertThat(Files.exists(keys.store.publicFile("partner"))).isFalse();
    }

    @Test
    void theRemoveQuestionOfAKeyWithItsSecretSaysTheBackupsNeedIt(FxRobot robot) throws Exception {
        keys.store.generate("laptop", null);
        Path secret = keys.store.secretFile("laptop");
        robot.interact(model::load);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".key-row").tryQuery().isPresent());

        robot.clickOn(button(robot, "Remove…"));

        assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText()).contains(secret.toString())
                .contains("Backups encrypted only to laptop cannot be restored without its secret key");
        assertThat(robot.lookup("#confirm-action").queryAs(Button.class).getText()).isEqualTo("Remove laptop");
        robot.clickOn("#confirm-cancel");
        assertThat(Files.exists(secret)).isTrue();
    }

    private static Node button(FxRobot robot, String text) {
        return robot.lookup(".key-row .button").queryAllAs(Button.class).stream().filter(b -> b.getText().equals(text))
                .findFirst().orElseThrow();
    }
}

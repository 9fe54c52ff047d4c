package io.backupdesk.ui.backups;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.SslMode;
import io.backupdesk.crypto.AgeIdentity;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.pg.TableInfo;
import io.backupdesk.ui.Notifier;
import io.backupdesk.ui.SyncTaskRunner;
import io.backupdesk.ui.WindowChecks;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** "Back up now" headless on Monocle: it opens resizable at its size, its form whole or scrolling. */
@ExtendWith(ApplicationExtension.class)
class BackupDialogUiTest {
    private static final ConnectionProfile PROD = new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, null);
    private static final List<StoredKey> KEYS = List.of(new StoredKey("ops-key",
            List.of(AgeIdentity.generate().recipient()), true, false, ""));
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = WindowChecks.showOwner(stage, 1000, 700);
    }

    @Test
    void theDialogOpensResizableWithItsFormWithinReach(FxRobot robot) {
        BackupDialogViewModel model = model(new AtomicInteger());
        robot.interact(() -> {
            model.open("prod");
            new BackupDialogView(model).show(owner);
        });
        WaitForAsyncUtils.waitForFxEvents();

        Stage dialog = WindowChecks.showing("Back up now");
        WindowChecks.assertUsable(dialog);
        assertThat(dialog.getHeight()).isGreaterThan(400);
        assertThat(robot.lookup("#start-backup").tryQuery()).isPresent();
        assertThat(robot.lookup("#encryption-summary").queryAs(Label.class).getText()).isEqualTo("Not encrypted");
        assertThat(robot.lookup("#encryption-keys").queryAs(ListView.class).getItems()).hasSize(1);
        // issue 19: the mnemonic parser took the underscore and showed "pgdumpall"
        assertThat(robot.lookup("#globals").lookup(".text").queryAll()).map(n -> ((javafx.scene.text.Text) n).getText())
                .anyMatch(text -> text.contains("pg_dumpall"));
        robot.interact(dialog::close);
    }

    @Test
    void enterOnTheOpenedDialogStartsTheBackupAndDoesNotCancelIt(FxRobot robot) {
        AtomicInteger started = new AtomicInteger();
        BackupDialogViewModel model = model(started);
        robot.interact(() -> {
            model.open("prod");
            new BackupDialogView(model).show(owner);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Stage dialog = WindowChecks.showing("Back up now");
        // issue 19: the focus started on Cancel, so Enter closed the dialog instead of starting the backup
        assertThat(dialog.getScene().getFocusOwner()).isNotInstanceOf(Button.class);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(started).hasValue(1);
    }

    /** The dialog's model over operations that count the backups started. */
    private static BackupDialogViewModel model(AtomicInteger started) {
        return new BackupDialogViewModel(new BackupOperations() {
            @Override
            public List<ConnectionProfile> profiles() {
                return List.of(PROD);
            }

            @Override
            public BackupOptions defaults() {
                return BackupOptions.defaults();
            }

            @Override
            public List<StoredKey> keys() {
                return KEYS;
            }

            @Override
            public List<TableInfo> tables(ConnectionProfile profile, Optional<String> password) {
                return List.of();
            }

            @Override
            public BackupRecord backup(ConnectionProfile profile, BackupOptions options, Optional<String> password,
                                       Progress progress, Cancellation cancel) {
                started.incrementAndGet();
                throw new IllegalStateException("not backed up in this test");
            }
        }, new SyncTaskRunner(), new Notifier() {
            @Override
            public void error(String title, Throwable failure) {
                if (!(failure instanceof IllegalStateException)) {
                    throw new AssertionError(title, failure);
                }
            }

            @Override
            public void done(String outcome) {
            }

            @Override
            public Optional<String> askPassword(ConnectionProfile profile) {
                return Optional.empty();
            }
        });
    }
}

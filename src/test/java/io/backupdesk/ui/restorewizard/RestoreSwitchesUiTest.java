package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.RestoreRecord;
import io.backupdesk.core.SslMode;
import io.backupdesk.core.TableCount;
import io.backupdesk.jobs.RestoreCheck;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.restore.CheckId;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.restore.ShownRestore;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.ui.SyncTaskRunner;
import io.backupdesk.ui.WindowChecks;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's pg_restore options, the roles file's preview and the command, on screen (Monocle). */
@ExtendWith(ApplicationExtension.class)
class RestoreSwitchesUiTest {
    private static final ConnectionProfile PROD = new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER,
            null);

    private final RestoreWizardViewModel wizard = new RestoreWizardViewModel(new Ops(), new SyncTaskRunner());
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = WindowChecks.showOwner(stage, 1000, 700);
    }

    @Test
    void theOptionsTheRolesPreviewAndTheCopyableCommandAreOnTheirSteps(FxRobot robot) {
        robot.interact(() -> {
            new RestoreWizardView(wizard, folder -> { }, Path.of("logs")).show(owner);
            wizard.open(backup());
            wizard.next();
            wizard.next();
        });
        Stage window = WindowChecks.showing("Restore a backup");
        assertThat(robot.lookup("#restore-switches").queryAs(TitledPane.class).isExpanded()).isFalse();
        robot.clickOn("#roles-first");
        robot.clickOn(robot.lookup("#restore-switches .title").queryAs(Node.class));
        // opened, the options scroll with the page: the box is reached where it is, not where the mouse happens to be
        CheckBox noTablespaces = robot.lookup("#no-tablespaces").queryAs(CheckBox.class);
        robot.interact(noTablespaces::fire);
        assertThat(wizard.draft().noTablespacesProperty().get()).isTrue();
        assertThat(robot.lookup("#create").queryAs(CheckBox.class).isDisabled()).as("not for a safe replace").isTrue();
        assertThat(robot.lookup("#exclude-schemas .check-box").queryAllAs(CheckBox.class))
                .extracting(CheckBox::getText).containsExactly("public", "we.ird \"s\"_ü");
        WindowChecks.assertUsable(window);

        robot.interact(wizard::next);
        assertThat(robot.lookup("#roles-first-preview").query().isVisible()).isTrue();
        assertThat(robot.lookup("#roles-create").queryAs(javafx.scene.layout.VBox.class).getChildren())
                .filteredOn(n -> n instanceof javafx.scene.control.Label)
                .extracting(n -> ((javafx.scene.control.Label) n).getText()).contains("app_owner (LOGIN)");
        robot.interact(wizard::next);
        WaitForAsyncUtils.waitForFxEvents();

        String command = robot.lookup("#restore-command").queryAs(TextArea.class).getText();
        assertThat(command).contains("--no-tablespaces").contains("First the roles the server lacks are created");
        robot.clickOn("#copy-command");
        String[] onClipboard = new String[1];
        robot.interact(() -> onClipboard[0] = Clipboard.getSystemClipboard().getString());
        assertThat(onClipboard[0]).isEqualTo(command);
        assertThat(robot.lookup("#copy-command").queryAs(Button.class).isDisabled()).isFalse();
        robot.interact(window::close);
    }

    private static BackupCatalog.Entry backup() {
        BackupRecord record = BackupRecord.builder().id("b1").profile("prod").host("db1").port(5432).database("sales")
                .serverVersion("15.4").pgDumpVersion("15.4").format(BackupFormat.CUSTOM).compression("gzip:1")
                .options(BackupOptions.ofFormat(BackupFormat.CUSTOM)).fileName("sales.dump").sizeBytes(1000)
                .databaseSizeBytes(10_000).sha256("0".repeat(64)).createdAt(Instant.parse("2026-11-20T02:00:00Z"))
                .durationMillis(1000).status(BackupStatus.OK).origin(BackupRecord.ORIGIN_MANUAL)
                .globalsFile("sales.globals.sql").globalsSha256("1".repeat(64))
                .tables(List.of(new TableCount("public", "orders", 5L), new TableCount("we.ird \"s\"_ü", "t", 2L)))
                .build();
        return new BackupCatalog.Entry(record, Path.of("/backups/prod/sales/sales.backup.json"), BackupStatus.VERIFIED);
    }

    /** The engine's answers: checks that pass, one role to create, and the command the real formatting gives. */
    private static final class Ops extends UnusedRestoreOperations {
        @Override
        public List<ConnectionProfile> profiles() {
            return List.of(PROD);
        }

        @Override
        public boolean databaseExists(ConnectionProfile profile, String database) {
            return true;
        }

        @Override
        public List<PreflightCheck> preflight(RestorePlan plan, SecretKeys secrets) {
            return List.of(PreflightCheck.ok(CheckId.CHECKSUM, "The checksum matches."));
        }

        @Override
        public RestoreCheck check(RestorePlan plan, SecretKeys secrets) {
            RolesPreview roles = new RolesPreview("db1", List.of(new RolesPreview.RoleLine("app_owner",
                    RolesPreview.RoleAction.CREATE, List.of("LOGIN"), "")), List.of(), List.of(), List.of(), List.of(),
                    List.of());
            return new RestoreCheck(preflight(plan, secrets), plan.roles() == RolesMode.CREATE_MISSING
                    ? Optional.of(roles) : Optional.empty());
        }

        @Override
        public String commandLine(RestorePlan plan) {
            return ShownRestore.of(plan, LocalDateTime.of(2026, 12, 6, 12, 0));
        }
    }
}

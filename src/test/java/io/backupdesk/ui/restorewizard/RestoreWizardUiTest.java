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
import io.backupdesk.core.Verification;
import io.backupdesk.crypto.AgeRecipient;
import io.backupdesk.crypto.CryptoException;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.jobs.EncryptionKeys;
import io.backupdesk.restore.CheckId;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.ui.LiveLog;
import io.backupdesk.ui.RunningJob;
import io.backupdesk.ui.SyncTaskRunner;
import io.backupdesk.ui.TaskRunner;
import io.backupdesk.ui.WindowChecks;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The restore wizard's window headless on Monocle, over operations that answer at once. */
@ExtendWith(ApplicationExtension.class)
class RestoreWizardUiTest {
    private static final ConnectionProfile PROD = new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, null);
    private static final String ASIDE = "sales_before_20261206_0300";
    /** A public key, from age-keygen: only its form matters here. */
    private static final String OFFICE = "age1p8xyrp0qnw4y4wq232q8xyc2ead9kzcyf00f0mfh32yf9turqq5sk3n924";

    private final List<String> calls = new ArrayList<>();
    private final RestoreWizardViewModel wizard = new RestoreWizardViewModel(new Answers(), new SyncTaskRunner());
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = WindowChecks.showOwner(stage, 1000, 700);
    }

    private Stage open(FxRobot robot) {
        return open(robot, wizard);
    }

    private Stage open(FxRobot robot, RestoreWizardViewModel model) {
        return open(robot, model, backup());
    }

    private Stage open(FxRobot robot, RestoreWizardViewModel model, BackupCatalog.Entry backup) {
        robot.interact(() -> {
            new RestoreWizardView(model, folder -> { }, Path.of("logs")).show(owner);
            model.open(backup);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return WindowChecks.showing("Restore a backup");
    }

    @Test
    void theWizardOpensUsableAndEnterOnTheFirstStepGoesOnRatherThanChoosingAFile(FxRobot robot) {
        Stage window = open(robot);
        WindowChecks.assertUsable(window);

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.TARGET);
        assertThat(WindowChecks.showing("Restore a backup").isFocused()).as("no file chooser came up").isTrue();
        robot.interact(window::close);
    }

    @Test
    void aModeChosenWithTheArrowKeysIsTheModeThatRunsAndItSaysWhatItKeeps(FxRobot robot) {
        Stage window = open(robot);
        robot.interact(() -> {
            wizard.next();
            wizard.next();
        });
        assertThat(robot.lookup("#mode-keeps").queryAs(Label.class).getText()).contains("kept aside");

        robot.clickOn("#mode-safe-replace").type(KeyCode.DOWN);
        assertThat(robot.lookup("#mode-in-place").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(wizard.draft().modeProperty().get()).isEqualTo(RestoreMode.IN_PLACE);
        assertThat(robot.lookup("#mode-keeps").queryAs(Label.class).getText()).contains("safety backup of sales");

        robot.type(KeyCode.UP);
        assertThat(wizard.draft().modeProperty().get()).isEqualTo(RestoreMode.SAFE_REPLACE);
        robot.interact(window::close);
    }

    @Test
    void spaceTicksTheChosenTableSoASelectionNeedsNoMouse(FxRobot robot) {
        Stage window = open(robot);
        robot.interact(() -> {
            wizard.next();
            wizard.next();
        });

        robot.clickOn("#selection-tree").type(KeyCode.HOME, KeyCode.RIGHT, KeyCode.DOWN, KeyCode.DOWN, KeyCode.SPACE);

        assertThat(wizard.draft().tables()).containsExactly("public.orders");
        robot.type(KeyCode.SPACE);
        assertThat(wizard.draft().tables()).isEmpty();
        robot.type(KeyCode.TAB);
        assertThat(window.getScene().getFocusOwner()).as("Tab leaves the tree, past the rows' boxes")
                .isSameAs(robot.lookup("Cancel").query());
        robot.interact(window::close);
    }

    @Test
    void theTargetChosenWithTheArrowKeysIsTheTargetProposed(FxRobot robot) {
        Stage window = open(robot);
        robot.interact(wizard::next);

        robot.clickOn("#target-original").type(KeyCode.DOWN);

        assertThat(wizard.draft().targetKindProperty().get()).isEqualTo(RestoreDraft.TargetKind.NEW_DATABASE);
        assertThat(wizard.draft().databaseProperty().get()).startsWith("sales_restored_");
        robot.interact(window::close);
    }

    @Test
    void enterGoesOnOnceThePreflightChecksArriveAfterTheStepShows(FxRobot robot) {
        HeldRunner runner = new HeldRunner();
        RestoreWizardViewModel late = new RestoreWizardViewModel(new Answers(), runner);
        Stage window = open(robot, late);
        robot.interact(() -> {
            late.next();
            late.next();
        });
        runner.hold = true;
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(late.stepProperty().get()).isEqualTo(WizardStep.PREFLIGHT);

        robot.interact(runner::release);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(late.stepProperty().get()).isEqualTo(WizardStep.CONFIRM);
        robot.interact(window::close);
    }

    @Test
    void droppingTheOldCopyAsksFirstNamingTheDatabaseAndTellsTheOutcomeAsNews(FxRobot robot) {
        Stage window = open(robot);
        robot.interact(() -> {
            wizard.next();
            wizard.next();
            wizard.next();
            wizard.next();
            wizard.typedNameProperty().set("sales");
            wizard.restore();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#kept-database").queryAs(Label.class).getText()).contains(ASIDE);

        robot.clickOn("#drop-old");
        assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText()).contains(ASIDE).contains("prod");
        assertThat(robot.lookup("#confirm-action").queryAs(Button.class).getText()).isEqualTo("Drop " + ASIDE);
        assertThat(robot.lookup("#confirm-action").queryAs(Button.class).isMnemonicParsing())
                .as("the name's underscores are shown, not taken for mnemonics").isFalse();
        robot.clickOn("#confirm-cancel");
        assertThat(calls).as("Cancel drops nothing").isEmpty();

        robot.clickOn("#drop-old");
        robot.clickOn("#confirm-action");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(calls).containsExactly("drop r1");
        Label notice = robot.lookup(".notice-banner").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).isEqualTo("Dropped " + ASIDE + ".");
        assertThat(robot.lookup(".error-banner").queryAs(Label.class).isVisible()).as("not an error").isFalse();
        assertThat(robot.lookup("#drop-old").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(window::close);
    }

    @Test
    void aProtectedKeysPassphraseIsAskedInTheWizardAndAWrongOneIsToldClearedAndTypedAgain(FxRobot robot) {
        Encrypted desk = new Encrypted(true);
        RestoreWizardViewModel model = new RestoreWizardViewModel(desk, new SyncTaskRunner());
        Stage window = open(robot, model, encryptedBackup());
        assertThat(robot.lookup("#encryption").queryAs(Label.class).getText())
                .isEqualTo("Encrypted to " + OFFICE + " (key 'office').");
        PasswordField passphrase = robot.lookup("#passphrase").queryAs(PasswordField.class);
        assertThat(robot.lookup("#ask-passphrase").query().isVisible()).isTrue();
        assertThat(passphrase.isFocused()).as("the passphrase is typed straight away").isTrue();
        assertThat(robot.lookup("#next").queryAs(Button.class).isDisabled()).isTrue();
        WindowChecks.assertUsable(window);

        robot.clickOn("#passphrase").write("wrong horse").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#unlock-message").queryAs(Label.class).getText())
                .isEqualTo("That passphrase does not open it. Type it again.");
        assertThat(passphrase.getText()).as("cleared for the next try").isEmpty();
        assertThat(model.stepProperty().get()).as("Enter gave the passphrase, it did not go on").isEqualTo(WizardStep.SOURCE);

        robot.clickOn("#passphrase").write("right horse");
        robot.clickOn("#unlock");

        assertThat(robot.lookup("#unlock-message").queryAs(Label.class).getText()).isEqualTo("A key stored here opens it.");
        assertThat(robot.lookup("#ask-passphrase").query().isVisible()).isFalse();
        assertThat(robot.lookup("#next").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(desk.tries).isEqualTo(2);
        robot.interact(window::close);
    }

    @Test
    void withoutTheSecretKeyTheWizardNamesThePublicKeyOffersAKeyFileAndGoesNoFurther(FxRobot robot) {
        RestoreWizardViewModel model = new RestoreWizardViewModel(new Encrypted(false), new SyncTaskRunner());
        Stage window = open(robot, model, encryptedBackup());

        assertThat(robot.lookup("#unlock-message").queryAs(Label.class).getText()).contains(OFFICE)
                .contains("the secret key is required");
        assertThat(robot.lookup("#key-file").queryAs(Button.class).isVisible()).isTrue();
        assertThat(robot.lookup("#ask-passphrase").query().isVisible()).isFalse();
        assertThat(robot.lookup("#next").queryAs(Button.class).isDisabled()).isTrue();
        WindowChecks.assertUsable(window);
        robot.interact(window::close);
    }

    private static BackupCatalog.Entry encryptedBackup() {
        BackupCatalog.Entry plain = backup();
        BackupRecord record = plain.record().toBuilder().fileName("sales.dump.age").encrypted(true)
                .recipients(List.of(OFFICE)).build();
        return new BackupCatalog.Entry(record, plain.sidecar(), plain.status());
    }

    private static BackupCatalog.Entry backup() {
        Instant made = Instant.parse("2026-12-05T02:00:00Z");
        BackupRecord record = BackupRecord.builder().id("b1").profile("prod").host("db1").port(5432).database("sales")
                .serverVersion("15.4").pgDumpVersion("15.4").format(BackupFormat.CUSTOM).compression("gzip:1")
                .options(BackupOptions.ofFormat(BackupFormat.CUSTOM)).fileName("sales.dump").sizeBytes(1000)
                .databaseSizeBytes(10_000).sha256("0".repeat(64)).createdAt(made).durationMillis(1000)
                .tables(List.of(new TableCount("public", "customers", 40L), new TableCount("public", "orders", 300L)))
                .status(BackupStatus.OK).verification(new Verification(BackupStatus.VERIFIED, made.plusSeconds(60), ""))
                .origin(BackupRecord.ORIGIN_MANUAL).build();
        return new BackupCatalog.Entry(record, Path.of("/backups/prod/sales/sales.backup.json"), BackupStatus.VERIFIED);
    }

    /** Runs the work at once, but hands the pre-flight's findings back only when released, as worker threads do. */
    private static final class HeldRunner implements TaskRunner {
        private final SyncTaskRunner sync = new SyncTaskRunner();
        private final List<Runnable> held = new ArrayList<>();
        private boolean hold;

        void release() {
            held.forEach(Runnable::run);
            held.clear();
        }

        @Override
        public <T> RunningJob run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
            return sync.run(title, work, onDone, onFailed);
        }

        @Override
        public <T> void runInBackground(Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
            if (hold) {
                held.add(() -> sync.runInBackground(work, onDone, onFailed));
            } else {
                sync.runInBackground(work, onDone, onFailed);
            }
        }

        @Override
        public LiveLog liveLog(int maxLines) {
            return sync.liveLog(maxLines);
        }

        @Override
        public ObservableList<RunningJob> jobs() {
            return sync.jobs();
        }
    }

    /**
     * An encrypted backup to the key 'office': stored here and protected (the first passphrase given is wrong, the
     * second right), or not stored here at all.
     */
    private final class Encrypted extends Answers {
        private final boolean stored;
        private int tries;

        Encrypted(boolean stored) {
            this.stored = stored;
        }

        @Override
        public List<StoredKey> storedKeys() {
            return List.of(new StoredKey("office", List.of(new AgeRecipient(OFFICE)), stored, stored, ""));
        }

        @Override
        public void requireOpenable(BackupCatalog.Entry backup, SecretKeys secrets) {
            if (!stored) {
                throw EncryptionKeys.noKeyFor(backup.record());
            }
            if (secrets.passphrase() == null) {
                throw new CryptoException(CryptoException.Failure.PASSPHRASE_REQUIRED, "The key is protected.", "");
            }
            if (++tries == 1) {
                throw new CryptoException(CryptoException.Failure.WRONG_PASSPHRASE, "Wrong passphrase.", "");
            }
        }
    }

    private class Answers implements RestoreOperations {
        @Override
        public List<ConnectionProfile> profiles() {
            return List.of(PROD);
        }

        @Override
        public BackupCatalog.Entry importFile(Path file, String profile) {
            calls.add("import " + file);
            return backup();
        }

        @Override
        public boolean databaseExists(ConnectionProfile profile, String database) {
            return true;
        }

        @Override
        public void requireOpenable(BackupCatalog.Entry backup, SecretKeys secrets) {
        }

        @Override
        public List<PreflightCheck> preflight(RestorePlan plan, SecretKeys secrets) {
            return List.of(PreflightCheck.ok(CheckId.CHECKSUM, "The checksum matches."));
        }

        @Override
        public RestoreReport restore(RestorePlan plan, SecretKeys secrets, Progress progress, Consumer<String> log, Cancellation cancel) {
            return new RestoreReport("r1", RestoreReport.Outcome.COMPLETE, "The restore of sales is complete.", "sales",
                    List.of(), List.of(), List.of(), ASIDE, null, List.of());
        }

        @Override
        public RestoreRecord rollback(String restoreId, ConnectionProfile target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RestoreRecord dropOldCopy(String restoreId, ConnectionProfile target) {
            calls.add("drop " + restoreId);
            return null;
        }

        @Override
        public Optional<Duration> backupDuration(ConnectionProfile profile, String database) {
            return Optional.empty();
        }
    }
}

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
import io.backupdesk.restore.CheckId;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard's flow without a toolkit: step validity, Next and Back, the typed-name guard, single transaction
 * against jobs, a blocked pre-flight. The engine is answered by hand; real restores through the wizard run in its
 * UI tests against the test server.
 */
class RestoreWizardViewModelTest {
    private static final ConnectionProfile PROD = new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, null);

    private final SyncTaskRunner runner = new SyncTaskRunner();
    private final List<RestorePlan> planned = new ArrayList<>();
    private final List<RestorePlan> restored = new ArrayList<>();
    private final List<String> imported = new ArrayList<>();
    private boolean sessionHeld;
    private Set<String> existing = Set.of("sales");
    private final RestoreWizardViewModel wizard = new RestoreWizardViewModel(new RestoreOperations() {
        @Override
        public List<ConnectionProfile> profiles() {
            return List.of(PROD);
        }

        @Override
        public BackupCatalog.Entry importFile(Path file, String profile) {
            imported.add(profile + ":" + file.getFileName());
            return backup(BackupStatus.OK, BackupFormat.CUSTOM);
        }

        @Override
        public boolean databaseExists(ConnectionProfile profile, String database) {
            return existing.contains(database);
        }

        @Override
        public void requireOpenable(BackupCatalog.Entry backup, SecretKeys secrets) {
        }

        @Override
        public List<PreflightCheck> preflight(RestorePlan plan, SecretKeys secrets) {
            planned.add(plan);
            return sessionHeld && !plan.terminateSessions()
                    ? List.of(PreflightCheck.ok(CheckId.CHECKSUM, "fine"),
                    PreflightCheck.block(CheckId.SESSIONS, "1 other session is connected to sales.", "End them."))
                    : List.of(PreflightCheck.ok(CheckId.CHECKSUM, "fine"));
        }

        @Override
        public RestoreReport restore(RestorePlan plan, SecretKeys secrets, Progress progress, Consumer<String> log, Cancellation cancel) {
            restored.add(plan);
            log.accept("pg_restore: creating TABLE public.orders");
            return new RestoreReport("r1", RestoreReport.Outcome.COMPLETE, "The restore of sales is complete.", "sales",
                    List.of(), List.of(), List.of(), "sales_before_20261121_1430", null, List.of());
        }

        @Override
        public RestoreRecord rollback(String restoreId, ConnectionProfile target) {
            return null;
        }

        @Override
        public RestoreRecord dropOldCopy(String restoreId, ConnectionProfile target) {
            return null;
        }

        @Override
        public Optional<String> destinationOf(BackupCatalog.Entry backup) {
            return backup.status() == BackupStatus.REMOTE ? Optional.of("nas") : Optional.empty();
        }

        @Override
        public Optional<Duration> backupDuration(ConnectionProfile profile, String database) {
            return Optional.of(Duration.ofSeconds(95));
        }
    }, runner);

    @Test
    void theCommonCaseIsNextThroughTheDefaultsTheTypedNameAndRestore() {
        wizard.open(backup(BackupStatus.VERIFIED, BackupFormat.CUSTOM));

        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.SOURCE);
        assertThat(wizard.canBack().get()).isFalse();
        wizard.next();
        assertThat(wizard.draft().profileProperty().get()).isEqualTo(PROD);
        assertThat(wizard.draft().databaseProperty().get()).isEqualTo("sales");
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.OPTIONS);
        assertThat(wizard.draft().modeProperty().get()).as("the target exists").isEqualTo(RestoreMode.SAFE_REPLACE);
        assertThat(wizard.safetyCostProperty().get()).as("safe replace keeps the database, no safety backup")
                .contains("kept aside").doesNotContain("1 min 35 s");
        wizard.draft().modeProperty().set(RestoreMode.IN_PLACE);
        assertThat(wizard.safetyCostProperty().get()).contains("safety backup").contains("1 min 35 s");
        wizard.draft().modeProperty().set(RestoreMode.SAFE_REPLACE);
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.PREFLIGHT);
        assertThat(wizard.canNext().get()).isTrue();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.CONFIRM);
        assertThat(wizard.confirmation().summary()).startsWith("The database sales on prod will be replaced by the backup of");

        wizard.typedNameProperty().set("sales");
        wizard.restore();

        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.REPORT);
        assertThat(restored).singleElement().satisfies(plan -> {
            assertThat(plan.mode()).isEqualTo(RestoreMode.SAFE_REPLACE);
            assertThat(plan.database()).isEqualTo("sales");
            assertThat(plan.exitOnError()).isTrue();
        });
        assertThat(wizard.logProperty().get().lines()).containsExactly("pg_restore: creating TABLE public.orders");
        assertThat(wizard.reportActions().canRollback().get()).isTrue();
        assertThat(wizard.reportActions().keptDatabaseProperty().get()).isEqualTo("sales_before_20261121_1430");
    }

    @Test
    void aDumpFileFromElsewhereIsImportedOnTheWayAndRestoredLikeABackup() {
        wizard.openFile(Path.of("/downloads/sales-from-ops.dump"));

        assertThat(imported).containsExactly("prod:sales-from-ops.dump");
        assertThat(wizard.draft().sourceProperty().get()).isNotNull();
        assertThat(wizard.canNext().get()).isTrue();
    }

    @Test
    void restoreStaysDisabledUntilTheTypedNameMatches() {
        reachConfirm();

        wizard.typedNameProperty().set("Sales");
        assertThat(wizard.canRestore().get()).isFalse();
        wizard.restore();
        assertThat(restored).isEmpty();

        wizard.typedNameProperty().set("sales");
        assertThat(wizard.canRestore().get()).isTrue();
    }

    @Test
    void aCorruptBackupCannotLeaveTheFirstStep() {
        wizard.open(backup(BackupStatus.CORRUPT, BackupFormat.CUSTOM));

        assertThat(wizard.canNext().get()).isFalse();
    }

    @Test
    void singleTransactionIsOffWhileMoreThanOneJobRuns() {
        wizard.open(backup(BackupStatus.VERIFIED, BackupFormat.CUSTOM));
        wizard.next();
        wizard.next();

        wizard.draft().jobsProperty().set(1);
        wizard.draft().singleTransactionProperty().set(true);
        assertThat(wizard.canNext().get()).isTrue();
        wizard.draft().jobsProperty().set(3);

        assertThat(wizard.singleTransactionAllowed().get()).isFalse();
        assertThat(wizard.draft().singleTransactionProperty().get()).isFalse();
        assertThat(wizard.canNext().get()).isTrue();
    }

    @Test
    void aSelectionIsNeverSwappedInPlaceOfTheWholeDatabase() {
        wizard.open(backup(BackupStatus.VERIFIED, BackupFormat.CUSTOM));
        wizard.next();
        wizard.next();
        wizard.draft().tables().add("public.orders");

        wizard.next();

        assertThat(wizard.stepProperty().get()).as("stays on the options").isEqualTo(WizardStep.OPTIONS);
        assertThat(wizard.problemProperty().get()).contains("cannot restore a selection").doesNotContain("--");
        assertThat(planned).isEmpty();

        wizard.draft().modeProperty().set(RestoreMode.IN_PLACE);
        assertThat(wizard.problemProperty().get()).as("the refusal was about safe replace").isEmpty();
        wizard.next();

        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.PREFLIGHT);
        assertThat(planned).last().satisfies(p -> assertThat(p.tables()).containsExactly("public.orders"));
    }

    @Test
    void aHeldSessionBlocksUntilTheUserChoosesToEndIt() {
        sessionHeld = true;
        wizard.open(backup(BackupStatus.VERIFIED, BackupFormat.CUSTOM));
        wizard.next();
        wizard.next();
        wizard.next();

        assertThat(wizard.blocked().get()).isTrue();
        assertThat(wizard.canNext().get()).isFalse();
        assertThat(wizard.checks()).anySatisfy(c -> assertThat(c.fix()).isEqualTo("End them."));

        wizard.draft().terminateSessionsProperty().set(true);
        wizard.runPreflight();

        assertThat(wizard.blocked().get()).isFalse();
        assertThat(wizard.canNext().get()).isTrue();
        assertThat(planned).last().satisfies(p -> assertThat(p.terminateSessions()).isTrue());
    }

    @Test
    void aNewDatabaseGetsAFreeProposedNameAndATakenOneIsRefused() {
        wizard.open(backup(BackupStatus.VERIFIED, BackupFormat.PLAIN));
        wizard.next();

        wizard.choose(RestoreDraft.TargetKind.NEW_DATABASE);
        assertThat(wizard.draft().databaseProperty().get()).startsWith("sales_restored_");
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.OPTIONS);
        assertThat(wizard.draft().modeProperty().get()).isEqualTo(RestoreMode.NEW_DATABASE);
        assertThat(wizard.draft().jobsProperty().get()).as("plain SQL runs in one psql").isEqualTo(1);
        assertThat(wizard.jobsApply()).isFalse();

        wizard.back();
        existing = Set.of("sales", "sales_copy");
        wizard.draft().databaseProperty().set("sales_copy");
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.TARGET);
        assertThat(wizard.problemProperty().get()).contains("sales_copy exists already");
    }

    @Test
    void backStepsOneBackButNotOnceTheRestoreRuns() {
        reachConfirm();

        wizard.back();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.PREFLIGHT);
        wizard.next();
        wizard.typedNameProperty().set("sales");
        wizard.restore();

        assertThat(wizard.canBack().get()).isFalse();
    }

    @Test
    void aBackupOnlyAtADestinationGoesThroughThePreflightAndTheConfirmationSaysItIsDownloadedFirst() {
        wizard.open(backup(BackupStatus.REMOTE, BackupFormat.CUSTOM));

        assertThat(wizard.remoteAtProperty().get()).isEqualTo("nas");
        assertThat(wizard.canNext().get()).as("a remote backup is a usable source").isTrue();
        for (int i = 0; i < 4; i++) {
            wizard.next();
        }
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.CONFIRM);
        assertThat(planned).hasSize(1);
        assertThat(planned.get(0).source().status()).as("the engine downloads it").isEqualTo(BackupStatus.REMOTE);
        assertThat(wizard.confirmation().summary()).endsWith("It is downloaded from nas first.");
        wizard.typedNameProperty().set("sales");
        wizard.restore();
        assertThat(restored).extracting(p -> p.source().status()).containsExactly(BackupStatus.REMOTE);
    }

    @Test
    void aBackupHereSaysNothingOfADownload() {
        reachConfirm();

        assertThat(wizard.remoteAtProperty().get()).isEmpty();
        assertThat(wizard.confirmation().summary()).doesNotContain("downloaded");
    }

    private void reachConfirm() {
        wizard.open(backup(BackupStatus.VERIFIED, BackupFormat.CUSTOM));
        for (int i = 0; i < 4; i++) {
            wizard.next();
        }
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.CONFIRM);
    }

    private static BackupCatalog.Entry backup(BackupStatus status, BackupFormat format) {
        BackupRecord record = BackupRecord.builder().id("b1").profile("prod").host("db1").port(5432).database("sales")
                .serverVersion("15.4").pgDumpVersion("15.4").format(format).compression("gzip:1")
                .options(BackupOptions.ofFormat(format)).fileName("sales.dump").sizeBytes(1000)
                .databaseSizeBytes(10_000).sha256("0".repeat(64)).createdAt(Instant.parse("2026-11-20T02:00:00Z"))
                .durationMillis(1000).status(BackupStatus.OK).origin(BackupRecord.ORIGIN_MANUAL).build();
        return new BackupCatalog.Entry(record, Path.of("/backups/prod/sales/sales.backup.json"), status);
    }
}

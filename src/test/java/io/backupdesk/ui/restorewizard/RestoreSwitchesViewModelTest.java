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
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.restore.ShownRestore;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard's pg_restore switches and the roles file first, without a toolkit: what each choice makes of the plan,
 * what is offered where, the roles' preview before Restore, and the command on the confirmation.
 */
class RestoreSwitchesViewModelTest {
    private static final ConnectionProfile PROD = new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER,
            null);

    private final List<RestorePlan> checked = new ArrayList<>();
    private final List<RestorePlan> restored = new ArrayList<>();
    private RolesPreview roles = preview(List.of());
    private final RestoreWizardViewModel wizard = new RestoreWizardViewModel(new UnusedRestoreOperations() {
        @Override
        public List<ConnectionProfile> profiles() {
            return List.of(PROD);
        }

        @Override
        public boolean databaseExists(ConnectionProfile profile, String database) {
            return database.equals("sales");
        }

        @Override
        public List<PreflightCheck> preflight(RestorePlan plan, SecretKeys secrets) {
            return List.of(PreflightCheck.ok(CheckId.CHECKSUM, "fine"));
        }

        @Override
        public RestoreCheck check(RestorePlan plan, SecretKeys secrets) {
            checked.add(plan);
            return new RestoreCheck(preflight(plan, secrets), plan.roles() == RolesMode.CREATE_MISSING
                    ? Optional.of(roles) : Optional.empty());
        }

        @Override
        public String commandLine(RestorePlan plan) {
            return ShownRestore.of(plan, LocalDateTime.of(2026, 12, 6, 12, 0));
        }

        @Override
        public RestoreReport restore(RestorePlan plan, SecretKeys secrets, Progress progress, Consumer<String> log,
                                     Cancellation cancel) {
            restored.add(plan);
            return new RestoreReport("r1", RestoreReport.Outcome.COMPLETE, "Complete.", plan.database(), List.of(),
                    List.of(), List.of(), null, "s1", List.of());
        }
    }, new SyncTaskRunner());

    @Test
    void rowsAloneInPlaceAreDataOnlyLoadedByOneJobAndShownAsTheCommandThatRuns() {
        toOptions(backup(null));
        RestoreDraft draft = wizard.draft();
        assertThat(draft.jobsProperty().get()).isGreaterThan(1);

        draft.modeProperty().set(RestoreMode.IN_PLACE);
        draft.preDataProperty().set(false);
        draft.postDataProperty().set(false);
        draft.roleProperty().set("loader");

        assertThat(wizard.switches().rowsInKeyOrder().get()).isTrue();
        assertThat(draft.jobsProperty().get()).as("rows go in one table at a time").isEqualTo(1);
        wizard.next();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.CONFIRM);
        assertThat(checked).singleElement().satisfies(plan -> {
            assertThat(plan.flags().dataOnly()).isTrue();
            assertThat(plan.flags().role()).isEqualTo("loader");
            assertThat(plan.loadsIntoExistingTables()).isTrue();
        });
        assertThat(wizard.confirmation().commandProperty().get()).contains("pg_restore ")
                .contains("--role=loader --data-only --use-list=restore-list.txt").contains("emptied (TRUNCATE)");
    }

    @Test
    void definitionsAndPostDataAreSchemaOnlyAndAPartOfTheBackupIsRefusedWhereItCannotGo() {
        toOptions(backup(null));
        RestoreDraft draft = wizard.draft();
        draft.dataProperty().set(false);

        wizard.next();

        assertThat(wizard.stepProperty().get()).as("a safe replace takes the whole backup").isEqualTo(WizardStep.OPTIONS);
        assertThat(wizard.problemProperty().get()).contains("without rows").doesNotContain("--");
        draft.postDataProperty().set(false);
        draft.preDataProperty().set(false);
        assertThat(wizard.problemProperty().get()).as("a change of choice clears the refusal").isEmpty();
        wizard.next();
        assertThat(wizard.problemProperty().get()).contains("nothing would be restored");
        assertThat(checked).isEmpty();
    }

    @Test
    void createIsOfferedForANewDatabaseOnlyAndTheSchemasToLeaveOutAreTheBackupsOwn() {
        toOptions(backup(null));
        RestoreDraft draft = wizard.draft();
        assertThat(wizard.switches().createApplies().get()).isFalse();
        assertThat(wizard.switches().schemas()).containsExactly("public", "we.ird \"s\" ü");
        draft.modeProperty().set(RestoreMode.NEW_DATABASE);
        draft.databaseProperty().set("sales_copy");
        draft.createProperty().set(true);
        draft.excludeSchemas().add("we.ird \"s\" ü");

        draft.modeProperty().set(RestoreMode.IN_PLACE);
        assertThat(draft.createProperty().get()).as("unticked when it no longer applies").isFalse();
        draft.modeProperty().set(RestoreMode.NEW_DATABASE);
        draft.createProperty().set(true);
        wizard.next();

        assertThat(checked).singleElement().satisfies(plan -> {
            assertThat(plan.flags().create()).isTrue();
            assertThat(plan.flags().excludeSchemas()).containsExactly("we.ird \"s\" ü");
        });
    }

    @Test
    void theRolesFileFirstIsOfferedOnlyWithOneAndItsPreviewIsThereBeforeRestore() {
        toOptions(backup("sales.globals.sql"));
        assertThat(wizard.switches().rolesFileThere().get()).isTrue();
        wizard.draft().rolesFirstProperty().set(true);
        wizard.draft().sourceProperty().set(backup(null));
        assertThat(wizard.switches().rolesFileThere().get()).isFalse();
        assertThat(wizard.draft().rolesFirstProperty().get()).as("unticked with a backup without one").isFalse();
        wizard.draft().sourceProperty().set(backup("sales.globals.sql"));
        wizard.draft().rolesFirstProperty().set(true);
        roles = preview(List.of(new RolesPreview.RoleLine("app_owner", RolesPreview.RoleAction.CREATE, List.of("LOGIN"),
                ""), new RolesPreview.RoleLine("postgres", RolesPreview.RoleAction.EXISTS, List.of(), "")));
        wizard.next();

        assertThat(wizard.confirmation().rolesPreviewProperty().get().rolesToCreate()).containsExactly("app_owner");
        assertThat(wizard.canNext().get()).isTrue();
        wizard.next();
        assertThat(wizard.confirmation().summary()).startsWith("First the roles this server lacks are created from the"
                + " backup's roles file (1): app_owner.");
        wizard.typedNameProperty().set("sales");
        wizard.restore();
        assertThat(restored).singleElement().extracting(RestorePlan::roles).isEqualTo(RolesMode.CREATE_MISSING);
    }

    @Test
    void aRoleThatCannotBeCreatedKeepsTheRestoreFromStarting() {
        toOptions(backup("sales.globals.sql"));
        wizard.draft().rolesFirstProperty().set(true);
        roles = new RolesPreview("db1", List.of(new RolesPreview.RoleLine("boss", RolesPreview.RoleAction.CANNOT_CREATE,
                List.of("SUPERUSER"), "only a superuser may")), List.of(), List.of(), List.of(), List.of(),
                List.of("The role boss is SUPERUSER."));

        wizard.next();

        assertThat(wizard.blocked().get()).isTrue();
        assertThat(wizard.canNext().get()).isFalse();
    }

    private void toOptions(BackupCatalog.Entry backup) {
        wizard.open(backup);
        wizard.next();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.OPTIONS);
    }

    private static RolesPreview preview(List<RolesPreview.RoleLine> lines) {
        return new RolesPreview("db1", lines, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static BackupCatalog.Entry backup(String globalsFile) {
        BackupRecord record = BackupRecord.builder().id("b1").profile("prod").host("db1").port(5432).database("sales")
                .serverVersion("15.4").pgDumpVersion("15.4").format(BackupFormat.CUSTOM).compression("gzip:1")
                .options(BackupOptions.ofFormat(BackupFormat.CUSTOM)).fileName("sales.dump").sizeBytes(1000)
                .databaseSizeBytes(10_000).sha256("0".repeat(64)).createdAt(Instant.parse("2026-11-20T02:00:00Z"))
                .durationMillis(1000).status(BackupStatus.OK).origin(BackupRecord.ORIGIN_MANUAL)
                .globalsFile(globalsFile).globalsSha256(globalsFile == null ? null : "1".repeat(64))
                .tables(List.of(new TableCount("public", "orders", 5L), new TableCount("we.ird \"s\" ü", "t", 2L)))
                .build();
        return new BackupCatalog.Entry(record, Path.of("/backups/prod/sales/sales.backup.json"), BackupStatus.VERIFIED);
    }
}

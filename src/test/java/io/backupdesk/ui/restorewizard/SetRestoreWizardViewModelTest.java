package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupSets;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The set restore wizard's steps without a toolkit: choices, the roles' preview before anything, the report. */
class SetRestoreWizardViewModelTest {
    @TempDir
    Path dir;
    private final SetRestoreFakes operations = new SetRestoreFakes();
    private SetRestoreWizardViewModel model;

    @BeforeEach
    void aPartialSetAndTwoConnections() throws Exception {
        BackupSets.SetEntry set = SetRestoreFakes.set(dir);
        model = new SetRestoreWizardViewModel(set, operations, new SyncTaskRunner());
        model.load();
    }

    @Test
    void everyDatabaseOfTheSetIsChosenByDefaultWithNewDatabasesAndTheMissingRolesCreated() {
        assertThat(model.databases()).extracting(SetRestoreWizardViewModel.DatabaseChoice::database)
                .as("the database the set could not back up is not offered").containsExactly("app_eu", "postgres");
        assertThat(model.databases()).allMatch(d -> d.chosenProperty().get());
        assertThat(model.modeProperty().get()).isEqualTo(RestoreMode.NEW_DATABASE);
        assertThat(model.rolesProperty().get()).isEqualTo(RolesMode.CREATE_MISSING);
        // the set's own connection is not among the connections: the first server connection is the target
        assertThat(model.targets()).first().isEqualTo(SetRestoreFakes.CLUSTER_B);
        assertThat(model.targetProperty().get()).isEqualTo(SetRestoreFakes.CLUSTER_B);
        assertThat(model.setSummary()).contains("2 of 3 databases and the roles");
        assertThat(model.canNext().get()).isTrue();

        model.databases().forEach(d -> d.chosenProperty().set(false));
        assertThat(model.canNext().get()).as("nothing chosen").isFalse();
    }

    @Test
    void theRolesPreviewIsShownBeforeAnythingIsRestored() {
        model.databases().get(1).chosenProperty().set(false);
        model.rolesProperty().set(RolesMode.CREATE_MISSING);

        model.next();

        assertThat(model.stepProperty().get()).isEqualTo(SetRestoreWizardViewModel.Step.PREVIEW);
        assertThat(operations.restored).isEmpty();
        assertThat(operations.previewed).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo(SetRestoreFakes.CLUSTER_B);
            assertThat(r.databases()).extracting(c -> c.database()).containsExactly("app_eu");
        });
        assertThat(model.previewSections()).extracting(SetRestoreTexts.Section::id)
                .startsWith("roles-create", "roles-existing", "roles-memberships", "roles-settings")
                .endsWith("database-app_eu");
        assertThat(model.previewSections().get(0).title()).isEqualTo("Roles to create: 2");
        assertThat(model.previewSections().get(0).lines()).as("a login created without a password says so")
                .containsExactly("app_owner (LOGIN): " + SetRestoreFakes.NO_PASSWORD, "app_reader");
        assertThat(model.previewSections().get(1).lines()).containsExactly("postgres");
        assertThat(model.previewSections().get(2).lines()).containsExactly("app_reader in app_owner: add");
        assertThat(model.previewSections().get(3).lines()).containsExactly("app_owner: work_mem = 8MB in every database: set");
        assertThat(model.canRestore().get()).isTrue();
    }

    @Test
    void aRolesStepThatCannotRunKeepsRestoreDisabledUnlessRolesAreSkipped() {
        operations.blocked = true;
        model.next();

        assertThat(model.previewSections().get(0).id()).isEqualTo("roles-blockers");
        assertThat(model.canRestore().get()).isFalse();

        model.back();
        model.rolesProperty().set(RolesMode.SKIP);
        model.next();
        assertThat(model.previewSections()).filteredOn(s -> s.id().equals("roles-create")).singleElement()
                .satisfies(s -> assertThat(s.title()).startsWith("Roles the server lacks, not created"));
        assertThat(model.canRestore().get()).isTrue();
    }

    @Test
    void theReportSaysHowTheRolesAndEachDatabaseWent() {
        model.modeProperty().set(RestoreMode.SAFE_REPLACE);
        model.terminateSessionsProperty().set(true);
        model.next();

        model.restore();

        assertThat(operations.restored).singleElement().satisfies(r -> {
            assertThat(r.mode()).isEqualTo(RestoreMode.SAFE_REPLACE);
            assertThat(r.terminateSessions()).isTrue();
        });
        assertThat(model.stepProperty().get()).isEqualTo(SetRestoreWizardViewModel.Step.REPORT);
        assertThat(model.reportSections()).extracting(SetRestoreTexts.Section::id)
                .containsExactly("report-roles", "report-app_eu", "report-postgres");
        assertThat(model.reportSections().get(0).lines()).contains("Created: app_owner, app_reader",
                "Left as they were: postgres");
        assertThat(model.reportSections().get(2).title()).isEqualTo("postgres: failed");
        assertThat(model.reportSections().get(2).tone()).isEqualTo(SetRestoreTexts.Tone.BAD);
        assertThat(model.reportProperty().get().summary()).contains("1 of 2 databases restored, 1 failed");
    }
}

package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.testing.CatalogGenerator;
import io.backupdesk.ui.Question;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The backup list over a real catalog folder, with the synchronous task runner: no toolkit. */
class BackupsViewModelTest {
    @TempDir
    Path dir;
    private final SyncTaskRunner runner = new SyncTaskRunner();
    private BackupCatalog catalog;
    private BackupsViewModel model;

    @BeforeEach
    void aCatalogOfMadeUpBackups() throws Exception {
        CatalogGenerator.generate(dir.resolve("config"), dir.resolve("backups"), 40, 10, Instant.now());
        FolderCatalog folder = new FolderCatalog(dir.resolve("config"), dir.resolve("backups"));
        catalog = folder.catalog;
        model = new BackupsViewModel(folder, runner);
        model.refresh();
    }

    @Test
    void theListShowsEveryBackupNewestFirstWithASummary() {
        assertThat(model.shown()).hasSize(40);
        assertThat(model.shown()).extracting(BackupRowViewModel::createdAt)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(model.summary().get()).startsWith("40 of 40 backups, ");
        assertThat(model.profiles()).containsExactly("analytics", "prod-1", "staging");
    }

    @Test
    void wordsProfileAndStatusNarrowTheList() {
        model.filterTextProperty().set("BILLING verified");
        assertThat(model.shown()).isNotEmpty().allMatch(r -> r.database().equals("billing")
                && r.statusValue() == BackupStatus.VERIFIED);

        model.filterTextProperty().set("");
        model.profileFilterProperty().set("analytics");
        assertThat(model.shown()).isNotEmpty().allMatch(r -> r.profile().equals("analytics"));

        model.profileFilterProperty().set(null);
        model.databaseFilterProperty().set("crm");
        assertThat(model.shown()).isNotEmpty().allMatch(r -> r.database().equals("crm"));
        model.databaseFilterProperty().set(null);

        model.profileFilterProperty().set(null);
        model.statusFilterProperty().set(BackupStatus.OK);
        assertThat(model.shown()).isNotEmpty().allMatch(r -> r.statusValue() == BackupStatus.OK);
        assertThat(model.summary().get()).startsWith(model.shown().size() + " of 40 backups");
    }

    @Test
    void backUpNowOffersTheConnectionOfTheBackupInFocusNotTheFirstAlphabetically() {
        assertThat(model.profileToBackUp()).isNull();
        BackupRowViewModel staging = model.shown().stream().filter(r -> r.profile().equals("staging")).findFirst().orElseThrow();

        model.select(List.of(staging));

        assertThat(model.profileToBackUp()).as("issue 19: 'analytics' was preselected").isEqualTo("staging");
    }

    @Test
    void selectingABackupShowsItsDetailsAndEnablesTheActions() {
        assertThat(model.canAct().get()).isFalse();
        BackupRowViewModel row = model.shown().get(0);

        model.select(List.of(row));

        assertThat(model.detailsProperty().get().fields()).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("Id");
            assertThat(f.value()).isEqualTo(row.id());
        });
        assertThat(model.detailsProperty().get().tables()).extracting(BackupDetails.Field::name)
                .containsExactly("public.orders", "public.customers");
        assertThat(model.detailsProperty().get().tables()).extracting(BackupDetails.Field::value)
                .as("issue 19: row counts grouped as everywhere else").allMatch(v -> v.matches("\\d{1,3}(,\\d{3})+"));
        assertThat(model.canAct().get()).isTrue();
        assertThat(model.canActOnOne().get()).isTrue();
        assertThat(model.jobLogProperty().get().run().backupId()).isEqualTo(row.id());
    }

    @Test
    void verifyingABackupWhoseChecksumDoesNotMatchMarksItCorrupt() {
        BackupRowViewModel row = model.shown().stream().filter(r -> r.statusValue() == BackupStatus.OK).findFirst().orElseThrow();
        model.select(List.of(row));

        model.verifySelected();

        assertThat(runner.titles).contains("Verifying 1 backup");
        BackupRowViewModel after = model.shown().stream().filter(r -> r.id().equals(row.id())).findFirst().orElseThrow();
        assertThat(after.statusValue()).isEqualTo(BackupStatus.CORRUPT);
        assertThat(model.selection()).extracting(BackupRowViewModel::id).containsExactly(row.id());
        assertThat(model.detailsProperty().get().verification()).startsWith("Found damaged on");
    }

    @Test
    void aPinnedBackupCannotBeDeletedUntilItIsUnpinned() {
        BackupRowViewModel row = model.shown().stream().filter(r -> !r.pinned()).findFirst().orElseThrow();
        model.select(List.of(row));

        model.togglePinSelected();

        assertThat(model.selection()).singleElement().satisfies(r -> assertThat(r.pinned()).isTrue());
        assertThat(model.canDelete().get()).isFalse();
        model.togglePinSelected();
        assertThat(model.selection()).singleElement().satisfies(r -> assertThat(r.pinned()).isFalse());
        assertThat(model.canDelete().get()).isTrue();
    }

    @Test
    void deletingAsksNamingTheFilesThenRemovesThem() {
        List<BackupRowViewModel> two = model.shown().stream().filter(r -> !r.pinned()).limit(2).toList();
        model.select(two);

        Question question = model.deleteQuestion();
        model.deleteSelected();

        assertThat(question.title()).isEqualTo("Delete backups");
        assertThat(question.text()).startsWith("Delete 2 backups").contains(two.get(0).path()).contains(two.get(1).path());
        assertThat(question.action()).isEqualTo("Delete");
        assertThat(model.shown()).hasSize(38).noneMatch(r -> two.stream().anyMatch(t -> t.id().equals(r.id())));
        assertThat(Path.of(two.get(0).path())).doesNotExist();
        assertThat(model.selection()).isEmpty();
    }

    @Test
    void aFailedActionIsShownAsItsMessage() {
        BackupRowViewModel row = model.shown().stream().filter(r -> !r.pinned()).findFirst().orElseThrow();
        model.select(List.of(row));
        catalog.setPinned(row.entry(), true);

        model.deleteSelected();

        assertThat(model.errorProperty().get()).contains("is pinned, so it is kept").endsWith("Unpin it first if it should really go.");
        assertThat(Path.of(row.path())).exists();
    }
}

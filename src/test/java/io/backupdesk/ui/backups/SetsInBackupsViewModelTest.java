package io.backupdesk.ui.backups;

import io.backupdesk.core.BackupSet;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.testing.CatalogGenerator;
import io.backupdesk.testing.SetGenerator;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole-server sets in the backup list over a real catalog folder: one row each that opens into its databases, kept
 * under it by any sort, found by the filters through its databases, pinned and deleted whole. No toolkit.
 */
class SetsInBackupsViewModelTest {
    @TempDir
    Path dir;
    private FolderCatalog folder;
    private BackupsViewModel model;
    private List<String> setIds;

    @BeforeEach
    void aCatalogWithThreeSetsAmongOrdinaryBackups() throws Exception {
        Instant now = Instant.now();
        CatalogGenerator.generate(dir.resolve("config"), dir.resolve("backups"), 20, 10, now);
        setIds = SetGenerator.demo(dir.resolve("config"), dir.resolve("backups"), now);
        folder = new FolderCatalog(dir.resolve("config"), dir.resolve("backups"));
        model = new BackupsViewModel(folder, new SyncTaskRunner());
        model.refresh();
    }

    private List<BackupRowViewModel> setRows() {
        return model.shown().stream().filter(BackupRowViewModel::isSet).toList();
    }

    private BackupRowViewModel newestSet() {
        return setRows().stream().filter(r -> r.id().equals(setIds.get(2))).findFirst().orElseThrow();
    }

    @Test
    void aSetIsOneRowWithItsDatabasesCountSizeAndStatusAndTheSummaryCountsItOnce() {
        assertThat(model.shown()).hasSize(23).noneMatch(BackupRowViewModel::isMember);
        BackupRowViewModel set = newestSet();
        assertThat(set.profile()).isEqualTo("cluster-a");
        assertThat(set.database()).isEqualTo("2 of 3 databases");
        assertThat(set.status()).isEqualTo("partial");
        assertThat(set.setStatus()).isEqualTo(BackupSet.Status.PARTIAL);
        assertThat(set.sizeBytes()).isEqualTo(set.entries().stream().mapToLong(e -> e.record().sizeBytes()).sum())
                .isPositive();
        assertThat(setRows()).filteredOn(r -> !r.id().equals(setIds.get(2)))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo("complete"));
        assertThat(model.summary().get()).startsWith("23 of 23 backups, ");
    }

    @Test
    void anOpenedSetShowsItsDatabasesRightUnderItWhateverTheSort() {
        BackupRowViewModel set = newestSet();

        model.toggleOpen(set);

        List<BackupRowViewModel> members = model.shown().stream().filter(r -> set.id().equals(r.group())
                && r.isMember()).toList();
        assertThat(members).extracting(BackupRowViewModel::database).containsExactly("app_eu", "postgres");
        assertThat(model.summary().get()).as("its databases are not counted again").startsWith("23 of 23 backups, ");
        for (Comparator<BackupRowViewModel> order : List.of(Comparator.comparing(BackupRowViewModel::sizeBytes),
                Comparator.comparing(BackupRowViewModel::createdAt).reversed(), Comparator.comparing(BackupRowViewModel::listName))) {
            List<BackupRowViewModel> sorted = model.shown().stream()
                    .sorted(model.groupsProperty().get().ordered(order)).toList();
            int at = sorted.indexOf(set);
            assertThat(sorted.subList(at + 1, at + 3)).as("sorted by " + order).containsExactlyElementsOf(
                    members.stream().sorted(order).toList());
        }

        model.toggleOpen(set);
        assertThat(model.shown()).noneMatch(BackupRowViewModel::isMember);
    }

    @Test
    void theDatabaseFilterFindsTheSetsThatHoldTheDatabase() {
        model.databaseFilterProperty().set("app_us");

        // the newest set failed app_us: only the two complete sets hold a backup of it
        assertThat(model.shown()).hasSize(2).allMatch(BackupRowViewModel::isSet);
        assertThat(model.databases()).contains("app_eu", "app_us", "postgres").doesNotContain("2 of 3 databases");

        model.databaseFilterProperty().set(null);
        model.filterTextProperty().set("app_eu");
        assertThat(model.shown()).hasSize(3).allMatch(BackupRowViewModel::isSet);
        model.toggleOpen(model.shown().get(0));
        assertThat(model.shown()).filteredOn(BackupRowViewModel::isMember).extracting(BackupRowViewModel::database)
                .containsExactly("app_eu");

        model.filterTextProperty().set("");
        model.statusFilterProperty().set(BackupStatus.CORRUPT);
        assertThat(model.shown()).noneMatch(BackupRowViewModel::isSet);
    }

    @Test
    void theDetailsOfASetListEachDatabaseWhyOneFailedThoseLeftOutAndTheRolesFile() {
        model.select(List.of(newestSet()));

        SetDetails details = model.setDetailsProperty().get();
        assertThat(model.detailsProperty().get()).isNull();
        assertThat(details.summary()).startsWith("Partial: 2 of 3 databases and the roles.");
        assertThat(details.members()).extracting(SetDetails.MemberLine::database)
                .containsExactly("app_eu", "app_us", "postgres");
        assertThat(details.members().get(1).failed()).isTrue();
        assertThat(details.members().get(1).text()).contains("permission denied for table payments");
        assertThat(details.members().get(0).status()).isEqualTo("verified");
        assertThat(details.excluded()).containsExactly("test_scratch");
        assertThat(details.fields()).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("Roles file");
            assertThat(f.value()).endsWith(".globals.sql");
        });
        assertThat(details.fields()).anySatisfy(f -> assertThat(f.value()).isEqualTo("Not encrypted"));
    }

    @Test
    void pinningOneDatabaseOfASetPinsTheWholeSet() {
        BackupRowViewModel set = newestSet();
        model.toggleOpen(set);
        BackupRowViewModel member = model.shown().stream().filter(r -> r.isMember() && set.id().equals(r.group()))
                .findFirst().orElseThrow();

        model.select(List.of(member));
        model.togglePinSelected();

        BackupRowViewModel reread = newestSet();
        assertThat(reread.pinned()).isTrue();
        assertThat(reread.entries()).noneMatch(e -> e.record().pinned());
        model.select(List.of(reread));
        assertThat(model.canDelete().get()).as("a pinned set is not deleted").isFalse();
    }

    @Test
    void deletingASetAsksAboutTheWholeSetAndTakesItsDatabasesAndRolesFile() throws Exception {
        BackupRowViewModel set = newestSet();
        model.select(List.of(set));

        assertThat(model.deleteQuestion().text()).startsWith("Delete 1 whole-server set, ")
                .contains("the set of cluster-a of", "2 of 3 databases");
        model.deleteSelected();

        assertThat(setRows()).extracting(BackupRowViewModel::id).containsExactlyInAnyOrder(setIds.get(0), setIds.get(1));
        assertThat(set.entries()).isNotEmpty().noneMatch(e -> Files.exists(e.archive()) || Files.exists(e.sidecar()));
        assertThat(set.set().manifest()).doesNotExist();
        assertThat(set.set().roles().orElseThrow()).doesNotExist();
        assertThat(model.shown()).hasSize(22);
    }
}

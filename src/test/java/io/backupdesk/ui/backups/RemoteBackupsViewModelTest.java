package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.testing.CatalogGenerator;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Backups only at a destination in the backup list, and Sync catalogs, without a toolkit. */
class RemoteBackupsViewModelTest {
    @TempDir
    Path dir;
    private final SyncTaskRunner runner = new SyncTaskRunner();
    private RemoteFolderCatalog catalog;
    private BackupsViewModel model;

    @BeforeEach
    void sixBackupsHereAndANasThatHoldsThreeMore() throws Exception {
        Instant now = Instant.now();
        CatalogGenerator.generate(dir.resolve("config"), dir.resolve("backups"), 6, 4, now);
        // the same made-up history, longer: its first six are these, the other three were made on another desk
        CatalogGenerator.generate(dir.resolve("other-config"), dir.resolve("other-desk"), 9, 4, now);
        catalog = new RemoteFolderCatalog(dir.resolve("config"), dir.resolve("backups"));
        catalog.atDestinations.put("nas", new FolderCatalog(dir.resolve("other-config"), dir.resolve("other-desk")).scan());
        catalog.atDestinations.put("empty-bucket", List.of());
        model = new BackupsViewModel(catalog, runner);
        model.refresh();
    }

    private List<BackupRowViewModel> remoteRows() {
        return model.shown().stream().filter(BackupRowViewModel::remote).toList();
    }

    @Test
    void beforeASyncOnlyTheBackupsHereAreListedAndTheCountSaysNothingOfDestinations() {
        assertThat(model.shown()).hasSize(6).noneMatch(BackupRowViewModel::remote);
        assertThat(model.summary().get()).startsWith("6 of 6 backups, ");
        assertThat(model.canSync().get()).isTrue();
    }

    @Test
    void syncCatalogsReadsEveryDestinationAndSaysWhatEachHeldThenListsTheRemoteOnesAfterThoseHere() {
        model.syncCatalogs();

        assertThat(catalog.synced).containsExactly("nas", "empty-bucket");
        assertThat(runner.titles).contains("Syncing the catalogs of 2 destinations");
        assertThat(model.noticeProperty().get()).isEqualTo("nas: 9 backups, 3 only there; empty-bucket: 0 backups, 0 only there");
        model.refresh();
        assertThat(model.shown()).hasSize(9);
        assertThat(model.shown().subList(6, 9)).allMatch(BackupRowViewModel::remote);
        assertThat(remoteRows()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("remote");
            assertThat(r.statusValue()).isEqualTo(BackupStatus.REMOTE);
            assertThat(r.destination()).isEqualTo("nas");
        });
        assertThat(model.summary().get()).startsWith("6 of 6 backups here, 3 of 3 only at destinations, ");
    }

    @Test
    void aRemoteRowCanOnlyBeRestoredAndItsDetailsSayWhereItIsAndWhy() {
        model.syncCatalogs();
        model.refresh();
        BackupRowViewModel remote = remoteRows().get(0);

        model.select(List.of(remote));

        assertThat(model.canRestore().get()).isTrue();
        assertThat(model.canAct().get()).as("verify and pin").isFalse();
        assertThat(model.canDelete().get()).isFalse();
        assertThat(model.canActOnOne().get()).as("show in folder, copy path").isFalse();
        assertThat(model.canRetryCopies().get()).isFalse();
        BackupDetails details = model.detailsProperty().get();
        assertThat(details.fields()).contains(new BackupDetails.Field("At", "nas"));
        assertThat(details.fields()).extracting(BackupDetails.Field::name).doesNotContain("File");
        assertThat(details.verification()).startsWith("Only at nas: restore downloads it first");
    }

    @Test
    void aSelectionThatMixesHereAndRemoteCannotBeVerifiedPinnedOrDeleted() {
        model.syncCatalogs();
        model.refresh();
        BackupRowViewModel here = model.shown().get(0);

        model.select(List.of(here));
        assertThat(model.canAct().get()).isTrue();
        assertThat(model.canActOnOne().get()).isTrue();
        model.select(List.of(here, remoteRows().get(0)));
        assertThat(model.canAct().get()).isFalse();
        assertThat(model.canDelete().get()).isFalse();
        assertThat(model.canRestore().get()).as("one at a time").isFalse();
    }

    @Test
    void theStatusFilterShowsTheRemoteOnesAloneAndAllStatusesShowsThemTooAsDoTheWords() {
        model.syncCatalogs();
        model.refresh();

        model.statusFilterProperty().set(BackupStatus.REMOTE);
        assertThat(model.shown()).hasSize(3).allMatch(BackupRowViewModel::remote);
        assertThat(model.summary().get()).startsWith("0 of 6 backups here, 3 of 3 only at destinations, ");
        model.statusFilterProperty().set(null);
        assertThat(model.shown()).hasSize(9);
        model.filterTextProperty().set("nas");
        assertThat(model.shown()).hasSize(3);
        model.filterTextProperty().set("");
        model.statusFilterProperty().set(BackupStatus.OK);
        assertThat(model.shown()).noneMatch(BackupRowViewModel::remote);
    }

    @Test
    void theRemoteRowsKeepTheirSelectionWhenTheListIsReadAgain() {
        model.syncCatalogs();
        model.refresh();
        Set<String> chosen = Set.of(remoteRows().get(1).id());
        model.select(remoteRows().subList(1, 2));

        model.refresh();

        assertThat(model.selection().stream().map(BackupRowViewModel::id).collect(Collectors.toSet())).isEqualTo(chosen);
        assertThat(model.selection().get(0).entry()).extracting(BackupCatalog.Entry::status).isEqualTo(BackupStatus.REMOTE);
    }

    @Test
    void withNoDestinationThereIsNothingToSync() throws Exception {
        catalog.atDestinations.clear();
        model.refresh();

        assertThat(model.canSync().get()).isFalse();
    }
}

package io.backupdesk.ui.backups;

import io.backupdesk.offsite.CopyState;
import io.backupdesk.testing.CatalogGenerator;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The backup list's Copies column, a backup's copies in its details, and Retry copies, without a toolkit. */
class CopiesInBackupsViewModelTest {
    private static final Instant AT = Instant.parse("2026-05-04T02:31:00Z");
    private static final String SHA = "3f2a9c1d" + "0".repeat(48) + "9c1d7e55";

    @TempDir
    Path dir;
    private final SyncTaskRunner runner = new SyncTaskRunner();
    private CopiedCatalog catalog;
    private BackupsViewModel model;
    private List<String> ids;

    @BeforeEach
    void aCatalogWhoseNewestBackupsWereCopied() throws Exception {
        CatalogGenerator.generate(dir.resolve("config"), dir.resolve("backups"), 12, 4, Instant.now());
        catalog = new CopiedCatalog(dir.resolve("config"), dir.resolve("backups"));
        model = new BackupsViewModel(catalog, runner);
        model.refresh();
        ids = model.shown().stream().map(BackupRowViewModel::id).toList();
        catalog.ledger.add(CopiedCatalog.ok(ids.get(0), "nas", SHA, AT));
        catalog.ledger.add(CopiedCatalog.ok(ids.get(0), "offsite-s3", SHA, AT));
        catalog.ledger.add(CopiedCatalog.ok(ids.get(1), "nas", SHA, AT));
        catalog.ledger.add(CopiedCatalog.pending(ids.get(1), "offsite-s3", AT, AT.plusSeconds(300)));
        catalog.ledger.add(CopiedCatalog.pending(ids.get(2), "offsite-s3", AT, AT.plusSeconds(300)));
        catalog.ledger.add(CopiedCatalog.failed(ids.get(2), "vault", AT));
        model.refresh();
    }

    private BackupRowViewModel row(int i) {
        return model.shown().stream().filter(r -> r.id().equals(ids.get(i))).findFirst().orElseThrow();
    }

    @Test
    void theColumnSaysTheCopiesInTheirWorstState() {
        assertThat(row(0).copiesText()).isEqualTo("2 ok");
        assertThat(row(0).copiesStatus()).contains(CopyState.Status.OK);
        assertThat(row(1).copiesText()).isEqualTo("1 pending");
        assertThat(row(1).copiesEach()).isEqualTo("nas: ok · offsite-s3: pending");
        assertThat(row(2).copiesText()).isEqualTo("1 failed");
        assertThat(row(3).copiesText()).as("copied nowhere").isEmpty();
        assertThat(row(3).copiesStatus()).isEmpty();
    }

    @Test
    void theDetailsHaveALinePerDestinationWithItsConfirmedChecksumOrWhatHappensNext() {
        model.select(List.of(row(1)));

        List<BackupDetails.CopyLine> copies = model.detailsProperty().get().copies();

        assertThat(copies).extracting(BackupDetails.CopyLine::destination).containsExactly("nas", "offsite-s3");
        assertThat(copies.get(0).status()).isEqualTo("ok");
        assertThat(copies.get(0).sha256()).isEqualTo(SHA);
        assertThat(copies.get(0).text()).startsWith("Confirmed by read back, 20");
        assertThat(copies.get(1).status()).isEqualTo("pending");
        assertThat(copies.get(1).sha256()).isNull();
        assertThat(copies.get(1).text()).startsWith("Attempt 1 failed ").contains("The folder /mnt/nas is not there.")
                .contains("Next try ");
        model.select(List.of(row(2)));
        assertThat(model.detailsProperty().get().copies().get(1).text()).startsWith("Failed ")
                .endsWith("Not tried again by itself: Retry copies tries it now.");
    }

    @Test
    void retryCopiesTriesTheSelectedBackupsWaitingCopiesAndTheListShowsHowTheyWent() {
        model.select(List.of(row(0)));
        assertThat(model.canRetryCopies().get()).as("every copy is confirmed").isFalse();

        model.select(List.of(row(0), row(1), row(2)));
        assertThat(model.canRetryCopies().get()).isTrue();
        model.retryCopiesSelected();

        assertThat(catalog.retried).containsExactly(ids.get(1), ids.get(2));
        assertThat(runner.titles).contains("Retrying the copies of 2 backups");
        assertThat(model.noticeProperty().get()).isEqualTo("2 copies confirmed, 1 not: vault: the backup is not "
                + "encrypted, and vault takes only encrypted backups.");
        assertThat(row(1).copiesText()).as("the list was read again").isEqualTo("2 ok");
        assertThat(row(2).copiesText()).isEqualTo("1 failed");
    }

    @Test
    void aRetryThatConfirmsNothingSaysWhyNot() {
        catalog.ledger.add(CopiedCatalog.failed(ids.get(3), "vault", AT));
        model.refresh();
        model.select(List.of(row(3)));

        model.retryCopiesSelected();

        assertThat(model.noticeProperty().get()).isEqualTo("The copy is still not confirmed: vault: the backup is not "
                + "encrypted, and vault takes only encrypted backups.");
    }
}

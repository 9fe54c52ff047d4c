package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.testing.CatalogGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Pinning and deleting backups in the catalog, on real files. */
class CatalogActionsTest {
    @TempDir
    Path dir;
    private BackupCatalog catalog;

    @BeforeEach
    void aCatalogOfAFewBackups() throws Exception {
        CatalogGenerator.generate(dir.resolve("config"), dir.resolve("backups"), 6, 3, Instant.now());
        catalog = new BackupCatalog(new BackupLayout(dir.resolve("backups")), w -> { });
    }

    @Test
    void aPinIsWrittenToTheSidecarAndSurvivesARescan() {
        BackupCatalog.Entry entry = unpinned();

        catalog.setPinned(entry, true);

        assertThat(catalog.require(entry.record().id()).record().pinned()).isTrue();
        catalog.setPinned(catalog.require(entry.record().id()), false);
        assertThat(catalog.require(entry.record().id()).record().pinned()).isFalse();
    }

    @Test
    void deletingRemovesTheArchiveAndTheSidecarAndNothingElse() throws Exception {
        BackupCatalog.Entry entry = unpinned();
        List<BackupCatalog.Entry> before = catalog.scan();
        Path globals = Files.writeString(entry.sidecar().resolveSibling("x.globals.sql"), "-- roles");

        catalog.delete(entry);

        assertThat(entry.archive()).doesNotExist();
        assertThat(entry.sidecar()).doesNotExist();
        assertThat(globals).as("not this backup's").exists();
        assertThat(catalog.scan()).hasSize(before.size() - 1)
                .noneMatch(e -> e.record().id().equals(entry.record().id()));
    }

    @Test
    void aPinnedBackupIsNotDeleted() {
        BackupCatalog.Entry pinned = catalog.setPinned(unpinned(), true);

        BackupDeskException refused = catchThrowableOfType(() -> catalog.delete(pinned), BackupDeskException.class);

        assertThat(refused.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(refused.getMessage()).contains("pinned");
        assertThat(pinned.archive()).exists();
        assertThat(pinned.sidecar()).exists();
    }

    @Test
    void aBackupPinnedElsewhereSinceItWasListedIsNotDeleted() {
        BackupCatalog.Entry listed = unpinned();
        new BackupCatalog(new BackupLayout(dir.resolve("backups")), w -> { }).setPinned(listed, true);

        BackupDeskException refused = catchThrowableOfType(() -> catalog.delete(listed), BackupDeskException.class);

        assertThat(refused.getMessage()).contains("pinned");
        assertThat(listed.archive()).exists();
    }

    @Test
    void aBackupWhoseFileIsGoneCanStillBeDeleted() throws Exception {
        BackupCatalog.Entry entry = unpinned();
        Files.delete(entry.archive());
        BackupCatalog.Entry missing = catalog.require(entry.record().id());
        assertThat(missing.status()).isEqualTo(BackupStatus.MISSING);

        catalog.delete(missing);

        assertThat(entry.sidecar()).doesNotExist();
    }

    private BackupCatalog.Entry unpinned() {
        return catalog.scan().stream().filter(e -> !e.record().pinned()).findFirst().orElseThrow();
    }
}

package io.backupdesk.jobs;

import io.backupdesk.alert.AlertDispatcher;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.backup.Sha256;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Progress;
import io.backupdesk.offsite.CopyLedger;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.offsite.DestinationSecrets;
import io.backupdesk.offsite.DestinationStore;
import io.backupdesk.offsite.RemoteCatalog;
import io.backupdesk.offsite.RemoteStores;
import io.backupdesk.store.Json;
import io.backupdesk.testing.SidecarFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** "Retry copies" of one backup on the desktop: its waiting copies are tried again now, and no other backup's. */
class CopyJobRetryOfTest {
    @TempDir
    Path dir;

    @Test
    void theCopiesOfOneBackupAreTriedAgainNowAndThoseOfOthersWaitForTheirTurn() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path root = dir.resolve("backups");
        Path nas = dir.resolve("nas");
        backup(root, "b1");
        backup(root, "b2");
        DestinationStore destinations = new DestinationStore(config, w -> { });
        destinations.save(new Destination("nas", nas.toUri().toString(), null, null, false, null, null, null, null,
                false, Instant.now()));
        CopyLedger ledger = new CopyLedger(config, w -> { });
        BackupCatalog catalog = new BackupCatalog(new BackupLayout(root), w -> { });
        RemoteStores stores = new RemoteStores(new DestinationSecrets(config), config.resolve("known_hosts"));
        RemoteBackups remote = new RemoteBackups(destinations, stores, new RemoteCatalog(dir.resolve("remote"),
                w -> { }), ledger, catalog, dir.resolve("downloads"), (profile, database) -> false, Clock.systemUTC());
        CopyJob copies = new CopyJob(destinations, stores, ledger, catalog,
                new BackupSets(new BackupLayout(root), catalog, w -> { }), new AlertDispatcher(List.of()), remote,
                Clock.systemUTC());
        // the NAS is not mounted yet: both copies fail and wait for their back-off
        for (BackupCatalog.Entry entry : catalog.scan()) {
            copies.afterBackup(entry, List.of("nas"), Progress.NONE, new Cancellation());
        }
        assertThat(ledger.current()).extracting(CopyState::status).containsOnly(CopyState.Status.PENDING);
        Files.createDirectories(nas);

        List<CopyState> retried = copies.retryOf("b1", Progress.NONE, new Cancellation());

        assertThat(retried).extracting(CopyState::backupId).containsExactly("b1");
        assertThat(ledger.of("b1")).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(CopyState.Status.OK);
            assertThat(s.sha256()).isEqualTo(Sha256.ofFile(root.resolve("prod/sales/sales_b1.dump")));
        });
        assertThat(ledger.of("b2")).singleElement().extracting(CopyState::status).isEqualTo(CopyState.Status.PENDING);
        assertThat(copies.states(Optional.of("b2"))).extracting(CopyState::attempts).containsExactly(1);
    }

    /** A good backup whose sidecar knows its archive's checksum, as a real one does. */
    private static void backup(Path root, String id) throws Exception {
        BackupRecord record = SidecarFiles.write(root, id, "prod", "sales", "manual", Instant.now());
        Path folder = root.resolve("prod/sales");
        String stem = "sales_" + id;
        Files.write(folder.resolve(stem + BackupLayout.SIDECAR_SUFFIX), Json.mapper().writeValueAsBytes(
                record.toBuilder().sha256(Sha256.ofFile(folder.resolve(record.fileName()))).build()));
    }
}

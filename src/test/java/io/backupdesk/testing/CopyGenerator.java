package io.backupdesk.testing;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.core.Destination;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.offsite.CopyLedger;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.offsite.DestinationCredentials;
import io.backupdesk.offsite.DestinationSecrets;
import io.backupdesk.offsite.DestinationStore;
import io.backupdesk.store.ProfileStore;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Adds made-up destinations and copies to a catalog {@link CatalogGenerator} wrote: a NAS folder, an S3 bucket and
 * an SFTP server that takes only encrypted backups; the newest backups copied, two still pending, one failed; prod-1
 * copies to the NAS and the bucket. The ledger is written as the copy job writes it, without copying anything. For
 * screenshots, never for tests of the copies, which copy for real.
 *
 * <p>Usage: {@code CopyGenerator CONFIG_DIR BACKUP_ROOT NAS_FOLDER}
 */
public final class CopyGenerator {
    private CopyGenerator() { }

    public static void main(String[] args) {
        Path config = Path.of(args[0]);
        Path nas = Path.of(args[2]);
        Instant now = Instant.now();
        DestinationStore destinations = new DestinationStore(config, w -> { });
        destinations.save(new Destination("nas", nas.toUri().toString().replaceAll("/$", ""), null, null, false, null,
                null, null, new RetentionPolicy(30, null, null, null, null), false, now.minus(Duration.ofDays(40))));
        destinations.save(new Destination("offsite-s3", "s3://acme-db-backups/desk-1", null, "eu-central-1", false,
                Destination.S3Checksums.SHA256, null, null, new RetentionPolicy(7, 7, 4, 12, null), false,
                now.minus(Duration.ofDays(40))));
        destinations.save(new Destination("vault", "sftp://backup@vault.example.internal/srv/backups", null, null,
                false, null, "/home/dba/.ssh/id_ed25519", null, RetentionPolicy.none(), true,
                now.minus(Duration.ofDays(10))));
        new DestinationSecrets(config).store("offsite-s3", new DestinationCredentials("AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null));
        ProfileStore profiles = new ProfileStore(config, w -> { });
        profiles.save(profiles.require("prod-1").withCopyTo(List.of("nas", "offsite-s3")));

        CopyLedger ledger = new CopyLedger(config, w -> { });
        List<BackupCatalog.Entry> prod = new BackupCatalog(new BackupLayout(Path.of(args[1])), w -> { }).scan()
                .stream().filter(e -> e.record().profile().equals("prod-1"))
                .sorted(Comparator.comparing((BackupCatalog.Entry e) -> e.record().createdAt()).reversed())
                .limit(12).toList();
        for (int i = 0; i < prod.size(); i++) {
            BackupCatalog.Entry e = prod.get(i);
            String id = e.record().id();
            Instant copiedAt = e.record().createdAt().plus(Duration.ofMinutes(2));
            ledger.record(new CopyState(id, "nas", CopyState.Status.OK, e.record().sha256(), "read back", copiedAt,
                    0, null, null, key(e)));
            if (i < 2) {
                ledger.record(new CopyState(id, "offsite-s3", CopyState.Status.PENDING, null, null, copiedAt, i + 1,
                        now.plus(Duration.ofMinutes(i == 0 ? 4 : 27)), "Could not reach s3.eu-central-1.amazonaws.com:"
                        + " connection timed out.", null));
            } else {
                ledger.record(new CopyState(id, "offsite-s3", CopyState.Status.OK, e.record().sha256(),
                        "the store's SHA-256 checksum", copiedAt.plus(Duration.ofMinutes(1)), 0, null, null, key(e)));
            }
        }
        BackupCatalog.Entry newest = prod.get(0);
        ledger.record(new CopyState(newest.record().id(), "vault", CopyState.Status.FAILED, null, null,
                newest.record().createdAt().plus(Duration.ofMinutes(3)), 1, null, "The backup "
                + newest.record().id() + " is not encrypted, and vault takes only encrypted backups.", null));
    }

    private static String key(BackupCatalog.Entry e) {
        return e.record().profile() + "/" + e.record().database() + "/" + e.record().fileName();
    }
}

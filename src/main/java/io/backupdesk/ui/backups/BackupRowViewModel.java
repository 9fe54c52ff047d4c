package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.offsite.RemoteCatalog;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of the backup list, its texts made once when the catalog is read, so that drawing and sorting ten thousand
 * rows never touches the disk or formats anything.
 */
public final class BackupRowViewModel {
    private final BackupCatalog.Entry entry;
    private final String server;
    private final String created;
    private final String size;
    private final String duration;
    private final String status;
    private final String searchText;
    private final List<CopyState> copies;
    private final String copiesText;
    private final String destination;

    BackupRowViewModel(BackupCatalog.Entry entry) {
        this(entry, List.of());
    }

    /** @param copies the backup's copies off the desk, one per destination, as the copy ledger has them */
    BackupRowViewModel(BackupCatalog.Entry entry, List<CopyState> copies) {
        this(entry, copies, null);
    }

    /** A backup only at a destination, as that destination's last catalog sync found it. */
    BackupRowViewModel(RemoteCatalog.RemoteEntry remote, List<CopyState> copies) {
        this(remote.entry(), copies, remote.destination());
    }

    private BackupRowViewModel(BackupCatalog.Entry entry, List<CopyState> copies, String destination) {
        this.entry = entry;
        this.destination = destination;
        this.copies = List.copyOf(copies);
        this.copiesText = CopiesText.cell(copies);
        BackupRecord r = entry.record();
        this.server = r.host() == null ? "" : r.host() + (r.port() == null ? "" : ":" + r.port());
        this.created = Formats.time(r.createdAt());
        this.size = Formats.bytes(r.sizeBytes());
        this.duration = Formats.duration(Duration.ofMillis(r.durationMillis()));
        this.status = checksumOnly() ? Messages.get("backups.encrypted.status.checksumOnly")
                : entry.status().name().toLowerCase(Locale.ROOT);
        this.searchText = String.join(" ", r.id(), r.profile(), r.database(), server, created, r.format().cliName(), status,
                r.label() == null ? "" : r.label(), r.encrypted() ? Messages.get("backups.encrypted.word") : "",
                destination == null ? "" : destination)
                .toLowerCase(Locale.ROOT);
    }

    public BackupCatalog.Entry entry() {
        return entry;
    }

    public String id() {
        return entry.record().id();
    }

    public String profile() {
        return entry.record().profile();
    }

    public String database() {
        return entry.record().database();
    }

    public String server() {
        return server;
    }

    public Instant createdAt() {
        return entry.record().createdAt();
    }

    public String created() {
        return created;
    }

    public long sizeBytes() {
        return entry.record().sizeBytes();
    }

    public String size() {
        return size;
    }

    public String format() {
        return entry.record().format().cliName();
    }

    public long durationMillis() {
        return entry.record().durationMillis();
    }

    public String duration() {
        return duration;
    }

    public BackupStatus statusValue() {
        return entry.status();
    }

    public String status() {
        return status;
    }

    /** Whether the backup is only at a destination: it can be restored (downloaded first), and nothing else. */
    public boolean remote() {
        return destination != null;
    }

    /** The destination a remote backup is at; empty for one on this desk. */
    public String destination() {
        return destination == null ? "" : destination;
    }

    public String label() {
        return entry.record().label() == null ? "" : entry.record().label();
    }

    public boolean encrypted() {
        return entry.record().encrypted();
    }

    /**
     * An encrypted backup checked without its key: the checksum of the file matched, its contents were not read. It
     * stays {@code OK}, and says so, so that pressing Verify visibly did something and yet claims no full read.
     */
    public boolean checksumOnly() {
        BackupRecord r = entry.record();
        return r.encrypted() && entry.status() == BackupStatus.OK && r.verification() != null
                && r.verification().status() == BackupStatus.OK;
    }

    /** The backup's copies off the desk, one per destination; empty when it was copied nowhere. */
    public List<CopyState> copies() {
        return copies;
    }

    /** "2 ok", "1 pending", "1 failed": the copies in their worst state; empty when there are none. */
    public String copiesText() {
        return copiesText;
    }

    /** The worst state among the copies, which colours the cell; empty when there are none. */
    public Optional<CopyState.Status> copiesStatus() {
        return CopiesText.worst(copies);
    }

    /** Each destination and where its copy stands, for the cell's tooltip. */
    public String copiesEach() {
        return CopiesText.each(copies);
    }

    /** Whether a copy waits for a retry or failed: Retry copies can try it now. */
    public boolean retryableCopies() {
        return copies.stream().anyMatch(c -> c.status() == CopyState.Status.PENDING
                || c.status() == CopyState.Status.FAILED);
    }

    public boolean pinned() {
        return entry.record().pinned();
    }

    public String path() {
        return entry.archive().toString();
    }

    /** Whether every word of the filter occurs somewhere in the row's texts. */
    boolean matches(String[] words) {
        for (String word : words) {
            if (!searchText.contains(word)) {
                return false;
            }
        }
        return true;
    }
}

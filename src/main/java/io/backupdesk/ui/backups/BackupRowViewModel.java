package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets.SetEntry;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.offsite.RemoteCatalog;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Styles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of the backup list, its texts made once when the catalog is read, so that drawing and sorting ten thousand
 * rows never touches the disk or formats anything. A row is one backup, or a whole-server set, whose databases are
 * rows of their own shown under it when it is opened.
 */
public final class BackupRowViewModel {
    /** Null for a set's row. */
    private final BackupCatalog.Entry entry;
    /** The set this row is; null for a backup's row. */
    private final SetEntry set;
    /** The id of the set this row is or belongs to; null for a backup on its own. */
    private final String group;
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
        this(entry, copies, null, null);
    }

    /** A backup only at a destination, as that destination's last catalog sync found it. */
    BackupRowViewModel(RemoteCatalog.RemoteEntry remote, List<CopyState> copies) {
        this(remote.entry(), copies, remote.destination(), null);
    }

    /** One database's backup in a set; its row is shown under the set's when the set is opened. */
    static BackupRowViewModel member(BackupCatalog.Entry entry, List<CopyState> copies, String setId) {
        return new BackupRowViewModel(entry, copies, null, setId);
    }

    private BackupRowViewModel(BackupCatalog.Entry entry, List<CopyState> copies, String destination, String group) {
        this.entry = entry;
        this.set = null;
        this.group = group;
        this.destination = destination;
        this.copies = List.copyOf(copies);
        this.copiesText = CopiesText.cell(copies);
        BackupRecord r = entry.record();
        this.server = server(r.host(), r.port());
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

    /**
     * A whole-server set: one row for all its databases. It is found by its members' names too, so that looking for
     * a database finds the sets it is in.
     *
     * @param copies the copies of its members
     */
    BackupRowViewModel(SetEntry listed, List<CopyState> copies) {
        BackupSet b = listed.set();
        this.entry = null;
        this.set = listed;
        this.group = b.id();
        this.destination = null;
        this.copies = List.copyOf(copies);
        this.copiesText = CopiesText.cell(copies);
        this.server = server(b.host(), b.port());
        this.created = Formats.time(b.createdAt());
        this.size = Formats.bytes(listed.sizeBytes());
        this.duration = Formats.duration(Duration.ofMillis(b.durationMillis()));
        this.status = SetTexts.status(b.status());
        List<String> words = new ArrayList<>(List.of(b.id(), b.profile(), server, created, status,
                Messages.get("backups.set.word"), b.label() == null ? "" : b.label(),
                b.encrypted() ? Messages.get("backups.encrypted.word") : ""));
        b.members().forEach(m -> words.add(m.database()));
        this.searchText = String.join(" ", words).toLowerCase(Locale.ROOT);
    }

    private static String server(String host, Integer port) {
        return host == null ? "" : host + (port == null ? "" : ":" + port);
    }

    /** The backup of this row; null for a set's row, whose backups {@link #entries()} gives. */
    public BackupCatalog.Entry entry() {
        return entry;
    }

    /** The backups this row stands for: its own, or each member's of a set. */
    public List<BackupCatalog.Entry> entries() {
        return set == null ? List.of(entry) : set.members();
    }

    /** The set of a set's row; null for a backup's row. */
    public SetEntry set() {
        return set;
    }

    /** Whether this row is a whole set, which opens into its databases. */
    public boolean isSet() {
        return set != null;
    }

    /** The id of the set this row is or belongs to; null for a backup on its own. */
    public String group() {
        return group;
    }

    /** Whether this row is one database of a set, shown under the set's row. */
    public boolean isMember() {
        return group != null && set == null;
    }

    public String id() {
        return set == null ? entry.record().id() : set.set().id();
    }

    public String profile() {
        return set == null ? entry.record().profile() : set.set().profile();
    }

    /** The database; for a set, how many it holds ("3 databases"). */
    public String database() {
        return set == null ? entry.record().database() : SetTexts.databases(set.set());
    }

    /**
     * What the database column shows and sorts by: "profile/database"; "profile · 3 databases" for a set; only the
     * database for one of a set's, which is shown under the set.
     */
    public String listName() {
        if (set != null) {
            return Messages.get("backups.set.row", profile(), database());
        }
        return isMember() ? database() : profile() + "/" + database();
    }

    public String server() {
        return server;
    }

    public Instant createdAt() {
        return set == null ? entry.record().createdAt() : set.set().createdAt();
    }

    public String created() {
        return created;
    }

    public long sizeBytes() {
        return set == null ? entry.record().sizeBytes() : set.sizeBytes();
    }

    public String size() {
        return size;
    }

    public String format() {
        return (set == null ? entry.record().format() : set.set().format()).cliName();
    }

    public long durationMillis() {
        return set == null ? entry.record().durationMillis() : set.set().durationMillis();
    }

    public String duration() {
        return duration;
    }

    /**
     * The backup's status; for a set, the worst of its members' backups, so that the status filter finds a set by
     * its backups (whether it missed a database is its {@link #setStatus()}).
     */
    public BackupStatus statusValue() {
        return set == null ? entry.status() : SetTexts.worst(set.members());
    }

    /** A set's status: complete, partial or failed; null for a backup's row. */
    public BackupSet.Status setStatus() {
        return set == null ? null : set.set().status();
    }

    /** The style class that colours the status cell: the backup's status, or the set's. */
    public String statusStyle() {
        return set == null ? Styles.status(entry.status()) : Styles.status(set.set().status());
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
        String label = set == null ? entry.record().label() : set.set().label();
        return label == null ? "" : label;
    }

    public boolean encrypted() {
        return set == null ? entry.record().encrypted() : set.set().encrypted();
    }

    /**
     * An encrypted backup checked without its key: the checksum of the file matched, its contents were not read. It
     * stays {@code OK}, and says so, so that pressing Verify visibly did something and yet claims no full read.
     */
    public boolean checksumOnly() {
        if (set != null) {
            return false;
        }
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
        return set == null ? entry.record().pinned() : set.set().pinned();
    }

    /** The archive; for a set, its manifest. */
    public String path() {
        return (set == null ? entry.archive() : set.manifest()).toString();
    }

    /** A backup that is not damaged or gone; a set with a database to restore. */
    boolean restorable() {
        if (isSet()) {
            return !set.members().isEmpty();
        }
        return statusValue() != BackupStatus.CORRUPT && statusValue() != BackupStatus.MISSING;
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

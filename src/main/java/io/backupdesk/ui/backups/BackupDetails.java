package io.backupdesk.ui.backups;

import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Verification;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Everything the sidecar says about one backup, as label and value lines for the details pane. */
public record BackupDetails(String title, List<Field> fields, List<Field> tables, String verification) {
    /**
     * One line of the pane.
     *
     * @param code a value to copy rather than read, such as a checksum: one line, in monospace, with a copy button
     */
    public record Field(String name, String value, boolean code) {
        public Field(String name, String value) {
            this(name, value, false);
        }
    }

    static BackupDetails of(BackupRowViewModel row) {
        BackupRecord r = row.entry().record();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(Messages.get("backups.details.id"), r.id()));
        if (r.label() != null && !r.label().isBlank()) {
            fields.add(new Field(Messages.get("backups.details.label"), r.label()));
        }
        fields.add(new Field(Messages.get("backups.details.profile"), r.profile()));
        fields.add(new Field(Messages.get("backups.details.server"), row.server() + " (PostgreSQL " + r.serverVersion() + ")"));
        fields.add(new Field(Messages.get("backups.details.created"), row.created()));
        fields.add(new Field(Messages.get("backups.details.duration"), Formats.duration(Duration.ofMillis(r.durationMillis()))));
        fields.add(new Field(Messages.get("backups.details.format"), r.format().cliName()
                + (r.compression() == null ? "" : ", " + r.compression())));
        fields.add(new Field(Messages.get("backups.details.size"), Formats.bytes(r.sizeBytes())
                + (r.databaseSizeBytes() > 0 ? " " + Messages.get("backups.details.ofDatabase", Formats.bytes(r.databaseSizeBytes())) : "")));
        fields.add(new Field(Messages.get("backups.details.dumpedBy"), "pg_dump " + r.pgDumpVersion()));
        fields.add(new Field(Messages.get("backups.details.origin"), r.origin()));
        fields.add(new Field(Messages.get("backups.details.sha256"), r.sha256(), true));
        fields.add(new Field(Messages.get("backups.details.path"), row.path()));
        if (r.globalsFile() != null) {
            fields.add(new Field(Messages.get("backups.details.globals"), r.globalsFile()));
        }
        List<Field> tables = r.tables().stream().map(t -> new Field(t.qualifiedName(),
                t.rows() == null ? "–" : String.format(Locale.ROOT, "%,d", t.rows()))).toList();
        return new BackupDetails(r.profile() + "/" + r.database() + " · " + row.created(), fields, tables,
                verification(r.verification(), row));
    }

    private static String verification(Verification v, BackupRowViewModel row) {
        if (row.statusValue() == BackupStatus.MISSING) {
            return Messages.get("backups.details.missing");
        }
        if (v == null) {
            return Messages.get("backups.details.unverified");
        }
        String when = Formats.time(v.at());
        return switch (v.status()) {
            case VERIFIED -> Messages.get("backups.details.verified", when);
            case CORRUPT -> Messages.get("backups.details.corrupt", when, v.message() == null ? "" : v.message());
            default -> v.status().name().toLowerCase(Locale.ROOT) + " (" + when + ")";
        };
    }
}

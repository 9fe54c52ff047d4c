package io.backupdesk.ui.backups;

import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Verification;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.KeyNames;
import io.backupdesk.ui.Messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything the sidecar says about one backup, as label and value lines for the details pane, and where its copies
 * off the desk stand.
 */
public record BackupDetails(String title, List<Field> fields, List<Field> tables, String verification,
                            List<CopyLine> copies) {
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

    /**
     * One copy of the backup at one destination.
     *
     * @param state  where it stands, which colours it
     * @param status the word for that, "ok", "pending", "failed" or "corrupt"
     * @param sha256 the checksum the destination confirmed; null until it did
     * @param text   how it was confirmed and when, or why not and when it is tried again
     */
    public record CopyLine(String destination, CopyState.Status state, String status, String sha256, String text) {
        static CopyLine of(CopyState copy) {
            return new CopyLine(copy.destination(), copy.status(), CopiesText.word(copy.status()), copy.sha256(),
                    CopiesText.line(copy));
        }
    }

    static BackupDetails of(BackupRowViewModel row) {
        return of(row, KeyNames.NONE);
    }

    static BackupDetails of(BackupRowViewModel row, KeyNames keys) {
        return of(row, keys, OriginText.NONE);
    }

    /**
     * @param keys    the stored keys, to name the public keys an encrypted backup was encrypted to
     * @param origins who made it, in words
     */
    static BackupDetails of(BackupRowViewModel row, KeyNames keys, OriginText origins) {
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
        encryption(r.encrypted(), r.recipients(), keys, fields);
        fields.add(new Field(Messages.get("backups.details.size"), Formats.bytes(r.sizeBytes())
                + (r.databaseSizeBytes() > 0 ? " " + Messages.get("backups.details.ofDatabase", Formats.bytes(r.databaseSizeBytes())) : "")));
        fields.add(new Field(Messages.get("backups.details.dumpedBy"), "pg_dump " + r.pgDumpVersion()));
        fields.add(new Field(Messages.get("backups.details.origin"), origins.text(r.origin())));
        fields.add(new Field(Messages.get("backups.details.sha256"), r.sha256(), true));
        // a remote backup's file is at its destination: the mirrored sidecar here is no file to look for
        fields.add(row.remote() ? new Field(Messages.get("backups.remote.at"), row.destination())
                : new Field(Messages.get("backups.details.path"), row.path()));
        if (r.globalsFile() != null) {
            fields.add(new Field(Messages.get("backups.details.globals"), r.globalsFile()));
        }
        List<Field> tables = r.tables().stream().map(t -> new Field(t.qualifiedName(),
                t.rows() == null ? "–" : String.format(Locale.ROOT, "%,d", t.rows()))).toList();
        return new BackupDetails(r.profile() + "/" + r.database() + " · " + row.created(), fields, tables,
                verification(r.verification(), row), row.copies().stream().map(CopyLine::of).toList());
    }

    /** Each public key to copy and compare, and the stored key it belongs to; or that a passphrase encrypted it. */
    static void encryption(boolean encrypted, List<String> recipients, KeyNames keys, List<Field> fields) {
        if (!encrypted) {
            return;
        }
        if (recipients.isEmpty()) {
            fields.add(new Field(Messages.get("backups.encrypted.title"), Messages.get("backups.encrypted.withPassphrase")));
            return;
        }
        for (String publicKey : recipients) {
            fields.add(new Field(Messages.get("backups.encrypted.to"), publicKey, true));
            String name = keys.nameOf(publicKey);
            fields.add(new Field(Messages.get("backups.encrypted.key"), name.isEmpty()
                    ? Messages.get("backups.encrypted.notStored")
                    : Messages.get(keys.canDecrypt(publicKey) ? "backups.encrypted.opensHere" : "backups.encrypted.publicOnly",
                    name)));
        }
    }

    private static String verification(Verification v, BackupRowViewModel row) {
        if (row.remote()) {
            return Messages.get("backups.remote.only", row.destination());
        }
        if (row.statusValue() == BackupStatus.MISSING) {
            return Messages.get("backups.details.missing");
        }
        if (v == null) {
            return Messages.get("backups.details.unverified");
        }
        String when = Formats.time(v.at());
        if (row.checksumOnly()) {
            return Messages.get("backups.encrypted.checksumOnly", when);
        }
        // a check without the key keeps VERIFIED from an earlier full read: the date is the check's, not the read's
        if (row.encrypted() && v.status() == BackupStatus.VERIFIED) {
            return Messages.get("backups.encrypted.verified", when);
        }
        return switch (v.status()) {
            case VERIFIED -> Messages.get("backups.details.verified", when);
            case CORRUPT -> Messages.get("backups.details.corrupt", when, v.message() == null ? "" : v.message());
            default -> v.status().name().toLowerCase(Locale.ROOT) + " (" + when + ")";
        };
    }
}

package io.backupdesk.ui.backups;

import io.backupdesk.backup.BackupSets.SetEntry;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.KeyNames;
import io.backupdesk.ui.Messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a set's manifest says, for the details pane: the set as a whole, each database with how its backup stands or
 * why it has none, the databases the connection left out, and the roles file.
 *
 * @param summary  "Complete: 3 databases and the roles", or what is missing
 * @param members  in the manifest's order
 * @param excluded the server's databases the connection's patterns left out
 */
public record SetDetails(String title, BackupSet.Status status, String summary, List<BackupDetails.Field> fields,
                         List<MemberLine> members, List<String> excluded) {
    /**
     * One database of the set.
     *
     * @param backup its backup's state; null when it has none
     * @param status the word for that, or "failed"
     * @param text   the backup's size and id, or why the database could not be backed up
     */
    public record MemberLine(String database, BackupStatus backup, String status, String text) {
        public boolean failed() {
            return backup == null;
        }
    }

    /** @param keys the stored keys, to name the public keys the set was encrypted to */
    static SetDetails of(BackupRowViewModel row, KeyNames keys) {
        SetEntry listed = row.set();
        BackupSet set = listed.set();
        List<BackupDetails.Field> fields = new ArrayList<>();
        fields.add(new BackupDetails.Field(Messages.get("backups.details.id"), set.id()));
        if (set.label() != null && !set.label().isBlank()) {
            fields.add(new BackupDetails.Field(Messages.get("backups.details.label"), set.label()));
        }
        fields.add(new BackupDetails.Field(Messages.get("backups.details.profile"), set.profile()));
        fields.add(new BackupDetails.Field(Messages.get("backups.details.server"), row.server()
                + (set.serverVersion() == null ? "" : " (PostgreSQL " + set.serverVersion() + ")")));
        fields.add(new BackupDetails.Field(Messages.get("backups.details.created"), row.created()));
        fields.add(new BackupDetails.Field(Messages.get("backups.details.duration"),
                Formats.duration(Duration.ofMillis(set.durationMillis()))));
        fields.add(new BackupDetails.Field(Messages.get("backups.details.format"), set.format().cliName()));
        fields.add(new BackupDetails.Field(Messages.get("backups.details.size"), row.size()));
        if (!set.encrypted()) {
            fields.add(new BackupDetails.Field(Messages.get("backups.set.encryption"),
                    Messages.get("backups.set.notEncrypted")));
        }
        BackupDetails.encryption(set.encrypted(), set.recipients(), keys, fields);
        fields.add(new BackupDetails.Field(Messages.get("backups.details.globals"), set.globalsFile() != null
                ? set.globalsFile() : Messages.get("backups.set.noRoles", String.valueOf(set.globalsError()))));
        if (set.globalsSha256() != null) {
            fields.add(new BackupDetails.Field(Messages.get("backups.set.rolesSha256"), set.globalsSha256(), true));
        }
        fields.add(new BackupDetails.Field(Messages.get("backups.set.manifest"), row.path()));
        List<MemberLine> members = set.members().stream().map(m -> line(m, listed)).toList();
        return new SetDetails(Messages.get("backups.set.title", set.profile(), row.created()), set.status(),
                summary(set), fields, members, set.excluded());
    }

    private static MemberLine line(BackupSet.Member member, SetEntry listed) {
        if (!member.written()) {
            return new MemberLine(member.database(), null, SetTexts.status(BackupSet.Status.FAILED),
                    String.valueOf(member.error()));
        }
        return listed.member(member.database()).map(e -> new MemberLine(member.database(), e.status(), e.status().name().toLowerCase(Locale.ROOT),
                        Formats.bytes(e.record().sizeBytes()) + " · " + e.record().id()))
                .orElse(new MemberLine(member.database(), null, SetTexts.status(BackupSet.Status.FAILED),
                        Messages.get("backups.set.memberGone", member.backupId())));
    }

    /** The set's status in a sentence that says what it holds and what it lacks. */
    private static String summary(BackupSet set) {
        long written = set.members().stream().filter(BackupSet.Member::written).count();
        String roles = set.globalsFile() != null && set.globalsError() == null ? Messages.get("backups.set.withRoles")
                : Messages.get("backups.set.withoutRoles");
        return switch (set.status()) {
            case COMPLETE -> Messages.get("backups.set.summary.complete", written, roles);
            case PARTIAL -> Messages.get("backups.set.summary.partial", written, set.members().size(), roles);
            case FAILED -> Messages.get("backups.set.summary.failed", set.members().size());
        };
    }
}

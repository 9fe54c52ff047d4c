package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.ui.Formats;
import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.ui.Messages;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the confirmation and the run steps say will happen, from the draft as it stands. */
final class ConfirmTexts {
    private ConfirmTexts() { }

    /**
     * @param remoteAt the destination a backup only there is downloaded from; empty for one on this desk
     * @param roles    what restoring the roles file first creates; null when the roles are left as they are
     */
    static String summary(RestoreDraft draft, String remoteAt, RolesPreview roles) {
        BackupCatalog.Entry source = draft.source.get();
        String when = Formats.time(source.record().createdAt());
        String db = draft.database.get().trim();
        String where = draft.profile.get() == null ? "" : draft.profile.get().name();
        String what = switch (draft.mode.get()) {
            case SAFE_REPLACE -> Messages.get("restore.summary.safeReplace", db, where, when);
            case IN_PLACE -> draft.preData.get() ? Messages.get("restore.summary.inPlace", db, where, when)
                    : Messages.get(draft.data.get() ? "restore.summary.inPlaceRows" : "restore.summary.inPlacePostData",
                    db, where, when);
            case NEW_DATABASE -> Messages.get("restore.summary.newDatabase", db, where, when);
        };
        boolean inPlaceSaidSo = draft.mode.get() == io.backupdesk.restore.RestoreMode.IN_PLACE && !draft.preData.get();
        if (!(draft.preData.get() && draft.data.get() && draft.postData.get()) && !inPlaceSaidSo) {
            List<String> parts = new java.util.ArrayList<>();
            if (draft.preData.get()) {
                parts.add(Messages.get("restore.switches.preData"));
            }
            if (draft.data.get()) {
                parts.add(Messages.get("restore.switches.data"));
            }
            if (draft.postData.get()) {
                parts.add(Messages.get("restore.switches.postData"));
            }
            what += " " + Messages.get("restore.summary.part", String.join(", ", parts));
        }
        if (roles != null) {
            List<String> created = roles.rolesToCreate();
            what = (created.isEmpty() ? Messages.get("restore.summary.rolesNone")
                    : Messages.get("restore.summary.roles", created.size(), String.join(", ", created))) + " " + what;
        }
        return source.status() == BackupStatus.REMOTE
                ? what + " " + Messages.get("restore.summary.remote", remoteAt) : what;
    }

    static String cancelMeaning(RestoreDraft draft) {
        String db = draft.database.get().trim();
        return switch (draft.mode.get()) {
            case SAFE_REPLACE -> Messages.get("restore.cancel.safeReplace", db);
            case IN_PLACE -> Messages.get("restore.cancel.inPlace", db);
            case NEW_DATABASE -> Messages.get("restore.cancel.newDatabase", db);
        };
    }

    /** What the chosen mode keeps of the current database, and what its safety backup costs; empty for a new one. */
    static String keeps(RestoreDraft draft, boolean targetExists, Optional<Duration> safetyDuration) {
        if (!targetExists) {
            return "";
        }
        String db = draft.database.get().trim();
        return switch (draft.mode.get()) {
            case SAFE_REPLACE -> Messages.get("restore.safety.keptAside", db);
            case IN_PLACE -> safetyDuration.map(d -> Messages.get("restore.safety.cost", db, Formats.duration(d)))
                    .orElse(Messages.get("restore.safety.unknown", db));
            case NEW_DATABASE -> "";
        };
    }
}

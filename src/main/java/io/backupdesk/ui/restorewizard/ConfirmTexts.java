package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;

/** What the confirmation and the run steps say will happen, from the draft as it stands. */
final class ConfirmTexts {
    private ConfirmTexts() { }

    /** @param remoteAt the destination a backup only there is downloaded from; empty for one on this desk */
    static String summary(RestoreDraft draft, String remoteAt) {
        BackupCatalog.Entry source = draft.source.get();
        String when = Formats.time(source.record().createdAt());
        String db = draft.database.get().trim();
        String where = draft.profile.get() == null ? "" : draft.profile.get().name();
        String what = switch (draft.mode.get()) {
            case SAFE_REPLACE -> Messages.get("restore.summary.safeReplace", db, where, when);
            case IN_PLACE -> Messages.get("restore.summary.inPlace", db, where, when);
            case NEW_DATABASE -> Messages.get("restore.summary.newDatabase", db, where, when);
        };
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
}

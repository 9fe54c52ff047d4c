package io.backupdesk.ui.restorewizard;

import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the wizard says before Restore is pressed: what will happen (with the roles created first, as previewed on the
 * pre-flight step), what Cancel does, and the exact pg_restore (or psql) command the plan runs, to read and copy.
 */
public final class ConfirmationViewModel {
    /** What restoring the backup's roles file first would create, read with the pre-flight; null when not asked. */
    final ObjectProperty<RolesPreview> rolesPreview = new SimpleObjectProperty<>();
    private final StringProperty command = new SimpleStringProperty("");
    private final RestoreOperations restores;
    private final TaskRunner runner;
    private final RestoreDraft draft;
    private final ReadOnlyStringProperty remoteAt;
    /** Only the newest command asked for is shown: an older answer that comes later is dropped. */
    private long asked;

    ConfirmationViewModel(RestoreOperations restores, TaskRunner runner, RestoreDraft draft, StringProperty remoteAt) {
        this.restores = restores;
        this.runner = runner;
        this.draft = draft;
        this.remoteAt = remoteAt;
    }

    /** Asks the engine for the command of the plan as it now stands (it reads nothing and connects nowhere). */
    void showCommand() {
        RestorePlan plan = draft.plan();
        long mine = ++asked;
        command.set("");
        runner.runInBackground((progress, cancel) -> restores.commandLine(plan), line -> {
            if (mine == asked) {
                command.set(line);
            }
        }, failure -> command.set(""));
    }

    /** What will happen, in words. */
    public String summary() {
        return ConfirmTexts.summary(draft, remoteAt.get(), rolesPreview.get());
    }

    /** What Cancel does in the chosen mode, said before the user presses it. */
    public String cancelMeaning() {
        return ConfirmTexts.cancelMeaning(draft);
    }

    /** The roles' preview when the roles file is restored first; null otherwise. */
    public ReadOnlyObjectProperty<RolesPreview> rolesPreviewProperty() {
        return rolesPreview;
    }

    public ReadOnlyStringProperty commandProperty() {
        return command;
    }
}

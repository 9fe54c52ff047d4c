package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.TableCount;
import io.backupdesk.restore.RestoreMode;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.TreeSet;

/**
 * The options step's pg_restore switches, each offered where it applies given the others and kept consistent as they
 * change: --create with a new database only, the roles first only for a backup with a roles file, the triggers and
 * failed tables only with rows, and one job while rows go into tables that keep their foreign keys (decision 0047).
 * The engine's plan checks the same rules again; this only keeps a choice from being offered where it cannot stand.
 */
public final class SwitchesViewModel {
    private final BooleanBinding createApplies;
    private final BooleanBinding rolesFileThere;
    private final BooleanBinding rowsApply;
    private final BooleanBinding failedTablesApply;
    private final BooleanBinding rowsInKeyOrder;
    private final ObservableList<String> schemas = FXCollections.observableArrayList();

    SwitchesViewModel(RestoreDraft draft) {
        createApplies = draft.mode.isEqualTo(RestoreMode.NEW_DATABASE);
        rolesFileThere = Bindings.createBooleanBinding(() -> draft.source.get() != null
                && draft.source.get().record().globalsFile() != null, draft.source);
        rowsApply = Bindings.createBooleanBinding(draft.data::get, draft.data);
        failedTablesApply = draft.data.and(draft.preData);
        rowsInKeyOrder = Bindings.createBooleanBinding(() -> draft.mode.get() == RestoreMode.IN_PLACE
                        && !draft.preData.get() && draft.data.get() && !draft.postData.get() && !draft.disableTriggers.get(),
                draft.mode, draft.preData, draft.data, draft.postData, draft.disableTriggers);
        createApplies.addListener((o, was, now) -> {
            if (!now) {
                draft.create.set(false);
            }
        });
        rolesFileThere.addListener((o, was, now) -> {
            if (!now) {
                draft.rolesFirst.set(false);
            }
        });
        rowsApply.addListener((o, was, now) -> {
            if (!now) {
                draft.disableTriggers.set(false);
            }
        });
        failedTablesApply.addListener((o, was, now) -> {
            if (!now) {
                draft.noDataForFailedTables.set(false);
            }
        });
        // rows into tables that keep their keys load one table at a time, referenced tables first
        rowsInKeyOrder.addListener((o, was, now) -> {
            if (now) {
                draft.jobs.set(1);
            }
        });
        draft.source.addListener((o, was, now) -> {
            draft.excludeSchemas.clear();
            schemas.setAll(schemasOf(now));
        });
        schemas.setAll(schemasOf(draft.source.get()));
    }

    /** Plain SQL and tar backups are restored by one worker. */
    static boolean jobsApply(BackupCatalog.Entry source) {
        BackupFormat f = source == null ? null : source.record().format();
        return f == BackupFormat.CUSTOM || f == BackupFormat.DIRECTORY;
    }

    private static TreeSet<String> schemasOf(BackupCatalog.Entry source) {
        TreeSet<String> names = new TreeSet<>();
        if (source != null) {
            source.record().tables().stream().map(TableCount::schema).forEach(names::add);
        }
        return names;
    }

    /** --create: a new database only; the other modes keep the settings of the database they replace. */
    public BooleanBinding createApplies() {
        return createApplies;
    }

    /** Whether the backup has a roles file beside it to restore first. */
    public BooleanBinding rolesFileThere() {
        return rolesFileThere;
    }

    /** Disabling triggers acts while rows load. */
    public BooleanBinding rowsApply() {
        return rowsApply;
    }

    /** Leaving out the rows of tables that failed needs the tables to be created and rows to be loaded. */
    public BooleanBinding failedTablesApply() {
        return failedTablesApply;
    }

    /** Rows go into tables that keep their foreign keys: one job, referenced tables first. */
    public BooleanBinding rowsInKeyOrder() {
        return rowsInKeyOrder;
    }

    /** The backup's schemas, by their exact names, to leave out. */
    public ObservableList<String> schemas() {
        return schemas;
    }
}

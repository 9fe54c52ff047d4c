package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.restore.CheckId;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.restore.RestoreFlags;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreSection;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.ui.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the wizard collects, step by step, as properties the screens bind to. {@link #plan()} freezes it into the
 * immutable plan the engine checks again.
 */
public final class RestoreDraft {
    /** Where the backup goes. */
    public enum TargetKind { ORIGINAL, NEW_DATABASE, OTHER_PROFILE }

    final ObjectProperty<BackupCatalog.Entry> source = new SimpleObjectProperty<>();
    final ObjectProperty<TargetKind> targetKind = new SimpleObjectProperty<>(TargetKind.ORIGINAL);
    final ObjectProperty<ConnectionProfile> profile = new SimpleObjectProperty<>();
    final StringProperty database = new SimpleStringProperty("");
    final ObjectProperty<RestoreMode> mode = new SimpleObjectProperty<>(RestoreMode.SAFE_REPLACE);
    final IntegerProperty jobs = new SimpleIntegerProperty(1);
    final BooleanProperty singleTransaction = new SimpleBooleanProperty();
    final BooleanProperty noOwner = new SimpleBooleanProperty();
    final BooleanProperty noPrivileges = new SimpleBooleanProperty();
    final BooleanProperty exitOnError = new SimpleBooleanProperty(true);
    final BooleanProperty terminateSessions = new SimpleBooleanProperty();
    final ObservableSet<String> schemas = FXCollections.observableSet();
    final ObservableSet<String> tables = FXCollections.observableSet();
    final ObservableSet<CheckId> overrides = FXCollections.observableSet();
    /** pg_restore's own switches, on the options step's "pg_restore options". */
    final BooleanProperty preData = new SimpleBooleanProperty(true);
    final BooleanProperty data = new SimpleBooleanProperty(true);
    final BooleanProperty postData = new SimpleBooleanProperty(true);
    final BooleanProperty create = new SimpleBooleanProperty();
    final ObservableSet<String> excludeSchemas = FXCollections.observableSet();
    final BooleanProperty noTablespaces = new SimpleBooleanProperty();
    final BooleanProperty disableTriggers = new SimpleBooleanProperty();
    final BooleanProperty noDataForFailedTables = new SimpleBooleanProperty();
    final StringProperty role = new SimpleStringProperty("");
    /** Restore the backup's roles file first, creating the roles the target lacks. */
    final BooleanProperty rolesFirst = new SimpleBooleanProperty();

    /** The plan as drafted; throws the engine's configuration error when the choices do not fit together. */
    RestorePlan plan() {
        return new RestorePlan(source.get(), profile.get(), database.get().trim(), mode.get(), jobs.get(),
                singleTransaction.get(), noOwner.get(), noPrivileges.get(), List.copyOf(schemas), List.copyOf(tables),
                exitOnError.get(), terminateSessions.get(), Set.copyOf(overrides), flags(),
                rolesFirst.get() ? RolesMode.CREATE_MISSING : RolesMode.SKIP);
    }

    /**
     * The switches as pg_restore's own names say them: the definitions and post-data alone are --schema-only, the rows
     * alone --data-only, other parts their sections.
     */
    RestoreFlags flags() {
        List<RestoreSection> sections = new ArrayList<>();
        if (preData.get()) {
            sections.add(RestoreSection.PRE_DATA);
        }
        if (data.get()) {
            sections.add(RestoreSection.DATA);
        }
        if (postData.get()) {
            sections.add(RestoreSection.POST_DATA);
        }
        if (sections.isEmpty()) {
            throw BackupDeskException.configuration(Messages.get("restore.switches.noSection"),
                    Messages.get("restore.switches.noSection.hint"));
        }
        boolean schemaOnly = sections.equals(List.of(RestoreSection.PRE_DATA, RestoreSection.POST_DATA));
        boolean dataOnly = sections.equals(List.of(RestoreSection.DATA));
        return RestoreFlags.builder().schemaOnly(schemaOnly).dataOnly(dataOnly)
                .sections(schemaOnly || dataOnly || sections.size() == 3 ? List.of() : sections)
                .create(create.get()).excludeSchemas(List.copyOf(excludeSchemas)).noTablespaces(noTablespaces.get())
                .disableTriggers(disableTriggers.get()).noDataForFailedTables(noDataForFailedTables.get())
                .role(role.get()).build();
    }

    public ObjectProperty<BackupCatalog.Entry> sourceProperty() {
        return source;
    }

    public ObjectProperty<TargetKind> targetKindProperty() {
        return targetKind;
    }

    public ObjectProperty<ConnectionProfile> profileProperty() {
        return profile;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public ObjectProperty<RestoreMode> modeProperty() {
        return mode;
    }

    public IntegerProperty jobsProperty() {
        return jobs;
    }

    public BooleanProperty singleTransactionProperty() {
        return singleTransaction;
    }

    public BooleanProperty noOwnerProperty() {
        return noOwner;
    }

    public BooleanProperty noPrivilegesProperty() {
        return noPrivileges;
    }

    public BooleanProperty exitOnErrorProperty() {
        return exitOnError;
    }

    public BooleanProperty terminateSessionsProperty() {
        return terminateSessions;
    }

    public ObservableSet<String> schemas() {
        return schemas;
    }

    public ObservableSet<String> tables() {
        return tables;
    }

    public ObservableSet<CheckId> overrides() {
        return overrides;
    }

    public BooleanProperty preDataProperty() {
        return preData;
    }

    public BooleanProperty dataProperty() {
        return data;
    }

    public BooleanProperty postDataProperty() {
        return postData;
    }

    public BooleanProperty createProperty() {
        return create;
    }

    public ObservableSet<String> excludeSchemas() {
        return excludeSchemas;
    }

    public BooleanProperty noTablespacesProperty() {
        return noTablespaces;
    }

    public BooleanProperty disableTriggersProperty() {
        return disableTriggers;
    }

    public BooleanProperty noDataForFailedTablesProperty() {
        return noDataForFailedTables;
    }

    public StringProperty roleProperty() {
        return role;
    }

    public BooleanProperty rolesFirstProperty() {
        return rolesFirst;
    }
}

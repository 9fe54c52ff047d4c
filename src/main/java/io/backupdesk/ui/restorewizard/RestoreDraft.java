package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.restore.CheckId;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.RestorePlan;
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

    /** The plan as drafted; throws the engine's configuration error when the choices do not fit together. */
    RestorePlan plan() {
        return new RestorePlan(source.get(), profile.get(), database.get().trim(), mode.get(), jobs.get(),
                singleTransaction.get(), noOwner.get(), noPrivileges.get(), List.copyOf(schemas), List.copyOf(tables),
                exitOnError.get(), terminateSessions.get(), Set.copyOf(overrides));
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
}

package io.backupdesk.ui.backups;

import io.backupdesk.core.BackupStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the backup list shows: the words, connection, database and status it is narrowed to, and which sets are open
 * into their databases. A set is shown when it or one of its databases fits; its databases only while it is open.
 */
final class BackupFilters {
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty profile = new SimpleStringProperty();
    private final StringProperty database = new SimpleStringProperty();
    private final ObjectProperty<BackupStatus> status = new SimpleObjectProperty<>();
    /** By set id, so that a set stays open over readings of the catalog. */
    private final ObservableSet<String> opened = FXCollections.observableSet();

    /** @param changed called whenever what is shown changes */
    BackupFilters(Runnable changed) {
        text.addListener(o -> changed.run());
        profile.addListener(o -> changed.run());
        database.addListener(o -> changed.run());
        status.addListener(o -> changed.run());
        opened.addListener((SetChangeListener<String>) c -> changed.run());
    }

    Predicate<BackupRowViewModel> predicate(SetGroups groups) {
        String[] words = text.get() == null || text.get().isBlank() ? new String[0]
                : text.get().toLowerCase(Locale.ROOT).trim().split("\\s+");
        String wantedProfile = profile.get();
        String wantedDatabase = database.get();
        BackupStatus wantedStatus = status.get();
        Predicate<BackupRowViewModel> fits = row -> row.matches(words)
                && (wantedProfile == null || wantedProfile.equals(row.profile()))
                && (wantedDatabase == null || (row.isSet() ? row.set().member(wantedDatabase).isPresent()
                : wantedDatabase.equals(row.database())))
                && (wantedStatus == null || wantedStatus == row.statusValue());
        return row -> row.isMember() ? opened.contains(row.group()) && fits.test(row)
                : fits.test(row) || row.isSet() && groups.members(row.group()).stream().anyMatch(fits);
    }

    void toggleOpen(BackupRowViewModel row) {
        if (row != null && row.isSet() && !opened.remove(row.group())) {
            opened.add(row.group());
        }
    }

    boolean isOpen(BackupRowViewModel row) {
        return row != null && row.isSet() && opened.contains(row.group());
    }

    StringProperty text() {
        return text;
    }

    StringProperty profile() {
        return profile;
    }

    StringProperty database() {
        return database;
    }

    ObjectProperty<BackupStatus> status() {
        return status;
    }
}

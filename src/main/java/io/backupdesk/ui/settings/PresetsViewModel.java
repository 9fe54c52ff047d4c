package io.backupdesk.ui.settings;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ByteSizes;
import io.backupdesk.core.DumpFlags;
import io.backupdesk.core.Preset;
import io.backupdesk.ui.CompressionChoices;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Question;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Presets section of the settings: the named ways of backing up that Back up now, a connection and a schedule
 * start from. Add and edit with the form Back up now shows; removing one that a connection or schedule names is
 * refused by the engine, and its refusal is what the section says.
 */
public final class PresetsViewModel {
    private final PresetOperations presets;
    private final TaskRunner runner;
    private final ObservableList<Preset> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private BackupOptions defaults = BackupOptions.defaults();
    private boolean newCompressions;

    public PresetsViewModel(PresetOperations presets, TaskRunner runner) {
        this.presets = presets;
        this.runner = runner;
    }

    /** What is read when the section opens. */
    private record Read(List<Preset> presets, BackupOptions defaults, boolean newCompressions) { }

    public void load() {
        runner.runInBackground((progress, cancel) -> new Read(presets.list(), presets.defaults(),
                presets.newCompressions()), read -> {
                    defaults = read.defaults();
                    newCompressions = read.newCompressions();
                    rows.setAll(read.presets());
                    loaded.set(true);
                }, failure -> tell(failure.getMessage(), true));
    }

    /** A new preset, starting from the settings' defaults. */
    public PresetFormViewModel newForm() {
        return new PresetFormViewModel(defaults, newCompressions, names(), null);
    }

    public PresetFormViewModel editForm(Preset preset) {
        return new PresetFormViewModel(defaults, newCompressions, names(), preset);
    }

    private Set<String> names() {
        return rows.stream().map(Preset::name).collect(Collectors.toSet());
    }

    /**
     * Saves the form's preset; the list is read again and {@code saved} runs (the editor closes). What the engine
     * refuses stays in the form, which stays open.
     */
    public void save(PresetFormViewModel form, Runnable saved) {
        Preset preset;
        try {
            preset = form.preset();
        } catch (BackupDeskException e) {
            form.failed(e.getMessage() + " " + e.hint());
            return;
        }
        runner.runInBackground((progress, cancel) -> {
            presets.save(preset);
            return presets.list();
        }, listed -> {
            rows.setAll(listed);
            tell(Messages.get("presets.saved", preset.name()), false);
            saved.run();
        }, failure -> form.failed(text(failure)));
    }

    public Question removeQuestion(Preset preset) {
        return new Question(Messages.get("presets.remove.title"), Messages.get("presets.remove.question", preset.name()),
                Messages.get("presets.remove.action", preset.name()));
    }

    /** Removes the preset; one a connection or schedule names stays, and the section says which names it. */
    public void remove(Preset preset) {
        runner.runInBackground((progress, cancel) -> {
            presets.remove(preset.name());
            return presets.list();
        }, listed -> {
            rows.setAll(listed);
            tell(Messages.get("presets.removed", preset.name()), false);
        }, failure -> tell(text(failure), true));
    }

    /**
     * The preset in one line, as a DBA reads it: format and compression, then the pg_dump switches it sets by their
     * own names, then the size limit.
     */
    public static String summary(Preset preset) {
        BackupOptions o = preset.options();
        List<String> parts = new ArrayList<>();
        String level = CompressionChoices.text(o.compression());
        parts.add(o.format().cliName() + ", " + (level.isEmpty() ? CompressionChoices.label(level)
                : Messages.get("presets.summary.compression", level)));
        List<String> switches = new ArrayList<>();
        switch (o.scope()) {
            case SCHEMA_ONLY -> switches.add("--schema-only");
            case DATA_ONLY -> switches.add("--data-only");
            default -> { }
        }
        DumpFlags f = o.dump();
        f.sections().forEach(s -> switches.add("--section=" + s));
        flag(switches, f.noOwner(), "--no-owner");
        flag(switches, f.noPrivileges(), "--no-privileges");
        flag(switches, f.noTablespaces(), "--no-tablespaces");
        f.excludeTableData().forEach(p -> switches.add("--exclude-table-data=" + p));
        if (f.largeObjects() != null) {
            switches.add(f.largeObjects() ? "--large-objects" : "--no-large-objects");
        }
        flag(switches, f.encoding() != null, "--encoding=" + f.encoding());
        flag(switches, f.role() != null, "--role=" + f.role());
        flag(switches, f.inserts(), "--inserts");
        flag(switches, f.columnInserts(), "--column-inserts");
        flag(switches, f.rowsPerInsert() != null, "--rows-per-insert=" + f.rowsPerInsert());
        flag(switches, f.quoteAllIdentifiers(), "--quote-all-identifiers");
        flag(switches, f.create(), "--create");
        flag(switches, f.clean(), "--clean");
        flag(switches, f.ifExists(), "--if-exists");
        flag(switches, o.globals(), Messages.get("presets.summary.globals"));
        if (!switches.isEmpty()) {
            parts.add(String.join(" ", switches));
        }
        if (o.maxSizeBytes() != null) {
            parts.add(Messages.get("presets.summary.maxSize", ByteSizes.format(o.maxSizeBytes())));
        }
        return String.join(" · ", parts);
    }

    private static void flag(List<String> switches, boolean set, String text) {
        if (set) {
            switches.add(text);
        }
    }

    private void tell(String text, boolean failure) {
        failed.set(failure);
        message.set(text);
    }

    private static String text(Throwable failure) {
        return failure instanceof BackupDeskException e && !e.hint().isBlank() ? e.getMessage() + " " + e.hint()
                : failure.getMessage();
    }

    public ObservableList<Preset> rows() {
        return rows;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Whether the message tells of a failure (a refusal), to colour it so. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }
}

package io.backupdesk.ui.settings;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Preset;
import io.backupdesk.ui.DumpOptionsFormViewModel;
import io.backupdesk.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The preset editor: a name, what it is for, and how it dumps in the form Back up now shows too. A preset's name
 * cannot change once saved, since connections and schedules name it.
 */
public final class PresetFormViewModel {
    private static final Pattern VALID_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._ -]{0,63}");

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final DumpOptionsFormViewModel form = new DumpOptionsFormViewModel();
    private final boolean editing;
    private final StringBinding nameError;
    private final BooleanBinding canSave;

    /** @param taken the names of the presets kept now, which a new one may not take */
    PresetFormViewModel(BackupOptions startFrom, boolean newCompressions, Set<String> taken, Preset edited) {
        editing = edited != null;
        form.newCompressionsProperty().set(newCompressions);
        form.fill(edited == null ? startFrom : edited.options());
        if (edited != null) {
            name.set(edited.name());
            description.set(edited.description() == null ? "" : edited.description());
        }
        nameError = Bindings.createStringBinding(() -> {
            String typed = name.get().strip();
            if (typed.isEmpty()) {
                return "";
            }
            if (!VALID_NAME.matcher(typed).matches()) {
                return Messages.get("presets.error.name");
            }
            return !editing && taken.contains(typed) ? Messages.get("presets.error.taken", typed) : "";
        }, name);
        canSave = name.isNotEmpty().and(nameError.isEmpty()).and(form.problem().isEmpty());
    }

    /** The preset as the form has it; throws the configuration error when its options do not fit together. */
    Preset preset() {
        return new Preset(name.get().strip(), description.get(), form.options());
    }

    /** Whether this edits a saved preset, whose name then stays. */
    public boolean editing() {
        return editing;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public DumpOptionsFormViewModel form() {
        return form;
    }

    public StringBinding nameError() {
        return nameError;
    }

    /** Why the last save failed; empty before one did. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    void failed(String message) {
        error.set(message);
    }

    public BooleanBinding canSave() {
        return canSave;
    }
}

package io.backupdesk.ui;

import io.backupdesk.core.Destination;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One destination in a "copy to" choice, ticked or not. A destination named by a connection or schedule but no
 * longer kept is shown too, ticked and marked missing, so that it is unticked on purpose rather than dropped unseen.
 */
public final class DestinationOption {
    private final String name;
    private final String detail;
    private final boolean missing;
    private final boolean onlyEncrypted;
    private final BooleanProperty chosen = new SimpleBooleanProperty();

    private DestinationOption(String name, String detail, boolean missing, boolean onlyEncrypted) {
        this.name = name;
        this.detail = detail;
        this.missing = missing;
        this.onlyEncrypted = onlyEncrypted;
    }

    static DestinationOption of(Destination destination) {
        String kind = Messages.get("destinations.kind." + destination.kind().name().toLowerCase(java.util.Locale.ROOT));
        String detail = destination.requireEncryption() ? Messages.get("copy.option.onlyEncrypted", kind) : kind;
        return new DestinationOption(destination.name(), detail, false, destination.requireEncryption());
    }

    static DestinationOption missing(String name) {
        return new DestinationOption(name, Messages.get("copy.option.missing"), true, false);
    }

    public String name() {
        return name;
    }

    /** "nas (folder, only encrypted backups)", as the list shows it. */
    public String label() {
        return name + " (" + detail + ")";
    }

    public boolean isMissing() {
        return missing;
    }

    /** Whether the destination takes only encrypted backups. */
    public boolean onlyEncrypted() {
        return onlyEncrypted;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }
}

package io.backupdesk.ui.backups;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A schema (all its tables) or a single table the user may tick to narrow a backup. */
public final class ScopeItem {
    private final String name;
    private final boolean schema;
    private final String text;
    private final BooleanProperty chosen = new SimpleBooleanProperty();

    ScopeItem(String name, boolean schema, String text) {
        this.name = name;
        this.schema = schema;
        this.text = text;
    }

    /** The schema's name, or the table as "schema.name". */
    public String name() {
        return name;
    }

    public boolean isSchema() {
        return schema;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    @Override
    public String toString() {
        return text;
    }
}

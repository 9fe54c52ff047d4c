package io.backupdesk.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.util.StringConverter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.function.Function;

/** Loads a view's FXML with the texts bundle, the view object as its controller, and its stylesheets. */
public final class Views {
    private static final String TOKENS = "/io/backupdesk/ui/theme/tokens.css";

    private Views() { }

    /** Shows a validation message under its field, taking no room while it is empty. */
    public static void bindError(Label label, ObservableStringValue message) {
        label.textProperty().bind(message);
        label.visibleProperty().bind(Bindings.isNotEmpty(message));
        label.managedProperty().bind(label.visibleProperty());
    }

    /** A converter that shows values as the function names them; for lists that only show, never parse. */
    public static <T> StringConverter<T> showing(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("shown only, never typed");
            }
        };
    }

    /** Adds the theme tokens and the shared style classes to a node built in code, such as a dialog's pane. */
    public static void withTokens(Parent root) {
        root.getStylesheets().add(Views.class.getResource(TOKENS).toExternalForm());
    }

    /**
     * Loads {@code <ViewClass>.fxml} beside the view's class, and adds the theme tokens and {@code <ViewClass>.css}
     * when there is one.
     */
    public static <T extends Parent> T load(Object view) {
        Class<?> type = view.getClass();
        URL fxml = type.getResource(type.getSimpleName() + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("No " + type.getSimpleName() + ".fxml beside " + type.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml, Messages.bundle());
        loader.setController(view);
        T root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + fxml, e);
        }
        withTokens(root);
        URL css = type.getResource(type.getSimpleName() + ".css");
        if (css != null) {
            root.getStylesheets().add(css.toExternalForm());
        }
        return root;
    }
}

package io.backupdesk.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The texts of the screens, from {@code i18n/messages.properties}; a test fails when a key used is missing. */
public final class Messages {
    public static final String BUNDLE = "io.backupdesk.ui.i18n.messages";

    private static final ResourceBundle TEXTS = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);

    private Messages() { }

    public static ResourceBundle bundle() {
        return TEXTS;
    }

    /** The text of the key with {0}, {1}... filled in. */
    public static String get(String key, Object... args) {
        String text = TEXTS.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, Locale.ROOT).format(args);
    }
}

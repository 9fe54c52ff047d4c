package io.backupdesk.ui;

import atlantafx.base.theme.Tweaks;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.stats.Health;

import java.util.Locale;

/**
 * The style classes the screens set from Java, named after what they mean. Each is defined in {@code theme/tokens.css}
 * or a screen's stylesheet, and a test fails when one is not, so that a class renamed in a stylesheet is caught rather
 * than silently unstyled. The classes that come from the AtlantaFX theme are in {@link Theme}.
 */
public final class Styles {
    // shared, in tokens.css
    /** Secondary text: hints, notes, the small print under a value. */
    public static final String MUTED = "muted";
    public static final String SECTION_TITLE = "section-title";
    /** The message under a form field that says what is wrong with it. */
    public static final String FIELD_ERROR = "field-error";
    public static final String TONE_GOOD = "tone-good";
    public static final String TONE_WARNING = "tone-warning";
    public static final String TONE_BAD = "tone-bad";
    /** A path or a command to read character by character. */
    public static final String MONOSPACE = "monospace";

    // the shell
    public static final String NAV_BUTTON = "nav-button";

    // the dashboard
    public static final String CARD = "card";
    public static final String CARD_TITLE = "card-title";
    public static final String CARD_VALUE = "card-value";
    /** The coloured dot before a database's name; {@link #health} gives its colour. */
    public static final String HEALTH_DOT = "health-dot";
    /** A database's line under its server connection's in the health list. */
    public static final String HEALTH_IN_SERVER = "health-in-server";

    // the backup list
    public static final String DETAILS_TITLE = "details-title";
    public static final String FIELD_NAME = "field-name";
    /** A value to copy rather than read, such as a checksum. */
    public static final String CODE_VALUE = "code-value";
    /** The button beside a {@link #CODE_VALUE} that copies it. */
    public static final String COPY_VALUE = "copy-value";
    public static final String LOG_LINES = "log-lines";
    public static final String PIN_ICON = "pin-icon";
    /** The database column's cell of a set's database, indented under the set. */
    public static final String SET_MEMBER_CELL = "set-member-cell";
    /** The database column's cell of a set: its name, bold, after the chevron. */
    public static final String SET_NAME_CELL = "set-name-cell";
    /** The chevron that opens and closes a set. */
    public static final String SET_TOGGLE = "set-toggle";
    /** One database of a set in its details. */
    public static final String SET_MEMBER = "set-member";
    /** One destination's copy of a backup in its details. */
    public static final String COPY_LINE = "copy-line";
    /** The lock beside an encrypted backup, in the list and in the restore wizard. */
    public static final String ENCRYPTED_ICON = "encrypted-icon";

    // the schedules
    public static final String EMPTY_STATE = "empty-state";
    /** The notice above the schedules when it warns (no tray, schedules paused) rather than informs. */
    public static final String NOTICE_WARNING = "warning";
    /** A schedule's next run while it runs now. */
    public static final String NEXT_RUNNING = "next-running";
    /** A disabled schedule's row. */
    public static final String SWITCHED_OFF = "switched-off";
    /** One of the next run times in the editor. */
    public static final String NEXT_RUN = "next-run";
    /** A retention preview's verdict on a backup. */
    public static final String VERDICT_DELETE = "verdict-delete";
    public static final String VERDICT_KEEP = "verdict-keep";
    public static final String WRAPPED_CELL = "wrapped-cell";

    // the connections
    public static final String PROFILE_NAME = "profile-name";
    /** The tag beside a server connection's name in the list. */
    public static final String SERVER_KIND = "server-kind";
    /** A database found on a server that the connection's patterns leave out of its sets. */
    public static final String FOUND_EXCLUDED = "found-excluded";
    /** The outcome of "Test connection", and its first line. */
    public static final String TEST_PASSED = "ok";
    public static final String TEST_FAILED = "failed";
    public static final String OUTCOME_HEADLINE = "outcome-headline";

    // the keys in the settings
    /** One key: its name, public key, where its secret key is, and its buttons. */
    public static final String KEY_ROW = "key-row";
    public static final String KEY_NAME = "key-name";
    public static final String KEYS_WARNING_ICON = "keys-warning-icon";

    // the destinations in the settings
    /** One destination: its name and kind, URL, rules, and its buttons. */
    public static final String DESTINATION_ROW = "destination-row";
    public static final String DESTINATION_NAME = "destination-name";
    /** The tag beside a destination's name that says its kind: S3, SFTP, folder. */
    public static final String DESTINATION_KIND = "destination-kind";
    /** The host key an SFTP server offers, with Trust this key and Cancel. */
    public static final String HOST_KEY_QUESTION = "host-key-question";

    // the presets in the settings
    /** One preset: its name, what it is for, its switches, and its buttons. */
    public static final String PRESET_ROW = "preset-row";
    public static final String PRESET_NAME = "preset-name";
    /** The switches a preset sets, as pg_dump spells them. */
    public static final String PRESET_SWITCHES = "preset-switches";

    // the restore wizard
    public static final String WIZARD_STEP = "wizard-step";
    /** The step shown now among the {@link #WIZARD_STEP}s. */
    public static final String CURRENT_STEP = "current";
    public static final String OUTCOME_COMPLETE = "outcome-complete";
    public static final String OUTCOME_WARNINGS = "outcome-warnings";
    public static final String OUTCOME_FAILED = "outcome-failed";
    /** A table whose rows after the restore differ from the backup's. */
    public static final String DIFFERENCE = "difference";

    /** What {@link #status} puts before a status's name; a cell drops every class that starts with it. */
    public static final String STATUS_PREFIX = "status-";

    private Styles() { }

    /**
     * The colour of a backup's status ({@code BackupStatus}) or a run's ({@code JobStatus}): "status-ok",
     * "status-failed"...
     */
    public static String status(Enum<?> status) {
        return STATUS_PREFIX + lowerCase(status);
    }

    /** The colour of a database's health dot: "green", "amber", "red". */
    public static String health(Health health) {
        return lowerCase(health);
    }

    /** The colour of a pre-flight check's icon: "check-ok", "check-warn", "check-block". */
    public static String check(PreflightCheck.Level level) {
        return "check-" + lowerCase(level);
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The style classes of the AtlantaFX theme that the screens set from Java. Its own constants share this class's
     * simple name, so they are named once here and the screens import only {@link Styles}.
     */
    public static final class Theme {
        /** The one button that does what the screen is for. */
        public static final String ACCENT = atlantafx.base.theme.Styles.ACCENT;
        /** The button that destroys something. */
        public static final String DANGER = atlantafx.base.theme.Styles.DANGER;
        /** A button drawn in its colour's outline only: a {@link #DANGER} action among others, not shouting. */
        public static final String OUTLINED = atlantafx.base.theme.Styles.BUTTON_OUTLINED;
        /** A button without a border, for a secondary action inside a form. */
        public static final String FLAT = atlantafx.base.theme.Styles.FLAT;
        public static final String SMALL = atlantafx.base.theme.Styles.SMALL;
        /** A table whose rows take less height. */
        public static final String DENSE = atlantafx.base.theme.Styles.DENSE;
        /** A table whose rows alternate in shade. */
        public static final String STRIPED = atlantafx.base.theme.Styles.STRIPED;
        public static final String TEXT_BOLD = atlantafx.base.theme.Styles.TEXT_BOLD;
        /** A scroll pane without a border of its own, inside a bordered dialog. */
        public static final String EDGE_TO_EDGE = Tweaks.EDGE_TO_EDGE;

        private Theme() { }
    }
}

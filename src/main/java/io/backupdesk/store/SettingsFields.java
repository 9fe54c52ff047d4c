package io.backupdesk.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.ByteSizes;
import io.backupdesk.core.Compression;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.io.IOException;

/**
 * Checks {@code settings.json} one field at a time, so that one bad value costs that value alone and not the backup
 * folder with it. A missing or null field is fine everywhere: it means the default.
 */
final class SettingsFields implements JsonFile.FieldCheck {
    private static final Set<String> THEMES = Set.of("light", "dark");
    private static final Set<String> BACKGROUND_FLAGS = Set.of("startAtLogin", "trayNoticeShown", "notifyOnSuccess");

    @Override
    public List<String> removeBadFields(ObjectNode settings) {
        List<String> problems = new ArrayList<>();
        // a relative folder would be taken from whichever folder the app, the command line or cron started in
        check(settings, "", "backupRoot", SettingsFields::fullPath, problems);
        check(settings, "", "clientToolsDir", SettingsFields::fullPath, problems);
        check(settings, "", "verifyAfterBackup", SettingsFields::flag, problems);
        check(settings, "", "rpoHours", node -> wholeNumber(node, 1, Settings.MAX_RPO_HOURS, "hours"), problems);
        check(settings, "", "theme", node -> text(node) == null ? "is not text"
                : THEMES.contains(node.asText()) ? null : "is not light or dark", problems);
        check(settings, "", "defaultFormat", node -> parses(node, BackupFormat::parse), problems);
        check(settings, "", "defaultCompression", node -> parses(node, Compression::parse), problems);
        check(settings, "", "defaultMaxSize", node -> parses(node, ByteSizes::parse), problems);
        ObjectNode background = group(settings, "background", problems);
        if (background != null) {
            check(background, "background.", "maxConcurrentJobs",
                    node -> wholeNumber(node, 1, Settings.MAX_CONCURRENT_JOBS, "jobs"), problems);
            BACKGROUND_FLAGS.stream().sorted().forEach(flag ->
                    check(background, "background.", flag, SettingsFields::flag, problems));
        }
        ObjectNode alerts = group(settings, "alerts", problems);
        if (alerts != null) {
            check(alerts, "alerts.", "webhookUrl", node -> text(node) == null ? "is not text" : null, problems);
            check(alerts, "alerts.", "mail", SettingsFields::mailServer, problems);
        }
        return problems;
    }

    /** Removes the field when the check names a problem, and notes it with the field's name and its value. */
    private static void check(ObjectNode owner, String prefix, String field, Function<JsonNode, String> problem,
                              List<String> problems) {
        JsonNode node = owner.get(field);
        if (node == null || node.isNull()) {
            return;
        }
        String why = problem.apply(node);
        if (why != null) {
            owner.remove(field);
            problems.add(prefix + field + " " + shown(node) + " " + why);
        }
    }

    private static ObjectNode group(ObjectNode settings, String field, List<String> problems) {
        JsonNode node = settings.get(field);
        if (node instanceof ObjectNode group) {
            return group;
        }
        check(settings, "", field, n -> "is not a group of settings in braces", problems);
        return null;
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static String fullPath(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return "is not text";
        }
        try {
            return Path.of(text.trim()).isAbsolute() ? null
                    : "is not a full path (a relative one would depend on the folder Backup Desk was started in)";
        } catch (InvalidPathException e) {
            return "is not a path on this system";
        }
    }

    private static String flag(JsonNode node) {
        return node.isBoolean() ? null : "is not true or false";
    }

    private static String wholeNumber(JsonNode node, int min, int max, String unit) {
        boolean whole = node.isIntegralNumber() && node.canConvertToInt();
        return whole && node.asInt() >= min && node.asInt() <= max ? null
                : "is not a whole number of " + unit + " from " + min + " to " + max;
    }

    private static String parses(JsonNode node, Function<String, ?> parser) {
        if (text(node) == null) {
            return "is not text";
        }
        try {
            parser.apply(node.asText());
            return null;
        } catch (BackupDeskException e) {
            String why = e.getMessage() + " " + e.hint();
            // the notes are joined into one sentence
            return "cannot be used: " + (why.endsWith(".") ? why.substring(0, why.length() - 1) : why);
        }
    }

    private static String mailServer(JsonNode node) {
        try {
            Json.mapper().treeToValue(node, Alerts.MailServer.class);
            return null;
        } catch (IOException | RuntimeException e) {
            return "is not a mail server (host, port, security, user, from, to)";
        }
    }
}

package io.backupdesk.app.login;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The contents of the three login entries, as plain strings and argument lists so each quoting rule is tested on its
 * own: an XDG desktop entry, a launchd property list, and the {@code reg} commands for the Windows Run key.
 */
final class LoginEntries {
    static final String NAME = "Backup Desk";
    static final String COMMENT = "Runs scheduled PostgreSQL backups from the tray";
    static final String AGENT_LABEL = "io.backupdesk";
    static final String RUN_KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    static final String RUN_VALUE = "BackupDesk";

    /** Characters the Desktop Entry specification reserves in Exec: an argument with any of them is quoted. */
    private static final String EXEC_RESERVED = " \t\n\"'\\><~|&;$*?#()`";

    private LoginEntries() { }

    /** An XDG autostart entry; the environment goes through {@code env}, as Exec cannot set variables itself. */
    static String desktopEntry(List<String> command, Map<String, String> environment) {
        List<String> exec = new ArrayList<>();
        if (!environment.isEmpty()) {
            exec.add("env");
            environment.forEach((name, value) -> exec.add(name + "=" + value));
        }
        exec.addAll(command);
        return "[Desktop Entry]\n"
                + "Type=Application\n"
                + "Version=1.0\n"
                + "Name=" + NAME + "\n"
                + "Comment=" + COMMENT + "\n"
                + "Exec=" + String.join(" ", exec.stream().map(LoginEntries::execArgument).toList()) + "\n"
                + "Terminal=false\n"
                + "X-GNOME-Autostart-enabled=true\n";
    }

    /**
     * One Exec argument. The specification applies two rules, the key file's string escapes first and the Exec
     * quoting second, so writing them runs the other way: quote (escaping {@code " ` $ \} inside), double every
     * {@code %} (field codes), then escape backslashes and control characters for the key file. A literal backslash
     * in a quoted argument therefore ends up as four.
     */
    static String execArgument(String argument) {
        boolean quote = argument.isEmpty() || argument.chars().anyMatch(c -> EXEC_RESERVED.indexOf(c) >= 0);
        String quoted = !quote ? argument : "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("`", "\\`").replace("$", "\\$") + "\"";
        return quoted.replace("%", "%%").replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
                .replace("\r", "\\r");
    }

    /** A per-user launchd agent that runs the command once, when it is loaded at login. */
    static String launchAgent(List<String> command, Map<String, String> environment) {
        StringBuilder plist = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>Label</key>
                  <string>""" + AGENT_LABEL + "</string>\n"
                + "  <key>ProgramArguments</key>\n  <array>\n");
        command.forEach(argument -> plist.append("    <string>").append(xml(argument)).append("</string>\n"));
        plist.append("  </array>\n");
        if (!environment.isEmpty()) {
            plist.append("  <key>EnvironmentVariables</key>\n  <dict>\n");
            environment.forEach((name, value) -> plist.append("    <key>").append(xml(name)).append("</key>\n")
                    .append("    <string>").append(xml(value)).append("</string>\n"));
            plist.append("  </dict>\n");
        }
        return plist.append("""
                  <key>RunAtLoad</key>
                  <true/>
                  <key>ProcessType</key>
                  <string>Interactive</string>
                </dict>
                </plist>
                """).toString();
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Sets the Run value to the command. The value is a Windows command line, so its arguments are quoted as
     * programs parse them; {@code reg} then receives that line as one argument, quoted again and wrapped in quotes
     * so that Java passes it on as it is (Java leaves an argument already in quotes alone).
     */
    static List<String> regAdd(List<String> command) {
        String line = String.join(" ", command.stream().map(a -> windowsArgument(a, false)).toList());
        return List.of("reg", "add", RUN_KEY, "/v", RUN_VALUE, "/t", "REG_SZ", "/d", windowsArgument(line, true), "/f");
    }

    static List<String> regQuery() {
        return List.of("reg", "query", RUN_KEY, "/v", RUN_VALUE);
    }

    static List<String> regDelete() {
        return List.of("reg", "delete", RUN_KEY, "/v", RUN_VALUE, "/f");
    }

    /**
     * An argument as the Microsoft C runtime splits command lines: in quotes when it has a space, a tab or a quote
     * (or always), a quote escaped with a backslash, and backslashes doubled only where a quote follows them.
     */
    static String windowsArgument(String argument, boolean alwaysQuote) {
        if (!alwaysQuote && !argument.isEmpty() && argument.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"')) {
            return argument;
        }
        StringBuilder out = new StringBuilder("\"");
        int backslashes = 0;
        for (char c : argument.toCharArray()) {
            if (c == '\\') {
                backslashes++;
                continue;
            }
            out.append("\\".repeat(c == '"' ? backslashes * 2 + 1 : backslashes)).append(c);
            backslashes = 0;
        }
        return out.append("\\".repeat(backslashes * 2)).append('"').toString();
    }
}

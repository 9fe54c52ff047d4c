package io.backupdesk.app.login;

import io.backupdesk.core.BackupDeskException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The login entries of the three systems, written under a temporary home; the Windows commands are recorded, not run. */
class LoginItemTest {
    private static final LaunchCommand JAR = new LaunchCommand(
            List.of("/usr/lib/jvm/java-17/bin/java", "-jar", "/home/maria/my apps/backupdesk.jar"), true);
    private static final Supplier<LaunchCommand> NEVER_ASKED = () -> {
        throw new AssertionError("removing an entry needs no launch command");
    };

    @TempDir
    Path home;
    private final List<List<String>> ran = new ArrayList<>();

    private LoginItem item(String os, Map<String, String> env, Supplier<LaunchCommand> launch) {
        return new LoginItem(os, env, home, launch, command -> {
            ran.add(command);
            return new LoginItem.Commands.Result(0, "");
        });
    }

    @Test
    void onLinuxAnAutostartEntryStartsTheJarWithTheHiddenMarkInTheEnvironment() throws Exception {
        item("Linux", Map.of(), () -> JAR).apply(true);

        Path entry = home.resolve(".config/autostart/backupdesk.desktop");
        assertThat(Files.readString(entry)).isEqualTo("""
                [Desktop Entry]
                Type=Application
                Version=1.0
                Name=Backup Desk
                Comment=Runs scheduled PostgreSQL backups from the tray
                Exec=env BACKUPDESK_START_HIDDEN=1 /usr/lib/jvm/java-17/bin/java -jar "/home/maria/my apps/backupdesk.jar"
                Terminal=false
                X-GNOME-Autostart-enabled=true
                """);
        assertThat(execOf(Files.readString(entry))).containsExactly("env", "BACKUPDESK_START_HIDDEN=1",
                "/usr/lib/jvm/java-17/bin/java", "-jar", "/home/maria/my apps/backupdesk.jar");
        assertThat(ran).isEmpty();
    }

    @Test
    void anInstalledLauncherAndTheConfigFolderOfThisAppGoIntoTheEntry() throws Exception {
        LaunchCommand installed = new LaunchCommand(List.of("/opt/backupdesk/bin/Backup Desk"), false);

        item("Linux", Map.of("BACKUPDESK_HOME", "/srv/desk state"), () -> installed).apply(true);

        assertThat(execOf(Files.readString(home.resolve(".config/autostart/backupdesk.desktop")))).containsExactly("env",
                "BACKUPDESK_START_HIDDEN=1", "BACKUPDESK_HOME=/srv/desk state", "/opt/backupdesk/bin/Backup Desk");
    }

    @Test
    void anAbsoluteXdgConfigHomeIsHonouredAndARelativeOneIgnored() {
        Path xdg = home.resolve("xdg");

        assertThat(item("Linux", Map.of("XDG_CONFIG_HOME", xdg.toString()), () -> JAR).autostartFile())
                .isEqualTo(xdg.resolve("autostart/backupdesk.desktop"));
        assertThat(item("FreeBSD", Map.of("XDG_CONFIG_HOME", "relative"), () -> JAR).autostartFile())
                .isEqualTo(home.resolve(".config/autostart/backupdesk.desktop"));
    }

    @Test
    void turningItOffRemovesTheEntryAndRemovingNothingIsFine() throws Exception {
        Path xdg = home.resolve("xdg");
        item("Linux", Map.of("XDG_CONFIG_HOME", xdg.toString()), () -> JAR).apply(true);
        Path entry = xdg.resolve("autostart/backupdesk.desktop");
        assertThat(entry).exists();

        item("Linux", Map.of("XDG_CONFIG_HOME", xdg.toString()), NEVER_ASKED).apply(false);
        assertThat(entry).doesNotExist();
        item("Linux", Map.of("XDG_CONFIG_HOME", xdg.toString()), NEVER_ASKED).apply(false);
        assertThat(entry).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/plain/path", "/with space/x", "C:\\back\\slash", "50% done", "$HOME/x", "it's \"quoted\"",
            "back`tick", "tab\there", "line\nbreak", "a;b&c|d", "~user/#x", "*?()<>", ""})
    void everyDesktopEntryArgumentReadsBackAsWritten(String argument) {
        String entry = LoginEntries.desktopEntry(List.of("/bin/prog", argument), Map.of());

        assertThat(execOf(entry)).containsExactly("/bin/prog", argument);
    }

    @Test
    void aBackslashInAQuotedArgumentIsWrittenAsFourAsTheSpecificationSays() {
        assertThat(LoginEntries.execArgument("a b\\c")).isEqualTo("\"a b\\\\\\\\c\"");
        assertThat(LoginEntries.execArgument("100%")).isEqualTo("100%%");
        assertThat(LoginEntries.execArgument("/usr/bin/java")).isEqualTo("/usr/bin/java");
    }

    @Test
    void onMacOsALaunchAgentRunsAtLoadWithTheMarkInItsEnvironment() throws Exception {
        LaunchCommand app = new LaunchCommand(List.of("/Applications/Backup Desk.app/Contents/MacOS/Backup & Desk"), false);

        item("Mac OS X", Map.of("BACKUPDESK_HOME", "/Users/maria/desk"), () -> app).apply(true);

        Path agent = home.resolve("Library/LaunchAgents/io.backupdesk.plist");
        DocumentBuilderFactory parser = DocumentBuilderFactory.newInstance();
        // well-formed is what matters here; the DTD is on Apple's server and tests stay offline
        parser.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document plist = parser.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(agent)));
        Map<String, Element> keys = dictionary((Element) plist.getDocumentElement().getElementsByTagName("dict").item(0));
        assertThat(keys.get("Label").getTextContent()).isEqualTo("io.backupdesk");
        assertThat(texts(keys.get("ProgramArguments").getElementsByTagName("string")))
                .containsExactly("/Applications/Backup Desk.app/Contents/MacOS/Backup & Desk");
        Map<String, Element> environment = dictionary(keys.get("EnvironmentVariables"));
        assertThat(environment.get("BACKUPDESK_START_HIDDEN").getTextContent()).isEqualTo("1");
        assertThat(environment.get("BACKUPDESK_HOME").getTextContent()).isEqualTo("/Users/maria/desk");
        assertThat(keys.get("RunAtLoad").getTagName()).isEqualTo("true");

        item("Mac OS X", Map.of(), NEVER_ASKED).apply(false);
        assertThat(agent).doesNotExist();
        assertThat(ran).isEmpty();
    }

    @Test
    void onWindowsRegAddsARunValueWhoseJavaCommandCarriesTheMarkAsASystemProperty() {
        LaunchCommand jar = new LaunchCommand(List.of("C:\\Program Files\\Java\\bin\\javaw.exe", "-jar",
                "C:\\Users\\maria\\Backup Desk\\backupdesk.jar"), true);

        item("Windows 11", Map.of(), () -> jar).apply(true);

        assertThat(ran).containsExactly(List.of("reg", "add", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
                "/v", "BackupDesk", "/t", "REG_SZ", "/d",
                "\"\\\"C:\\Program Files\\Java\\bin\\javaw.exe\\\" -Dbackupdesk.startHidden=true -jar "
                        + "\\\"C:\\Users\\maria\\Backup Desk\\backupdesk.jar\\\"\"", "/f"));
        String value = windowsArguments(ran.get(0).get(8)).get(0);
        assertThat(windowsArguments(value)).containsExactly("C:\\Program Files\\Java\\bin\\javaw.exe",
                "-Dbackupdesk.startHidden=true", "-jar", "C:\\Users\\maria\\Backup Desk\\backupdesk.jar");
    }

    @Test
    void onWindowsAnInstalledLauncherIsTheWholeRunValue() {
        item("Windows 10", Map.of(), () -> new LaunchCommand(List.of("C:\\Program Files\\Backup Desk\\Backup Desk.exe"), false))
                .apply(true);

        assertThat(ran.get(0).get(8)).isEqualTo("\"\\\"C:\\Program Files\\Backup Desk\\Backup Desk.exe\\\"\"");
    }

    @Test
    void onWindowsTheValueIsDeletedOnlyWhenTheQueryFindsIt() {
        List<Integer> queryAnswers = new ArrayList<>(List.of(0, 1));
        LoginItem item = new LoginItem("Windows 11", Map.of(), home, NEVER_ASKED, command -> {
            ran.add(command);
            return new LoginItem.Commands.Result(command.get(1).equals("query") ? queryAnswers.remove(0) : 0, "");
        });

        item.apply(false);
        item.apply(false);

        List<String> query = List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", "/v", "BackupDesk");
        assertThat(ran).containsExactly(query,
                List.of("reg", "delete", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", "/v", "BackupDesk", "/f"),
                query);
    }

    @Test
    void aRegCommandThatFailsIsReportedWithItsOutput() {
        LoginItem item = new LoginItem("Windows 11", Map.of(), home, () -> JAR,
                command -> new LoginItem.Commands.Result(1, "ERROR: Access is denied.\r\n"));

        assertThatThrownBy(() -> item.apply(true)).isInstanceOf(BackupDeskException.class)
                .hasMessage("Could not add the login entry: reg ended with exit code 1: ERROR: Access is denied.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "with space", "trailing\\", "trailing space\\", "quote\"inside", "back\\\"slash-quote",
            "two\\\\\"x", "", "C:\\Program Files\\x.exe"})
    void everyWindowsArgumentReadsBackAsWrittenEvenWhenQuotedTwice(String argument) {
        List<String> command = List.of("C:\\prog.exe", argument);

        String value = windowsArguments(LoginEntries.regAdd(command).get(8)).get(0);

        assertThat(windowsArguments(value)).containsExactly("C:\\prog.exe", argument);
    }

    @Test
    void theHiddenMarkIsTheVariableOrTheSystemProperty() {
        Properties none = new Properties();
        Properties property = new Properties();
        property.setProperty("backupdesk.startHidden", "true");

        assertThat(LoginItem.startedHidden(Map.of("BACKUPDESK_START_HIDDEN", "1"), none)).isTrue();
        assertThat(LoginItem.startedHidden(Map.of(), property)).isTrue();
        assertThat(LoginItem.startedHidden(Map.of("BACKUPDESK_START_HIDDEN", "0"), none)).isFalse();
        assertThat(LoginItem.startedHidden(Map.of(), none)).isFalse();
    }

    /** The Exec line split as the Desktop Entry specification reads it: string escapes, then quoting, then %%. */
    private static List<String> execOf(String entry) {
        String line = entry.lines().filter(l -> l.startsWith("Exec=")).findFirst().orElseThrow().substring(5);
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char n = line.charAt(++i);
                value.append(switch (n) {
                    case 's' -> ' ';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                value.append(c);
            }
        }
        List<String> arguments = new ArrayList<>();
        StringBuilder current = null;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\' && "\"`$\\".indexOf(value.charAt(i + 1)) >= 0) {
                    current.append(value.charAt(++i));
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == ' ') {
                if (current != null) {
                    arguments.add(current.toString());
                    current = null;
                }
            } else {
                current = current == null ? new StringBuilder() : current;
                if (c == '"') {
                    quoted = true;
                } else {
                    current.append(c);
                }
            }
        }
        if (current != null) {
            arguments.add(current.toString());
        }
        return arguments.stream().map(a -> a.replace("%%", "%")).toList();
    }

    /** A command line split as the Microsoft C runtime does (CommandLineToArgvW's rules for arguments). */
    private static List<String> windowsArguments(String line) {
        List<String> arguments = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i == line.length()) {
                break;
            }
            StringBuilder current = new StringBuilder();
            boolean quoted = false;
            while (i < line.length() && (quoted || (line.charAt(i) != ' ' && line.charAt(i) != '\t'))) {
                int backslashes = 0;
                while (i < line.length() && line.charAt(i) == '\\') {
                    backslashes++;
                    i++;
                }
                if (i < line.length() && line.charAt(i) == '"') {
                    current.append("\\".repeat(backslashes / 2));
                    if (backslashes % 2 == 1) {
                        current.append('"');
                    } else {
                        quoted = !quoted;
                    }
                    i++;
                } else {
                    current.append("\\".repeat(backslashes));
                    if (i < line.length() && (quoted || (line.charAt(i) != ' ' && line.charAt(i) != '\t'))) {
                        current.append(line.charAt(i++));
                    }
                }
            }
            arguments.add(current.toString());
        }
        return arguments;
    }

    private static Map<String, Element> dictionary(Element dict) {
        Map<String, Element> entries = new java.util.LinkedHashMap<>();
        Element key = null;
        for (org.w3c.dom.Node n = dict.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (e.getTagName().equals("key")) {
                    key = e;
                } else if (key != null) {
                    entries.put(key.getTextContent(), e);
                    key = null;
                }
            }
        }
        return entries;
    }

    private static List<String> texts(NodeList nodes) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void anUnreadablePlaceIsReportedWithAHint() throws Exception {
        Path blocked = home.resolve("blocked");
        Files.writeString(blocked, "a file where the config folder should be");

        assertThatThrownBy(() -> item("Linux", Map.of("XDG_CONFIG_HOME", blocked.toString()), () -> JAR).apply(true))
                .isInstanceOf(BackupDeskException.class)
                .hasMessageStartingWith("Could not add the login entry")
                .satisfies(e -> assertThat(((BackupDeskException) e).hint()).isNotBlank());
        assertThat(new String(Files.readAllBytes(blocked), StandardCharsets.UTF_8)).startsWith("a file");
    }
}

package io.backupdesk.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text key the screens use is in the bundle: a key typed wrong fails here, not in front of a user. */
class MessagesTest {
    private static final Pattern IN_JAVA = Pattern.compile("Messages\\.get\\(\"([a-zA-Z0-9.]+)\"");
    /** The tray reads its texts through the lookup the app hands it, some chosen in a condition: every literal. */
    private static final Pattern TRAY_KEY = Pattern.compile("\"(tray\\.[a-zA-Z0-9.]+)\"");
    private static final Pattern IN_FXML = Pattern.compile("\"%([a-zA-Z0-9.]+)\"");

    @Test
    void everyKeyUsedInCodeOrLayoutsExists() throws IOException {
        Set<String> used = new TreeSet<>();
        collect(Path.of("src/main/java/io/backupdesk/ui"), ".java", IN_JAVA, used);
        collect(Path.of("src/main/java/io/backupdesk/app"), ".java", IN_JAVA, used);
        collect(Path.of("src/main/java/io/backupdesk/tray"), ".java", TRAY_KEY, used);
        collect(Path.of("src/main/java/io/backupdesk/app"), ".java", TRAY_KEY, used);
        collect(Path.of("src/main/resources/io/backupdesk/ui"), ".fxml", IN_FXML, used);

        assertThat(used).isNotEmpty();
        assertThat(used).allSatisfy(key -> assertThat(Messages.bundle().containsKey(key)).as(key).isTrue());
    }

    @Test
    void keysBuiltFromAScreenNameExistForEveryScreen() {
        for (io.backupdesk.ui.shell.Navigation.Screen screen : io.backupdesk.ui.shell.Navigation.Screen.values()) {
            assertThat(Messages.bundle().containsKey("nav." + screen.name().toLowerCase(java.util.Locale.ROOT)))
                    .as(screen.name()).isTrue();
        }
    }

    @Test
    void aCountSaysItsNounInTheRightNumberAndNeverHedgesWithParentheses() throws IOException {
        java.util.Properties texts = new java.util.Properties();
        try (var in = Messages.class.getResourceAsStream("/io/backupdesk/ui/i18n/messages.properties")) {
            texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(texts.stringPropertyNames()).filteredOn(key -> texts.getProperty(key).contains("(s)"))
                .as("issue 19: 'backup(s)'").isEmpty();
        assertThat(Messages.get("backups.job.verify", 1)).isEqualTo("Verifying 1 backup");
        assertThat(Messages.get("backups.job.delete", 3)).isEqualTo("Deleting 3 backups");
        assertThat(Messages.get("backup.scope.some", 1, 2)).isEqualTo("1 schema and 2 tables.");
    }

    @Test
    void placeholdersAreFilledIn() {
        assertThat(Messages.get("dashboard.updated", "today")).isEqualTo("Updated today");
    }

    private static void collect(Path folder, String suffix, Pattern pattern, Set<String> keys) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    // a key that ends in a dot is a prefix completed in code, checked by the test above
                    if (!m.group(1).endsWith(".")) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
    }
}

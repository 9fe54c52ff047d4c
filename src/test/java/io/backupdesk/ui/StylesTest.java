package io.backupdesk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.JobStatus;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.stats.Health;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every style class the screens set from Java is defined in a stylesheet: a class renamed in CSS fails here. */
class StylesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern DECLARATIONS = Pattern.compile("\\{[^}]*}");
    private static final Pattern CLASS_SELECTOR = Pattern.compile("\\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)");

    @Test
    void everyConstantIsDefinedInOneOfOurStylesheets() throws IOException {
        assertThat(undefined(constants(Styles.class), ourClasses())).isEmpty();
    }

    @Test
    void everyClassGivenForAStatusAHealthOrACheckIsDefined() throws IOException {
        List<String> given = Stream.of(
                Arrays.stream(BackupStatus.values()).map(Styles::status),
                Arrays.stream(JobStatus.values()).map(Styles::status),
                Arrays.stream(Health.values()).map(Styles::health),
                Arrays.stream(PreflightCheck.Level.values()).map(Styles::check)).flatMap(s -> s).toList();

        assertThat(undefined(given, ourClasses())).isEmpty();
    }

    @Test
    void everyThemeConstantIsDefinedInBothThemes() throws IOException {
        List<String> theme = constants(Styles.Theme.class);

        assertThat(theme).isNotEmpty();
        assertThat(undefined(theme, classesIn(new PrimerLight().getUserAgentStylesheet()))).isEmpty();
        assertThat(undefined(theme, classesIn(new PrimerDark().getUserAgentStylesheet()))).isEmpty();
    }

    @Test
    void aClassNoStylesheetDefinesIsFound() throws IOException {
        Set<String> ours = ourClasses();

        assertThat(ours).contains(Styles.MUTED, Styles.STATUS_PREFIX + "verified");
        assertThat(undefined(List.of(Styles.MUTED, "made-up-class", "status-made-up"), ours))
                .containsExactly("made-up-class", "status-made-up");
    }

    @Test
    void selectorsAreReadAndDeclarationsAndCommentsAreNot() {
        Set<String> found = new TreeSet<>();
        collect("/* .commented-out { } */ .page .panel:hover, .wizard-step.current > .label { -fx-font-size: 1.5em; }", found);

        assertThat(found).containsExactlyInAnyOrder("page", "panel", "wizard-step", "current", "label");
    }

    private static List<String> undefined(Collection<String> classes, Set<String> defined) {
        return classes.stream().filter(c -> !defined.contains(c)).toList();
    }

    /** The values of the class's public string constants. */
    private static List<String> constants(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers())
                        && f.getType() == String.class)
                // a prefix is completed in code; what it makes is checked above
                .filter(f -> !f.getName().endsWith("_PREFIX"))
                .map(StylesTest::value).toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> ourClasses() throws IOException {
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path css : files.filter(p -> p.toString().endsWith(".css")).toList()) {
                collect(Files.readString(css), classes);
            }
        }
        return classes;
    }

    private static Set<String> classesIn(String resource) throws IOException {
        Set<String> classes = new TreeSet<>();
        try (InputStream in = StylesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            collect(new String(in.readAllBytes(), StandardCharsets.UTF_8), classes);
        }
        return classes;
    }

    private static void collect(String css, Set<String> classes) {
        String selectors = DECLARATIONS.matcher(COMMENT.matcher(css).replaceAll(" ")).replaceAll(" ");
        Matcher m = CLASS_SELECTOR.matcher(selectors);
        while (m.find()) {
            classes.add(m.group(1));
        }
    }
}

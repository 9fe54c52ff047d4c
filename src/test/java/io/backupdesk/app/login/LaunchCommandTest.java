package io.backupdesk.app.login;

import io.backupdesk.core.BackupDeskException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which command starts this app again: the installed launcher, or java -jar with the jar the app runs from. */
class LaunchCommandTest {
    private static final Path JAVA_HOME = Path.of("/usr/lib/jvm/java-17");

    @TempDir
    Path dir;

    @Test
    void anAppImageIsStartedByItsLauncherWhichTakesNoJavaOptions() {
        LaunchCommand command = LaunchCommand.of("Linux", "/opt/backupdesk/bin/Backup Desk", JAVA_HOME, dir);

        assertThat(command.command()).containsExactly("/opt/backupdesk/bin/Backup Desk");
        assertThat(command.withProperty("backupdesk.startHidden", "true")).containsExactly("/opt/backupdesk/bin/Backup Desk");
    }

    @Test
    void aJarIsStartedWithTheJavaOfThisRuntimeAndTakesSystemPropertiesBeforeJar() throws Exception {
        Path jar = Files.writeString(dir.resolve("backupdesk.jar"), "PK");

        LaunchCommand command = LaunchCommand.of("Linux", null, JAVA_HOME, jar);

        assertThat(command.command()).containsExactly(JAVA_HOME.resolve("bin/java").toString(), "-jar", jar.toString());
        assertThat(command.withProperty("backupdesk.startHidden", "true")).containsExactly(
                JAVA_HOME.resolve("bin/java").toString(), "-Dbackupdesk.startHidden=true", "-jar", jar.toString());
    }

    @Test
    void onWindowsTheJarRunsWithJavawSoNoConsoleOpensAtLogin() throws Exception {
        Path jar = Files.writeString(dir.resolve("backupdesk.jar"), "PK");

        assertThat(LaunchCommand.of("Windows 11", "", JAVA_HOME, jar).command().get(0))
                .isEqualTo(JAVA_HOME.resolve("bin").resolve("javaw.exe").toString());
    }

    @Test
    void classFoldersCannotBeStartedAtLoginAndTheHintSaysWhatCan() {
        assertThatThrownBy(() -> LaunchCommand.of("Linux", null, JAVA_HOME, dir))
                .isInstanceOf(BackupDeskException.class)
                .hasMessageContaining("runs from " + dir)
                .satisfies(e -> assertThat(((BackupDeskException) e).hint()).contains("java -jar"));
        assertThatThrownBy(() -> LaunchCommand.of("Linux", null, JAVA_HOME, null)).isInstanceOf(BackupDeskException.class);
    }

    @Test
    void theAppRunFromItsClassFolderAsUnderTheUnitTestsIsRefused() {
        assertThatThrownBy(LaunchCommand::ofThisApp).isInstanceOf(BackupDeskException.class)
                .hasMessageContaining("runs from " + Path.of("target", "classes").toAbsolutePath());
    }
}

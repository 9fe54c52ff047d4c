package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnownHostsFileTest {
    private static final String LINE = "[nas]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMfPq0cXbZ3PA4dL7fQmY0V6sGQkG";

    @TempDir
    Path dir;

    @Test
    void aNewFileAndItsFoldersAreOwnerOnly() throws Exception {
        Path file = dir.resolve("config/ssh/known_hosts");

        KnownHostsFile.add(file, LINE);

        assertThat(Files.readString(file)).isEqualTo(LINE + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void aLineThatIsThereAlreadyIsNotAddedAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"), "other ssh-rsa AAAA\n"
                + LINE.replace(" ", "   ") + "\n");

        KnownHostsFile.add(file, "  " + LINE + "\n");

        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void appendsOnALineOfItsOwnToWhatTheFileHas() throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"), "# mine\nother ssh-rsa AAAA");

        KnownHostsFile.add(file, LINE);

        assertThat(Files.readAllLines(file)).containsExactly("# mine", "other ssh-rsa AAAA", LINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "# a comment", "host ssh-ed25519", "a b c\nd e f"})
    void refusesWhatIsNotOneEntry(String line) {
        Path file = dir.resolve("known_hosts");

        assertThatThrownBy(() -> KnownHostsFile.add(file, line)).isInstanceOfSatisfying(BackupDeskException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION));
        assertThat(file).doesNotExist();
    }
}

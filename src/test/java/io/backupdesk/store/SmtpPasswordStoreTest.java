package io.backupdesk.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SmtpPasswordStoreTest {
    @TempDir
    Path config;

    @Test
    void thePasswordIsKeptAloneInAnOwnerOnlyFileBesideTheSettings() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        SmtpPasswordStore store = new SmtpPasswordStore(config);

        store.store("pä:ss word");

        Path file = config.resolve("smtp-password");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("pä:ss word");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(store.read()).contains("pä:ss word");
    }

    @Test
    void aStoredPasswordIsReplacedAndCanBeRemoved() {
        SmtpPasswordStore store = new SmtpPasswordStore(config);
        store.store("first");
        store.store("second");
        assertThat(store.read()).contains("second");

        store.remove();

        assertThat(store.read()).isEmpty();
        assertThat(config.resolve("smtp-password")).doesNotExist();
    }

    @Test
    void aLineEndTypedInAnEditorIsNotPartOfThePassword() throws IOException {
        Files.writeString(config.resolve("smtp-password"), " secret \n");

        assertThat(new SmtpPasswordStore(config).read()).contains(" secret ");
    }

    @Test
    void noFileIsNoPassword() {
        assertThat(new SmtpPasswordStore(config).read()).isEmpty();
    }
}

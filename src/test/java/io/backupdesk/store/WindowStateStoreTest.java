package io.backupdesk.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WindowStateStoreTest {
    @TempDir
    Path dir;

    @Test
    void nothingSavedYetIsUnknown() {
        assertThat(new WindowStateStore(dir, w -> { }).load().known()).isFalse();
    }

    @Test
    void theWindowOpensWhereItWasClosed() {
        WindowState closed = new WindowState(WindowState.VERSION, 40, 60, 1400, 900, false, "BACKUPS");
        new WindowStateStore(dir, w -> { }).save(closed);

        assertThat(new WindowStateStore(dir, w -> { }).load()).isEqualTo(closed);
    }

    @Test
    void aDamagedFileIsMovedAsideAndTheDefaultsApply() throws Exception {
        Files.writeString(dir.resolve("window.json"), "{ half");
        StringBuilder warned = new StringBuilder();

        WindowState state = new WindowStateStore(dir, warned::append).load();

        assertThat(state.known()).isFalse();
        assertThat(warned).isNotEmpty();
    }
}

package io.backupdesk.app;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WarmupTest {
    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V", "--help", "help", "list", "--config-dir x list", "history", "stats"})
    void aCommandLineThatLogsInToNoServerStartsNoWarmUp(String line) {
        Warmup.start(line.split(" "));

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("warmup-"));
    }
}

package io.backupdesk.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FolderOpenerTest {
    private static final Path LOGS = Path.of("config", "logs");
    private final List<Path> toldCannotOpen = new ArrayList<>();

    private FolderOpener opener(FolderOpener.SystemOpener system) {
        return new FolderOpener(system, Runnable::run, Runnable::run, toldCannotOpen::add);
    }

    @Test
    void withoutAFileManagerTheUserIsToldAndGivenThePath() {
        opener(folder -> {
            throw new IOException("Cannot run program \"xdg-open\": error=2, No such file or directory");
        }).accept(LOGS);

        assertThat(toldCannotOpen).as("issue 19: nothing but a line on stderr").containsExactly(LOGS);
    }

    @Test
    void anOpenerThatFailsCountsAsNone() {
        opener(folder -> false).accept(LOGS);

        assertThat(toldCannotOpen).containsExactly(LOGS);
    }

    @Test
    void anOpenedFolderNeedsNoWord() {
        List<Path> opened = new ArrayList<>();
        opener(folder -> opened.add(folder)).accept(LOGS);

        assertThat(opened).containsExactly(LOGS);
        assertThat(toldCannotOpen).isEmpty();
    }
}

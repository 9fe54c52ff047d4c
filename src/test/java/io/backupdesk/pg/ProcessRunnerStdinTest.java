package io.backupdesk.pg;

import io.backupdesk.core.Cancellation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program may stop reading its stdin before the end and still succeed (pg_restore reads a tar archive only up to
 * its last table's data). Writing on is then no failure of ours, whether the pipe says so or the JDK, once it has
 * seen the program exit, closed the stream.
 */
class ProcessRunnerStdinTest {
    @Test
    void aProgramThatExitsWithoutReadingItsInputSucceedsEvenWhenTheFeederWritesAfterItEnded() {
        byte[] chunk = new byte[1 << 16];
        ProcessRunner.Result result = new ProcessRunner().run(ToolCommand.of(Path.of("/bin/true"), List.of(), Map.of()),
                stdin -> {
                    try {
                        // the program has ended by now, and the JDK has closed its stdin
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    for (int i = 0; i < 64; i++) {
                        stdin.write(chunk);
                    }
                }, ProcessRunner.StdoutHandler.DISCARD, line -> { }, new Cancellation(), null, process -> { });

        assertThat(result.exitCode()).isZero();
    }
}

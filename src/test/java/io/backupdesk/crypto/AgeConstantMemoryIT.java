package io.backupdesk.crypto;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Encryption and decryption hold 64 KiB chunks, never the stream: 256 MiB pass through a 32 MiB heap. */
class AgeConstantMemoryIT {
    private static final int MEBIBYTES = 256;

    @Test
    void twoHundredFiftySixMebibytesPassThroughAThirtyTwoMebibyteHeapUnchanged() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                AgeMemoryProbe.class.getName(), Integer.toString(MEBIBYTES)).redirectErrorStream(true).start();
        probe.getOutputStream().close();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(probe.exitValue()).as(output).isZero();
        Map<String, String> results = output.lines().map(line -> line.split(" ", 2)).filter(parts -> parts.length == 2)
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1], (a, b) -> b));
        assertThat(results.get("out")).as(output).isEqualTo(results.get("in")).hasSize(64);
        assertThat(Long.parseLong(results.get("bytes"))).isEqualTo((long) MEBIBYTES << 20);
        System.out.println("age streaming: " + String.join(", ", List.of(output.strip().split("\n"))));
    }
}

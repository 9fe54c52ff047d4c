package io.backupdesk.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {
    @TempDir
    Path tmp;

    @Test
    void theManifestDigestIsTheDigestOfSha256sumLines() {
        String expected = hexOf("aaa  a.dat\nbbb  b.dat\n");

        assertThat(Sha256.ofManifest(Map.of("a.dat", "aaa", "b.dat", "bbb"))).isEqualTo(expected);
    }

    @Test
    void theManifestDoesNotDependOnTheMapsOrder() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("toc.dat", "111");
        forward.put("3356.dat.gz", "222");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("3356.dat.gz", "222");
        backward.put("toc.dat", "111");

        assertThat(Sha256.ofManifest(forward)).isEqualTo(Sha256.ofManifest(backward));
    }

    @Test
    void aChangedFileHashChangesTheManifest() {
        assertThat(Sha256.ofManifest(Map.of("toc.dat", "111"))).isNotEqualTo(Sha256.ofManifest(Map.of("toc.dat", "112")));
    }

    @Test
    void anEmptyFolderHasTheDigestOfNothing() {
        assertThat(Sha256.ofManifest(Map.of()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void aFolderManifestMatchesSha256sumPipedIntoSha256sum() throws Exception {
        Files.writeString(tmp.resolve("toc.dat"), "table of contents");
        Files.writeString(tmp.resolve("3356.dat.gz"), "rows of history");
        Files.writeString(tmp.resolve("3358.dat.gz"), "rows of accounts");

        String ours = Sha256.ofManifest(Sha256.ofFolderFiles(tmp));

        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "sha256sum * | sha256sum").directory(tmp.toFile());
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.split(" ")[0]).isEqualTo(ours);
    }

    @Test
    void aFileDigestMatchesTheKnownValue() throws IOException {
        Path file = Files.writeString(tmp.resolve("abc"), "abc");

        assertThat(Sha256.ofFile(file)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private static String hexOf(String text) {
        var digest = Sha256.newDigest();
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return Sha256.hex(digest);
    }
}

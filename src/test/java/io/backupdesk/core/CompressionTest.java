package io.backupdesk.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompressionTest {

    @Test
    void aBareDigitIsAGzipLevel() {
        assertThat(Compression.parse("6")).isEqualTo(new Compression(Compression.Method.GZIP, 6));
    }

    @Test
    void methodAndLevelAreReadAroundTheColon() {
        assertThat(Compression.parse("zstd:19")).isEqualTo(new Compression(Compression.Method.ZSTD, 19));
        assertThat(Compression.parse("lz4:12")).isEqualTo(new Compression(Compression.Method.LZ4, 12));
        assertThat(Compression.parse("gzip:9")).isEqualTo(new Compression(Compression.Method.GZIP, 9));
    }

    @Test
    void aMethodWithoutLevelGetsPgDumpsDefaultLevel() {
        assertThat(Compression.parse("gzip").level()).isEqualTo(6);
        assertThat(Compression.parse("zstd").level()).isEqualTo(3);
        assertThat(Compression.parse("lz4").level()).isEqualTo(1);
    }

    @Test
    void caseAndSurroundingSpacesDoNotMatter() {
        assertThat(Compression.parse("  ZSTD:5 ")).isEqualTo(new Compression(Compression.Method.ZSTD, 5));
    }

    @Test
    void noneAndGzipLevelZeroBothMeanUncompressed() {
        assertThat(Compression.parse("none").isNone()).isTrue();
        assertThat(Compression.parse("0").isNone()).isTrue();
        assertThat(Compression.parse("gzip:0")).isEqualTo(Compression.parse("none"));
        assertThat(Compression.parse("none")).hasToString("none");
    }

    @Test
    void toStringSpellsItTheWayPgDump16ReadsIt() {
        assertThat(Compression.parse("1")).hasToString("gzip:1");
        assertThat(Compression.parse("zstd:3")).hasToString("zstd:3");
    }

    @Test
    void onlyLz4AndZstdNeedPgDump16() {
        assertThat(Compression.parse("zstd").needsPg16()).isTrue();
        assertThat(Compression.parse("lz4").needsPg16()).isTrue();
        assertThat(Compression.parse("gzip:9").needsPg16()).isFalse();
        assertThat(Compression.parse("none").needsPg16()).isFalse();
    }

    @Test
    void theDefaultIsGzipLevelOne() {
        assertThat(Compression.DEFAULT).isEqualTo(new Compression(Compression.Method.GZIP, 1));
    }

    @Test
    void aGzipLevelAboveNineIsOutOfRange() {
        assertThatThrownBy(() -> Compression.parse("10"))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("Compression level 10 is out of range for gzip.");
                    assertThat(e.hint()).isEqualTo("Use 0 to 9 (1 is fastest).");
                });
    }

    @Test
    void zstdLevelZeroIsOutOfRange() {
        assertThatThrownBy(() -> Compression.parse("zstd:0"))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Compression level 0 is out of range for zstd.");
                    assertThat(e.hint()).isEqualTo("Use 1 to 22 (1 is fastest).");
                });
    }

    @Test
    void lz4LevelThirteenIsOutOfRange() {
        assertThatThrownBy(() -> Compression.parse("lz4:13"))
                .isInstanceOf(BackupDeskException.class)
                .hasMessage("Compression level 13 is out of range for lz4.");
    }

    @Test
    void noneWithALevelIsOutOfRange() {
        assertThatThrownBy(() -> Compression.parse("none:3"))
                .isInstanceOf(BackupDeskException.class)
                .hasMessage("Compression level 3 is out of range for none.");
    }

    @Test
    void anUnknownMethodIsNamedInTheMessage() {
        assertThatThrownBy(() -> Compression.parse("brotli:4"))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Unknown compression 'brotli:4'.");
                    assertThat(e.hint()).contains("zstd:N");
                });
    }

    @Test
    void aLevelThatIsNoNumberIsRefused() {
        assertThatThrownBy(() -> Compression.parse("gzip:fast"))
                .isInstanceOf(BackupDeskException.class)
                .hasMessage("'fast' is not a compression level.");
    }

    @Test
    void anEmptyTextIsAnUnknownCompression() {
        assertThatThrownBy(() -> Compression.parse(" "))
                .isInstanceOf(BackupDeskException.class)
                .hasMessageStartingWith("Unknown compression");
    }
}

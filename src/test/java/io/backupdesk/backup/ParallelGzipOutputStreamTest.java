package io.backupdesk.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ParallelGzipOutputStreamTest {
    private static final int BLOCK = ParallelGzipOutputStream.BLOCK_SIZE;

    @TempDir
    Path tmp;

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("empty", 0, 4),
                Arguments.of("a few bytes", 5, 4),
                Arguments.of("exactly one block", BLOCK, 4),
                Arguments.of("several blocks and a tail", 3 * BLOCK + 12_345, 4),
                Arguments.of("more blocks than one thread keeps in flight", 5 * BLOCK + 1, 1));
    }

    /** SQL-like text with some randomness, so that it compresses but not to nothing. */
    private static byte[] data(int size) {
        Random random = new Random(size);
        byte[] bytes = new byte[size];
        String row = "INSERT INTO public.orders VALUES (%d, 'customer %d', %d.%02d);\n";
        int at = 0;
        while (at < size) {
            byte[] line = String.format(Locale.ROOT, row, at, random.nextInt(10_000), random.nextInt(999), random.nextInt(100)).getBytes(StandardCharsets.US_ASCII);
            int n = Math.min(line.length, size - at);
            System.arraycopy(line, 0, bytes, at, n);
            at += n;
        }
        return bytes;
    }

    private static byte[] compress(byte[] input, int threads) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream gz = new ParallelGzipOutputStream(sink, 1, threads)) {
            // odd-sized writes, so that writes straddle block boundaries
            for (int at = 0; at < input.length; at += 100_003) {
                gz.write(input, at, Math.min(100_003, input.length - at));
            }
        }
        return sink.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void javasGzipReaderGetsTheInputBackExactly(String name, int size, int threads) throws IOException {
        byte[] input = data(size);
        byte[] compressed = compress(input, threads);

        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertThat(in.readAllBytes()).isEqualTo(input);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void theGzipCommandGetsTheInputBackExactly(String name, int size, int threads) throws Exception {
        byte[] input = data(size);
        Path file = tmp.resolve("data.gz");
        Files.write(file, compress(input, threads));

        Process gzip = new ProcessBuilder("gzip", "-dc").redirectInput(file.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] output = gzip.getInputStream().readAllBytes();

        assertThat(gzip.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(gzip.exitValue()).isZero();
        assertThat(output).isEqualTo(input);
    }

    @Test
    void singleByteWritesAreCompressedToo() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream gz = new ParallelGzipOutputStream(sink, 6, 2)) {
            for (byte b : "hello".getBytes(StandardCharsets.US_ASCII)) {
                gz.write(b);
            }
        }

        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(sink.toByteArray()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        }
    }

    @Test
    void eachFullBlockBecomesItsOwnGzipMember() throws IOException {
        byte[] compressed = compress(data(2 * BLOCK + 10), 3);

        int members = 0;
        for (int i = 0; i + 2 < compressed.length; i++) {
            if ((compressed[i] & 0xff) == 0x1f && (compressed[i + 1] & 0xff) == 0x8b && compressed[i + 2] == 8) {
                members++;
            }
        }
        assertThat(members).isGreaterThanOrEqualTo(3);
    }

    @Test
    void finishWritesEverythingButLeavesTheUnderlyingStreamOpen() throws IOException {
        CloseTracking sink = new CloseTracking();
        ParallelGzipOutputStream gz = new ParallelGzipOutputStream(sink, 1, 2);
        gz.write(data(1000));

        gz.finish();

        assertThat(sink.closed).isFalse();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(sink.bytes.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(data(1000));
        }
        gz.close();
        assertThat(sink.closed).isTrue();
    }

    @Test
    void abortClosesTheUnderlyingStreamWithoutWritingPendingData() throws IOException {
        CloseTracking sink = new CloseTracking();
        ParallelGzipOutputStream gz = new ParallelGzipOutputStream(sink, 1, 2);
        gz.write(data(1000));

        gz.abort();
        gz.close();

        assertThat(sink.closed).isTrue();
        assertThat(sink.bytes.size()).isZero();
    }

    private static final class CloseTracking extends FilterOutputStream {
        final ByteArrayOutputStream bytes;
        boolean closed;

        CloseTracking() {
            this(new ByteArrayOutputStream());
        }

        private CloseTracking(ByteArrayOutputStream bytes) {
            super(bytes);
            this.bytes = bytes;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}

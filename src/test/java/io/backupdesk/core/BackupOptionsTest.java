package io.backupdesk.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupOptionsTest {

    private static BackupOptions options(BackupFormat format, Compression compression, int jobs) {
        return BackupOptions.builder().format(format).compression(compression).jobs(jobs).build();
    }

    @Test
    void theDefaultsAreOneCustomFormatWorkerWithGzipLevelOne() {
        BackupOptions o = BackupOptions.defaults();

        assertThat(o.format()).isEqualTo(BackupFormat.CUSTOM);
        assertThat(o.compression()).isEqualTo(Compression.DEFAULT);
        assertThat(o.jobs()).isEqualTo(1);
        assertThat(o.scope()).isEqualTo(DumpScope.ALL);
        assertThat(o.lockWaitTimeout()).isEqualTo(BackupOptions.DEFAULT_LOCK_WAIT);
        assertThat(o.timeout()).isNull();
        assertThat(o.schemas()).isEmpty();
        assertThat(o.tables()).isEmpty();
    }

    @Test
    void theDirectoryFormatDefaultsToOneWorkerPerCoreAtMostFour() {
        int expected = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

        assertThat(options(BackupFormat.DIRECTORY, null, 0).jobs()).isEqualTo(expected);
        assertThat(BackupOptions.defaultJobs()).isBetween(1, 4);
    }

    @Test
    void severalJobsAreKeptForTheDirectoryFormat() {
        assertThat(options(BackupFormat.DIRECTORY, null, 7).jobs()).isEqualTo(7);
    }

    @Test
    void severalJobsWithTheCustomFormatAreRefused() {
        assertThatThrownBy(() -> options(BackupFormat.CUSTOM, null, 2))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("Parallel jobs need the directory format.");
                    assertThat(e.hint()).isEqualTo("Choose the directory format for parallel jobs, or one job.");
                    assertThat(e.commandLineHint()).contains("--format directory");
                });
    }

    @Test
    void oneJobIsFineForEveryFormat() {
        for (BackupFormat format : BackupFormat.values()) {
            assertThat(options(format, null, 1).jobs()).isEqualTo(1);
        }
    }

    @Test
    void plainBackupsRefuseZstd() {
        assertThatThrownBy(() -> options(BackupFormat.PLAIN, Compression.parse("zstd:3"), 0))
                .isInstanceOf(BackupDeskException.class)
                .hasMessage("Plain SQL backups are compressed with gzip.");
    }

    @Test
    void plainBackupsAcceptGzipAndNone() {
        assertThat(options(BackupFormat.PLAIN, Compression.parse("9"), 0).compression().level()).isEqualTo(9);
        assertThat(options(BackupFormat.PLAIN, Compression.parse("none"), 0).compression().isNone()).isTrue();
    }

    @Test
    void aZeroOrNegativeTimeoutMeansNoLimit() {
        BackupOptions zero = BackupOptions.builder().timeout(Duration.ZERO).build();
        BackupOptions negative = BackupOptions.builder().timeout(Duration.ofSeconds(-5)).build();

        assertThat(zero.timeout()).isNull();
        assertThat(negative.timeout()).isNull();
    }

    @Test
    void thePatternListsAreCopiedSoLaterChangesDoNotLeakIn() {
        List<String> schemas = new java.util.ArrayList<>(List.of("sales"));
        BackupOptions o = BackupOptions.builder().schemas(schemas).build();
        schemas.add("hr");

        assertThat(o.schemas()).containsExactly("sales");
    }
}

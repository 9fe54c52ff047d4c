package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Compression;
import io.backupdesk.core.DumpScope;
import io.backupdesk.core.ErrorKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DumpCommandsTest {
    private static final PgVersion PG15 = new PgVersion(150018);
    private static final PgVersion PG16 = new PgVersion(160004);
    private static final Path OUT = Path.of("/backups/prod/sales/sales_20261121-124307.dump.partial");

    private static BackupOptions options(BackupFormat format, String compression, int jobs) {
        return BackupOptions.builder().format(format).compression(Compression.parse(compression)).jobs(jobs).build();
    }

    @Test
    void aCustomDumpForAFifteenClientSpellsTheLevelAlone() {
        assertThat(DumpCommands.pgDump(options(BackupFormat.CUSTOM, "1", 0), PG15, OUT, null)).containsExactly(
                "--no-password", "--verbose", "--format=c", "--file=" + OUT, "--compress=1", "--lock-wait-timeout=60000");
    }

    @Test
    void aCustomDumpForASixteenClientSpellsMethodAndLevel() {
        assertThat(DumpCommands.pgDump(options(BackupFormat.CUSTOM, "1", 0), PG16, OUT, null))
                .contains("--compress=gzip:1")
                .doesNotContain("--compress=1");
    }

    @Test
    void zstdIsPassedOnToASixteenClient() {
        assertThat(DumpCommands.pgDump(options(BackupFormat.CUSTOM, "zstd:3", 0), PG16, OUT, null)).contains("--compress=zstd:3");
    }

    @Test
    void zstdIsRefusedForAFifteenClient() {
        assertThatThrownBy(() -> DumpCommands.pgDump(options(BackupFormat.CUSTOM, "zstd:3", 0), PG15, OUT, null))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("zstd:3", "pg_dump 16 or newer", "15.18");
                });
    }

    @Test
    void noCompressionIsZeroForFifteenAndNoneForSixteen() {
        assertThat(DumpCommands.pgDump(options(BackupFormat.CUSTOM, "none", 0), PG15, OUT, null)).contains("--compress=0");
        assertThat(DumpCommands.pgDump(options(BackupFormat.CUSTOM, "none", 0), PG16, OUT, null)).contains("--compress=none");
    }

    @Test
    void aDirectoryDumpWithSeveralJobsAsksForThem() {
        assertThat(DumpCommands.pgDump(options(BackupFormat.DIRECTORY, "1", 3), PG15, OUT, null)).containsExactly(
                "--no-password", "--verbose", "--format=d", "--file=" + OUT, "--compress=1", "--jobs=3",
                "--lock-wait-timeout=60000");
    }

    @Test
    void aDirectoryDumpWithOneJobLeavesJobsOut() {
        assertThat(DumpCommands.pgDump(options(BackupFormat.DIRECTORY, "1", 1), PG15, OUT, null))
                .noneMatch(a -> a.startsWith("--jobs"));
    }

    @Test
    void aTarDumpGetsNoCompression() {
        assertThat(DumpCommands.pgDump(options(BackupFormat.TAR, "6", 0), PG16, OUT, null)).containsExactly(
                "--no-password", "--verbose", "--format=t", "--file=" + OUT, "--lock-wait-timeout=60000");
    }

    @Test
    void aPlainDumpWritesToStdoutAndIsCompressedByUs() {
        assertThat(DumpCommands.pgDump(options(BackupFormat.PLAIN, "1", 0), PG15, null, null)).containsExactly(
                "--no-password", "--verbose", "--format=p", "--lock-wait-timeout=60000");
    }

    @Test
    void snapshotPatternsAndScopeBecomeOneArgumentEach() {
        BackupOptions o = BackupOptions.builder().format(BackupFormat.CUSTOM).compression(Compression.DEFAULT)
                .schemas(List.of("sales", "Hr Data")).excludeSchemas(List.of("tmp*")).tables(List.of("public.orders"))
                .excludeTables(List.of("audit_log")).scope(DumpScope.SCHEMA_ONLY).lockWaitTimeout(Duration.ofSeconds(5))
                .build();

        assertThat(DumpCommands.pgDump(o, PG15, OUT, "00000003-0000001B-1")).endsWith(
                "--lock-wait-timeout=5000", "--snapshot=00000003-0000001B-1", "--schema=sales", "--schema=Hr Data",
                "--exclude-schema=tmp*", "--exclude-schema=pg_catalog", "--exclude-schema=information_schema",
                "--exclude-schema=pg_toast*", "--exclude-schema=pg_temp_*", "--exclude-schema=pg_toast_temp_*",
                "--table=public.orders", "--exclude-table=audit_log", "--exclude-table=pg_catalog.*",
                "--exclude-table=information_schema.*", "--exclude-table=pg_toast*.*", "--exclude-table=pg_temp_*.*",
                "--exclude-table=pg_toast_temp_*.*", "--schema-only");
    }

    @Test
    void dataOnlyIsPassedOn() {
        BackupOptions o = BackupOptions.builder().scope(DumpScope.DATA_ONLY).build();

        assertThat(DumpCommands.pgDump(o, PG15, OUT, null)).contains("--data-only").doesNotContain("--schema-only");
    }

    @Test
    void globalsAskForRolesAndTablespacesOnly() {
        Path file = Path.of("/b/sales.globals.sql.partial");

        assertThat(DumpCommands.globals(file, "postgres", false)).containsExactly(
                "--no-password", "--globals-only", "--file=" + file, "--database=postgres");
        assertThat(DumpCommands.globals(file, "postgres", true)).endsWith("--no-role-passwords");
    }
}

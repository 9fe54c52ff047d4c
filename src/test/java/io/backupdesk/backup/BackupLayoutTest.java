package io.backupdesk.backup;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.Compression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class BackupLayoutTest {
    private static final LocalDateTime WHEN = LocalDateTime.of(2026, 11, 21, 12, 43, 7);

    @TempDir
    Path root;

    private BackupLayout.BackupPaths allocate(String profile, String database, String label, BackupFormat format,
                                              Compression compression) {
        try {
            return new BackupLayout(root).reserve(profile, database, WHEN, label, format, compression);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private BackupLayout.BackupPaths custom() {
        return allocate("prod", "sales", null, BackupFormat.CUSTOM, Compression.DEFAULT);
    }

    @Test
    void theArchiveIsNamedAfterDatabaseAndTimeUnderProfileAndDatabase() {
        assertThat(custom().archive()).isEqualTo(root.resolve("prod/sales/sales_20261121-124307.dump"));
    }

    @Test
    void aLabelIsAppendedToTheName() {
        assertThat(allocate("prod", "sales", "before-upgrade", BackupFormat.CUSTOM, Compression.DEFAULT).archive())
                .hasFileName("sales_20261121-124307_before-upgrade.dump");
    }

    @Test
    void aBlankLabelIsLeftOut() {
        assertThat(allocate("prod", "sales", "  ", BackupFormat.CUSTOM, Compression.DEFAULT).archive())
                .hasFileName("sales_20261121-124307.dump");
    }

    @Test
    void eachFormatHasItsEnding() {
        assertThat(allocate("p1", "d", null, BackupFormat.DIRECTORY, Compression.DEFAULT).archive()).hasFileName("d_20261121-124307.dir");
        assertThat(allocate("p2", "d", null, BackupFormat.TAR, Compression.DEFAULT).archive()).hasFileName("d_20261121-124307.tar");
        assertThat(allocate("p3", "d", null, BackupFormat.PLAIN, Compression.DEFAULT).archive()).hasFileName("d_20261121-124307.sql.gz");
        assertThat(allocate("p4", "d", null, BackupFormat.PLAIN, Compression.parse("none")).archive())
                .hasFileName("d_20261121-124307.sql");
    }

    @Test
    void unsafeCharactersBecomeUnderscores() {
        BackupLayout.BackupPaths paths = allocate("prod", "my db/2:x", "nightly run*", BackupFormat.CUSTOM, Compression.DEFAULT);

        assertThat(paths.folder()).isEqualTo(root.resolve("prod/my_db_2_x"));
        assertThat(paths.archive()).hasFileName("my_db_2_x_20261121-124307_nightly_run_.dump");
    }

    @Test
    void lettersOfAnyScriptAreKept() {
        assertThat(BackupLayout.safe("Lager_Überblick")).isEqualTo("Lager_Überblick");
    }

    @Test
    void aNameCannotClimbOutOfTheRootOrHideItself() {
        assertThat(BackupLayout.safe("..")).isEqualTo("_.");
        assertThat(BackupLayout.safe(".hidden")).isEqualTo("_hidden");
        assertThat(new BackupLayout(root).folderFor("..", "..")).isEqualTo(root.resolve("_./_."));
    }

    @Test
    void aSecondReservationInTheSameSecondGetsTheNextName() {
        custom();

        assertThat(custom().archive()).hasFileName("sales_20261121-124307-2.dump");
    }

    @Test
    void anArchiveOrSidecarOfAnEarlierBackupAlsoCountsAsTaken() throws IOException {
        Path folder = Files.createDirectories(root.resolve("prod/sales"));
        Files.createFile(folder.resolve("sales_20261121-124307.dump"));
        Files.createFile(folder.resolve("sales_20261121-124307-2.backup.json"));

        assertThat(custom().baseName()).isEqualTo("sales_20261121-124307-3");
    }

    @Test
    void sidecarPartialAndGlobalsNamesShareTheBaseName() {
        BackupLayout.BackupPaths paths = custom();
        Path folder = root.resolve("prod/sales");

        assertThat(paths.sidecar()).isEqualTo(folder.resolve("sales_20261121-124307.backup.json"));
        assertThat(paths.partialArchive()).isEqualTo(folder.resolve("sales_20261121-124307.dump.partial"));
        assertThat(paths.globals()).isEqualTo(folder.resolve("sales_20261121-124307.globals.sql"));
        assertThat(paths.partialGlobals()).isEqualTo(folder.resolve("sales_20261121-124307.globals.sql.partial"));
    }

    @Test
    void reservingCreatesAnOwnerOnlyPartialAndNothingElse() throws IOException {
        BackupLayout.BackupPaths file = custom();
        BackupLayout.BackupPaths folder = allocate("prod", "sales", null, BackupFormat.DIRECTORY, Compression.DEFAULT);

        try (var files = Files.list(file.folder())) {
            assertThat(files).containsExactlyInAnyOrder(file.partialArchive(), folder.partialArchive());
        }
        assertThat(Files.size(file.partialArchive())).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file.partialArchive())))
                .isEqualTo("rw-------");
        assertThat(folder.partialArchive()).isEmptyDirectory();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.partialArchive())))
                .isEqualTo("rwx------");
    }

    @Test
    void theRootIsMadeAbsoluteAndNormal() {
        assertThat(new BackupLayout(Path.of("a/../b")).root()).isEqualTo(Path.of("b").toAbsolutePath());
    }
}

package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.ErrorKind;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The table of contents read from bytes laid out as pg_dump writes them, for every archive version we read. */
class ArchiveTocTest {
    private static final List<TocBytes.Entry> ENTRIES = List.of(
            new TocBytes.Entry(1, "ENCODING", null, "ENCODING", "", "SET client_encoding = 'UTF8';\n", List.of()),
            new TocBytes.Entry(5, "SCHEMA", null, "Sales Dept", "dba", "CREATE SCHEMA \"Sales Dept\";", List.of()),
            new TocBytes.Entry(6, "EXTENSION", null, "pg_trgm", null, "CREATE EXTENSION pg_trgm;", List.of()),
            new TocBytes.Entry(210, "TABLE", "Sales Dept", "Kunden Übersicht", "dba", "CREATE TABLE ...", List.of(5)),
            new TocBytes.Entry(211, "TABLE", " a.b;\"c\": 'd'\\ ", "\nline break ", "App \"Owner\"", "", List.of(5)),
            new TocBytes.Entry(300, "ACL", "Sales Dept", "TABLE \"Kunden Übersicht\"", "dba",
                    "GRANT SELECT ON TABLE \"Sales Dept\".\"Kunden Übersicht\" TO \"Leser Team\";\n", List.of(210)),
            new TocBytes.Entry(3001, "TABLE DATA", "Sales Dept", "Kunden Übersicht", "dba", "", List.of(210)),
            new TocBytes.Entry(3002, "BLOBS", null, "BLOBS", "", "", List.of()));

    @ParameterizedTest(name = "archive version 1.{0}")
    @ValueSource(ints = {10, 11, 12, 13, 14, 15, 16})
    void everyNameComesBackWholeInEachArchiveVersion(int minor) throws IOException {
        for (BackupFormat format : List.of(BackupFormat.CUSTOM, BackupFormat.DIRECTORY, BackupFormat.TAR)) {
            ArchiveToc toc = parse(new TocBytes(minor, code(format)).header("Läger db").entries(ENTRIES).bytes(), format);

            assertThat(toc.archiveVersion()).isEqualTo("1." + minor + ".0");
            assertThat(toc.database()).isEqualTo("Läger db");
            assertThat(toc.serverVersion()).contains(new PgVersion(160004));
            assertThat(toc.entries()).extracting(TocEntry::dumpId).containsExactly(1, 5, 6, 210, 211, 300, 3001, 3002);
            TocEntry odd = toc.entries().get(4);
            assertThat(odd.namespace()).isEqualTo(" a.b;\"c\": 'd'\\ ");
            assertThat(odd.tag()).isEqualTo("\nline break ");
            assertThat(odd.owner()).isEqualTo("App \"Owner\"");
            assertThat(toc.entries().get(2).owner()).as("an extension has no owner").isEmpty();
            assertThat(toc.entries().get(5).sql()).contains("TO \"Leser Team\"");
            assertThat(toc.entries().get(3).sql()).as("only grants are kept").isEmpty();
            assertThat(toc.tableData()).containsExactly(new ArchiveToc.DataEntry(19001, "Sales Dept", "Kunden Übersicht"));
        }
    }

    @Test
    void aDirectoryWhoseTocIsALinkIsRefusedAndTheLinkNotFollowed(@TempDir Path dir) throws IOException {
        Path elsewhere = Files.write(dir.resolve("elsewhere.dat"), new TocBytes(14, 3).header("db").entries(ENTRIES)
                .bytes());
        Path folder = Files.createDirectories(dir.resolve("db.dir"));
        Files.createSymbolicLink(folder.resolve("toc.dat"), elsewhere);

        BackupDeskException e = catchThrowableOfType(() -> ArchiveToc.read(folder), BackupDeskException.class);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("no toc.dat of its own");
    }

    @Test
    void theCreationTimeIsTheHeadersLocalTime() throws IOException {
        ArchiveToc toc = parse(new TocBytes(14, 1).header("db").entries(List.of()).bytes(), BackupFormat.CUSTOM);

        assertThat(toc.createdAt()).isEqualTo(java.time.LocalDateTime.of(2026, 11, 21, 12, 43, 7)
                .atZone(java.time.ZoneId.systemDefault()).toInstant());
    }

    @ParameterizedTest
    @ValueSource(ints = {9, 17, 40})
    void anArchiveVersionWeDoNotKnowIsRefusedByItsNumber(int minor) {
        BackupDeskException e = failure(new TocBytes(minor, 1).header("db").entries(ENTRIES).bytes(), BackupFormat.CUSTOM);

        assertThat(e.kind()).isEqualTo(ErrorKind.VERSION_MISMATCH);
        assertThat(e.getMessage()).contains("archive version 1." + minor + ".0");
    }

    @Test
    void everyTruncationIsAClearErrorAndNeverAnythingElse() {
        byte[] whole = new TocBytes(14, 1).header("db").entries(ENTRIES).bytes();
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(whole, length);

            BackupDeskException e = failure(cut, BackupFormat.CUSTOM);

            assertThat(e.kind()).as("cut at %d", length).isEqualTo(ErrorKind.IO);
            assertThat(e.getMessage()).startsWith("The table of contents of probe.dump cannot be read: ");
        }
    }

    @Test
    void aHugeLengthIsRefusedBeforeAnythingIsAllocated() {
        byte[] bytes = new TocBytes(14, 1).header("db").integer(1).integer(7).integer(0).string("1259").string("1")
                .integer(Integer.MAX_VALUE).pad(200).bytes();

        BackupDeskException e = failure(bytes, BackupFormat.CUSTOM);

        assertThat(e.getMessage()).contains("a name at byte").contains("claims 2147483647 bytes but only 200 are left");
    }

    @Test
    void anEntryCountThatCannotFitIsRefused() {
        BackupDeskException e = failure(new TocBytes(14, 1).header("db").integer(50_000_000).bytes(), BackupFormat.CUSTOM);

        assertThat(e.getMessage()).contains("it lists 50000000 entries but ends 0 bytes later");
    }

    @Test
    void aNegativeEntryIdOrAStrayDependencyIsDamage() {
        byte[] negative = new TocBytes(14, 1).header("db").integer(1).integer(-3).pad(200).bytes();
        byte[] badDependency = new TocBytes(14, 1).header("db").entries(List.of(new TocBytes.Entry(4, "TABLE", "s", "t",
                "o", "", List.of(0)))).bytes();

        assertThat(failure(negative, BackupFormat.CUSTOM).getMessage()).contains("an entry id").contains("-3");
        assertThat(failure(badDependency, BackupFormat.CUSTOM).getMessage()).contains("entry 4 depends on '0'");
    }

    @Test
    void aFormatByteThatDoesNotMatchTheContainerIsDamage() {
        BackupDeskException e = failure(new TocBytes(14, 5).header("db").entries(ENTRIES).bytes(), BackupFormat.CUSTOM);

        assertThat(e.getMessage()).contains("format 5 where a custom archive has 1");
    }

    @Test
    void randomlyDamagedBytesEndInAClearErrorOrAReadingNeverInAnythingElse() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        byte[] whole = new TocBytes(16, 1).header("db").entries(ENTRIES).bytes();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int round = 0; round < 3000; round++) {
                byte[] damaged = whole.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
                try {
                    parse(damaged, BackupFormat.CUSTOM);
                } catch (BackupDeskException e) {
                    assertThat(e.getMessage()).as("seed %d", seed).contains("cannot be read");
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ": " + e, e);
                }
            }
        }, "seed " + seed);
    }

    @Test
    void theTocIsFoundInACustomFileADirectoryAndATarArchive(@TempDir Path dir) throws IOException {
        Path custom = dir.resolve("a.dump");
        Files.write(custom, new TocBytes(14, 1).header("db").entries(ENTRIES).bytes());
        Path folder = Files.createDirectory(dir.resolve("a.dir"));
        Files.write(folder.resolve("toc.dat"), new TocBytes(14, 5).header("db").entries(ENTRIES).bytes());
        Path tar = dir.resolve("a.tar");
        byte[] toc = new TocBytes(14, 3).header("db").entries(ENTRIES).bytes();
        try (OutputStream file = Files.newOutputStream(tar); TarArchiveOutputStream out = new TarArchiveOutputStream(file)) {
            TarArchiveEntry entry = new TarArchiveEntry("toc.dat");
            entry.setSize(toc.length);
            out.putArchiveEntry(entry);
            out.write(toc);
            out.closeArchiveEntry();
        }

        for (Path archive : List.of(custom, folder, tar)) {
            assertThat(ArchiveToc.read(archive).tableData()).as(archive.toString()).hasSize(1);
        }
        assertThat(ArchiveToc.read(tar).format()).isEqualTo(BackupFormat.TAR);
    }

    @Test
    void aFileThatIsNoArchiveSaysSo(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");

        BackupDeskException e = catchThrowableOfType(() -> ArchiveToc.read(text), BackupDeskException.class);

        assertThat(e.getMessage()).isEqualTo("The table of contents of notes.txt cannot be read: it is neither a custom"
                + " archive nor a tar archive with a toc.dat.");
    }

    private static ArchiveToc parse(byte[] bytes, BackupFormat format) throws IOException {
        return ArchiveToc.parse(Path.of("probe.dump"), new ByteArrayInputStream(bytes), bytes.length, format);
    }

    private static BackupDeskException failure(byte[] bytes, BackupFormat format) {
        return catchThrowableOfType(() -> parse(bytes, format), BackupDeskException.class);
    }

    private static int code(BackupFormat format) {
        return switch (format) {
            case CUSTOM -> 1;
            case TAR -> 3;
            default -> 5;
        };
    }
}

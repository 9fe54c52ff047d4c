package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.ErrorKind;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.nio.file.LinkOption;

/**
 * An archive's own table of contents, read from its bytes rather than from {@code pg_restore --list}: the listing is
 * text for people, and names with spaces, quotes or line breaks cannot be told apart in it. The same reading serves
 * the pre-flight, the selective restore's use-list, the import of a foreign dump and the check of a new backup.
 *
 * @param archiveVersion the archive format version, "1.14.0" for pg_dump 12 to 15
 * @param createdAt      when pg_dump started, or null if the header's date is not a date
 */
public record ArchiveToc(BackupFormat format, String archiveVersion, String database, Instant createdAt,
                         Optional<PgVersion> serverVersion, Optional<PgVersion> dumpVersion, List<TocEntry> entries) {

    public ArchiveToc {
        entries = List.copyOf(entries);
    }

    /** One TABLE DATA entry: the table's oid at dump time, its schema and name. */
    public record DataEntry(long oid, String schema, String name) { }

    /** The tables whose rows the archive holds, in archive order. */
    public List<DataEntry> tableData() {
        return entries.stream().filter(e -> e.is("TABLE DATA"))
                .map(e -> new DataEntry(e.oid(), e.namespace(), e.tag())).toList();
    }

    /**
     * Reads the table of contents of a custom archive (a file starting with PGDMP), a tar archive (its toc.dat member)
     * or a directory archive (its toc.dat file).
     *
     * @throws BackupDeskException IO when the file cannot be read or is not what pg_dump writes, VERSION_MISMATCH
     *                             when it is an archive version this reader does not know
     */
    public static ArchiveToc read(Path archive) {
        try {
            if (Files.isDirectory(archive)) {
                Path toc = archive.resolve("toc.dat");
                // a link could lead the read anywhere on this computer; a folder pg_dump wrote holds none
                if (!Files.isRegularFile(toc, LinkOption.NOFOLLOW_LINKS)) {
                    throw damaged(archive, "the folder has no toc.dat of its own (a missing file, or a link)");
                }
                try (InputStream in = new BufferedInputStream(Files.newInputStream(toc))) {
                    return parse(archive, in, Files.size(toc), BackupFormat.DIRECTORY);
                }
            }
            long size = Files.size(archive);
            if (startsWithMagic(archive)) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
                    return parse(archive, in, size, BackupFormat.CUSTOM);
                }
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    if (e.getName().equals("toc.dat")) {
                        return parse(archive, tar, Math.min(e.getSize(), size), BackupFormat.TAR);
                    }
                }
            }
            throw damaged(archive, "it is neither a custom archive nor a tar archive with a toc.dat");
        } catch (IOException e) {
            throw damaged(archive, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * Reads the table of contents from the start of an archive as it streams: a custom archive begins with it, and
     * the tar pg_dump writes begins with its toc.dat. For an archive that is only ever on disk encrypted.
     *
     * @param name the archive's name, for messages
     */
    public static ArchiveToc readStream(Path name, InputStream stream) {
        try {
            BufferedInputStream in = new BufferedInputStream(stream);
            in.mark(8);
            boolean custom = new String(in.readNBytes(5), StandardCharsets.ISO_8859_1).equals("PGDMP");
            in.reset();
            if (custom) {
                return parse(name, in, Long.MAX_VALUE, BackupFormat.CUSTOM);
            }
            TarArchiveInputStream tar = new TarArchiveInputStream(in);
            TarArchiveEntry first = tar.getNextEntry();
            if (first == null || !first.getName().equals("toc.dat")) {
                throw damaged(name, "it is neither a custom archive nor a tar archive starting with its toc.dat");
            }
            return parse(name, tar, first.getSize(), BackupFormat.TAR);
        } catch (IOException e) {
            throw damaged(name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Reads a table of contents from bytes: the header and entries as pg_dump wrote them for that format. */
    static ArchiveToc parse(Path archive, InputStream in, long length, BackupFormat format) throws IOException {
        try {
            return new TocReader(new TocInput(in, length), format).read();
        } catch (TocInput.Damaged e) {
            throw damaged(archive, e.getMessage());
        } catch (TocReader.UnknownVersion e) {
            throw new BackupDeskException(ErrorKind.VERSION_MISMATCH, "The table of contents of " + archive.getFileName()
                    + " cannot be read: " + e.getMessage() + ".",
                    "Use the Backup Desk release that matches the pg_dump this archive came from, or restore it with"
                            + " pg_restore by hand.");
        }
    }

    private static boolean startsWithMagic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(5), StandardCharsets.ISO_8859_1).equals("PGDMP");
        }
    }

    private static BackupDeskException damaged(Path archive, String why) {
        return new BackupDeskException(ErrorKind.IO, "The table of contents of " + archive.getFileName()
                + " cannot be read: " + why + ".", "Verify the backup; a damaged archive cannot be restored.");
    }
}

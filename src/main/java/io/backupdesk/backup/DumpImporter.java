package io.backupdesk.backup;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Progress;
import io.backupdesk.core.Verification;
import io.backupdesk.store.SecureFiles;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Ids;
import io.backupdesk.core.TableCount;
import io.backupdesk.pg.ArchiveToc;
import io.backupdesk.pg.PgVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.nio.file.LinkOption;

/**
 * Brings a dump made elsewhere (by hand, by cron, by pgAdmin) into the catalog: its format is read from its first
 * bytes, its metadata from its header (the archive's table of contents, or the comments of a plain dump). A dump under the
 * backup root gets a sidecar where it is; one from outside is copied in, never moved.
 * <p>
 * Its checksum is taken from the file as it is, so it proves nothing about a dump damaged before: the dump is read
 * in full, as a verify reads it, before it enters the catalog. A damaged one is imported marked corrupt, so that the
 * person who has nothing better sees it and what is wrong with it, and nothing restores it silently.
 */
public final class DumpImporter {
    public static final String ORIGIN_IMPORT = "import";

    private final BackupLayout layout;
    private final VerifyService verifier;

    public DumpImporter(BackupLayout layout, VerifyService verifier) {
        this.layout = layout;
        this.verifier = verifier;
    }

    /** An imported backup, and where the unusable metadata it replaced was put aside, if there was one. */
    public record Imported(BackupCatalog.Entry entry, Optional<Path> setAside) { }

    /**
     * An age-encrypted dump to import: what opens it, and the public keys it is encrypted to (empty for a
     * passphrase), which the sidecar records.
     */
    public record Encrypted(ArchiveDecryption decryption, List<String> recipients) { }

    /** As {@link #importDump(Path, String, Progress, Cancellation)}, without progress. */
    public BackupCatalog.Entry importDump(Path source, String profile) {
        return importDump(source, profile, Progress.NONE, new Cancellation()).entry();
    }

    /**
     * Imports a dump, read in full first. Its status is {@code VERIFIED}, or {@code CORRUPT} with the reason.
     * Metadata of the same name that cannot be used (not valid JSON, or refused as untrusted) is moved aside as
     * {@code *.corrupt-<time>}: importing the dump again is the way back from a damaged sidecar.
     *
     * @param profile the profile to file it under; null files it under "imported"
     * @throws BackupDeskException when it is not a dump, is in the catalog already, or cannot be read or placed
     */
    public Imported importDump(Path source, String profile, Progress progress, Cancellation cancel) {
        return importDump(source, profile, null, progress, cancel);
    }

    /**
     * As {@link #importDump(Path, String, Progress, Cancellation)}; an age-encrypted dump is read through its
     * decryption (its plaintext never written) and filed as {@code <stem><ending>.age}.
     *
     * @param encrypted what opens an encrypted dump; null for one that is not encrypted
     */
    public Imported importDump(Path source, String profile, Encrypted encrypted, Progress progress, Cancellation cancel) {
        Path file = source.toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw BackupDeskException.configuration("There is no file or folder " + file + ".", "Check the path.");
        }
        try {
            EncryptedDump sealed = encrypted == null ? null : new EncryptedDump(file, encrypted.decryption());
            BackupFormat format = sealed != null ? sealed.format() : DumpFormatSniffer.detect(file);
            DumpHeader header = sealed != null ? sealed.header(format)
                    : format == BackupFormat.PLAIN ? PlainDumpHeader.read(file) : archiveHeader(ArchiveToc.read(file));
            String database = Optional.ofNullable(header.database()).orElseGet(() -> guessDatabase(file));
            String name = sealed != null ? sealed.fileName(stem(plainName(file.getFileName().toString())), format)
                    : file.getFileName().toString();
            if (file.startsWith(layout.root())) {
                if (!name.equals(file.getFileName().toString())) {
                    throw BackupDeskException.configuration("An encrypted dump in the backup folder must be named "
                            + name + ", to tell its format.", "Move it out of the backup folder and import it from"
                            + " there; it is copied in under that name.");
                }
                refuseIfListed(sidecarOf(file));
            }
            Path placed = file.startsWith(layout.root()) ? file
                    : copyIn(file, layout.folderFor(profile == null ? "imported" : profile, database), name);
            Path sidecar = sidecarOf(placed);
            refuseIfListed(sidecar);
            Map<String, String> files = Files.isDirectory(placed) ? Sha256.ofFolderFiles(placed) : Map.of();
            String sha = Files.isDirectory(placed) ? Sha256.ofManifest(files) : Sha256.ofFile(placed);
            BackupRecord record = BackupRecord.builder().id(Ids.newId())
                    .profile(profile == null ? "imported" : profile).database(database)
                    .serverVersion(header.serverVersion()).pgDumpVersion(header.dumpVersion())
                    .format(format).compression(header.compression())
                    .fileName(placed.getFileName().toString()).sizeBytes(ArchiveFiles.sizeOf(placed))
                    .sha256(sha).files(files)
                    .createdAt(header.createdAt() == null ? Files.getLastModifiedTime(placed).toInstant()
                            : header.createdAt())
                    .tables(header.tables()).status(BackupStatus.OK).origin(ORIGIN_IMPORT)
                    .encrypted(encrypted != null).recipients(encrypted == null ? List.of() : encrypted.recipients())
                    .build();
            Verification read = verifier.check(new BackupCatalog.Entry(record, sidecar, BackupStatus.OK),
                    encrypted == null ? null : encrypted.decryption(), progress, cancel);
            // the verification is what marks it: every list, cleanup and restore goes by it before the status
            BackupRecord checked = record.withVerification(read);
            Optional<Path> aside = Sidecars.createReplacingUnusable(sidecar, checked);
            return new Imported(new BackupCatalog.Entry(checked, sidecar, read.status()), aside);
        } catch (IOException e) {
            throw new BackupDeskException(ErrorKind.IO, "Could not import " + file + ": " + e.getMessage(),
                    "Check that the file is readable and the backup folder writable.", List.of(), e);
        }
    }

    private static Path sidecarOf(Path archive) {
        return archive.resolveSibling(stem(plainName(archive.getFileName().toString())) + BackupLayout.SIDECAR_SUFFIX);
    }

    /** The name without the {@code .age} an encrypted file's name ends in. */
    static String plainName(String name) {
        return name.endsWith(ArchiveEncryption.SUFFIX) ? name.substring(0, name.length() - ArchiveEncryption.SUFFIX.length())
                : name;
    }

    /** Fails early, before the long read, when usable metadata of this name exists; unusable metadata is no bar. */
    private static void refuseIfListed(Path sidecar) throws IOException {
        if (Files.exists(sidecar, LinkOption.NOFOLLOW_LINKS)) {
            Sidecars.requireReplaceable(sidecar);
        }
    }

    /** What the header of a dump tells. Versions are display text; tables carry no row counts. */
    record DumpHeader(String database, String serverVersion, String dumpVersion, String compression, Instant createdAt,
                      List<TableCount> tables) { }

    /** The header and table list from the archive's own table of contents; a damaged one is refused. */
    static DumpHeader archiveHeader(ArchiveToc toc) {
        List<TableCount> tables = toc.tableData().stream().map(e -> new TableCount(e.schema(), e.name(), null)).toList();
        return new DumpHeader(toc.database(), toc.serverVersion().map(PgVersion::toString).orElse(null),
                toc.dumpVersion().map(PgVersion::toString).orElse(null), "unknown", toc.createdAt(), tables);
    }

    /** @param name the name to give the copy */
    private Path copyIn(Path source, Path folder, String name) throws IOException {
        SecureFiles.createDirectories(folder);
        Path target = folder.resolve(name);
        String stem = stem(plainName(name));
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve(stem + "-" + n + name.substring(stem.length()));
        }
        if (Files.isDirectory(source)) {
            SecureFiles.createDirectories(target);
            try (var children = Files.list(source)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    Files.copy(child, target.resolve(child.getFileName()));
                    SecureFiles.restrictToOwner(target.resolve(child.getFileName()));
                }
            }
        } else {
            Files.copy(source, target);
            SecureFiles.restrictToOwner(target);
            SecureFiles.fsync(target);
        }
        return target;
    }

    /** The name without its dump ending: "sales_2026.sql.gz" gives "sales_2026". */
    static String stem(String name) {
        for (String ending : List.of(".sql.gz", ".dump", ".backup", ".tar", ".sql", ".dir", ".gz", ".pgdump")) {
            if (name.toLowerCase(Locale.ROOT).endsWith(ending) && name.length() > ending.length()) {
                return name.substring(0, name.length() - ending.length());
            }
        }
        return name;
    }

    private static String guessDatabase(Path file) {
        String stem = stem(file.getFileName().toString());
        int underscore = stem.indexOf('_');
        return underscore > 0 ? stem.substring(0, underscore) : stem;
    }
}

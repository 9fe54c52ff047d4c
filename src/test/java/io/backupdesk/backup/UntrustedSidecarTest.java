package io.backupdesk.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A sidecar in a shared folder is untrusted input: whatever it says, the catalog refuses it with the reason and a
 * cleanup, a delete or a lookup never touches a file outside the backup's own.
 */
class UntrustedSidecarTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Schedule NIGHTLY = Schedule.builder().id("s1").profile("p").cron("0 2 * * *").enabled(true)
            .retention(new RetentionPolicy(1, null, null, null, null)).catchUp(Schedule.CatchUp.RUN_ONCE)
            .createdAt(NOW.minusSeconds(86_400 * 30)).build();

    @TempDir
    Path dir;
    private Path folder;
    private Path victim;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private BackupCatalog catalog;

    /** A folder outside the root, and in the catalog a pinned backup and a newest verified one to keep. */
    @BeforeEach
    void aCatalogBesideSomethingPrecious() throws Exception {
        victim = Files.createDirectories(dir.resolve("victim"));
        Files.writeString(victim.resolve("precious.txt"), "not a backup");
        folder = Files.createDirectories(dir.resolve("backups/p/db"));
        Files.createDirectories(folder.resolve("sub"));
        writeSidecar("db_2", genuine("b0000000002", "db_2.dump", NOW.minusSeconds(7_200), true));
        writeSidecar("db_3", genuine("b0000000003", "db_3.dump", NOW.minusSeconds(3_600), false));
        catalog = new BackupCatalog(new BackupLayout(dir.resolve("backups")), warnings::add);
    }

    static Stream<Arguments> craftedSidecars() {
        return Stream.of(
                crafted("a parent path", (s, d) -> s.put("fileName", "../../../victim"), "not a plain file name"),
                crafted("an absolute path", (s, d) -> s.put("fileName", d.resolve("victim").toString()), "not a plain file name"),
                // never a real system file: a regression would delete it on the machine that runs the tests
                crafted("an absolute path to a file", (s, d) -> s.put("fileName", d.resolve("victim/precious.txt")
                        .toString()), "not a plain file name"),
                crafted("a path out through a subfolder", (s, d) -> s.put("fileName", "sub/../../../../victim"), "not a plain file name"),
                crafted("the parent folder itself", (s, d) -> s.put("fileName", ".."), "names a folder"),
                crafted("a Windows parent path", (s, d) -> s.put("fileName", "..\\..\\..\\victim"), "not a plain file name"),
                crafted("a Windows drive path", (s, d) -> s.put("fileName", "C:\\victim"), "not a plain file name"),
                crafted("an empty name", (s, d) -> s.put("fileName", ""), "is empty"),
                crafted("a NUL character", (s, d) -> s.put("fileName", "db_1\u0000.dump"), "not a plain file name"),
                crafted("a very long name", (s, d) -> s.put("fileName", "x".repeat(300) + ".dump"), "longer than 255"),
                crafted("another backup's archive", (s, d) -> s.put("fileName", "db_2.dump"), "not the one a sidecar called"),
                crafted("a symbolic link to outside", (s, d) -> link(d), "symbolic link"),
                crafted("a roles file outside", (s, d) -> s.put("globalsFile", "../../../victim"), "not a plain file name"),
                crafted("another roles file", (s, d) -> s.put("globalsFile", "db_2.globals.sql"), "is not db_1.globals.sql"),
                crafted("an id with path characters", (s, d) -> s.put("id", "../../victim"), "not an id we make"),
                crafted("a negative size", (s, d) -> s.put("sizeBytes", -5), "negative or impossibly large"),
                crafted("a huge size", (s, d) -> s.put("sizeBytes", Long.MAX_VALUE), "negative or impossibly large"),
                crafted("a negative row count", (s, d) -> s.putArray("tables").addObject().put("schema", "public")
                        .put("name", "t").put("rows", -1), "negative row count"),
                crafted("no creation time", (s, d) -> s.putNull("createdAt"), "creation time is missing"),
                crafted("a date far in the future", (s, d) -> s.put("createdAt", "2999-01-01T00:00:00Z"), "in the future"),
                crafted("an unknown format", (s, d) -> s.put("format", "ZIP"), "not valid backup metadata"),
                crafted("no status", (s, d) -> s.putNull("status"), "status is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("craftedSidecars")
    void aCraftedSidecarIsRefusedWithTheReasonAndNothingOutsideItsBackupIsTouched(String what,
            BiConsumer<ObjectNode, Path> craft, String reason) throws Exception {
        ObjectNode json = Json.mapper().valueToTree(genuine("b0000000001", "db_1.dump", NOW.minusSeconds(10_800), false));
        Files.writeString(folder.resolve("db_1.dump"), "PGDMP");
        craft.accept(json, dir);
        Path sidecar = folder.resolve("db_1.backup.json");
        Files.write(sidecar, Json.mapper().writeValueAsBytes(json));

        List<BackupCatalog.Entry> listed = catalog.scan();
        RetentionService retention = new RetentionService(catalog, new JobHistory(dir.resolve("config"), w -> { }),
                Clock.systemUTC());
        retention.apply(retention.plan("p", "db", OriginRetention.ofSchedules("p", List.of(NIGHTLY))));
        BackupDeskException lookup = catchThrowableOfType(() -> catalog.require("b0000000001"), BackupDeskException.class);

        assertThat(victim.resolve("precious.txt")).hasContent("not a backup");
        assertThat(folder.resolve("db_2.dump")).as("the pinned backup").exists();
        assertThat(folder.resolve("db_3.dump")).exists();
        assertThat(sidecar).as("a refused sidecar is left for a person to look at").exists();
        assertThat(listed).extracting(e -> e.record().id()).containsExactly("b0000000003", "b0000000002");
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("db_1.backup.json").contains(reason));
        if (!what.contains("id")) {
            assertThat(lookup).as("the lookup says why").isNotNull();
            assertThat(lookup.getMessage()).contains("refused").contains(reason);
        }
    }

    @Test
    void aSidecarBesideADatabaseFolderThatNamesItIsRefusedAndCleanupKeepsEveryBackupInIt() throws Exception {
        ObjectNode json = Json.mapper().valueToTree(genuine("b0000000009", "db", NOW.minusSeconds(90_000), false));
        Path forged = folder.getParent().resolve("db.backup.json");
        Files.write(forged, Json.mapper().writeValueAsBytes(json));

        List<BackupCatalog.Entry> listed = catalog.scan();
        RetentionService retention = new RetentionService(catalog, new JobHistory(dir.resolve("config"), w -> { }),
                Clock.systemUTC());
        retention.apply(retention.plan("p", "db", OriginRetention.ofSchedules("p", List.of(NIGHTLY))));

        assertThat(listed).extracting(e -> e.record().id()).containsExactly("b0000000003", "b0000000002");
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("db.backup.json").contains("not a CUSTOM backup's file"));
        assertThat(folder.resolve("db_2.dump")).as("the pinned backup").exists();
        assertThat(folder.resolve("db_3.dump")).exists();
    }

    @Test
    void aDirectoryBackupIsDeletedFileByFileAndAFolderHoldingMoreIsLeft() throws Exception {
        Path archive = Files.createDirectories(folder.resolve("db_4.dir"));
        Files.writeString(archive.resolve("toc.dat"), "PGDMP");
        Files.writeString(archive.resolve("3001.dat.gz"), "data");
        Files.writeString(archive.resolve("precious.txt"), "not the backup's");
        BackupRecord record = genuine("b0000000004", "db_4.dir", NOW.minusSeconds(100), false);
        ObjectNode json = Json.mapper().valueToTree(record);
        json.put("format", "DIRECTORY");
        json.putObject("files").put("toc.dat", "0".repeat(64)).put("3001.dat.gz", "1".repeat(64));
        Files.write(folder.resolve("db_4.backup.json"), Json.mapper().writeValueAsBytes(json));

        BackupCatalog.Entry listed = catalog.require("b0000000004");
        Throwable refused = catchThrowableOfType(() -> catalog.delete(listed), Exception.class);

        assertThat(refused).isNotNull();
        assertThat(archive.resolve("toc.dat")).doesNotExist();
        assertThat(archive.resolve("precious.txt")).as("a file the backup did not record").hasContent("not the backup's");
    }

    @Test
    void twoSidecarsClaimingOneIdAreBothRefusedAndTheLookupSaysSo() throws Exception {
        Files.writeString(folder.resolve("db_1.dump"), "PGDMP");
        writeSidecar("db_1", genuine("b0000000003", "db_1.dump", NOW.minusSeconds(10_800), false));

        List<BackupCatalog.Entry> listed = catalog.scan();
        BackupDeskException lookup = catchThrowableOfType(() -> catalog.require("b0000000003"), BackupDeskException.class);

        assertThat(listed).extracting(e -> e.record().id()).containsExactly("b0000000002");
        assertThat(lookup.getMessage()).contains("refused").contains("also claimed by");
        assertThat(folder.resolve("db_1.dump")).exists();
        assertThat(folder.resolve("db_3.dump")).exists();
    }

    @Test
    void aDeleteOfABackupWhoseArchiveBecameALinkSinceItWasListedTouchesNothing() throws Exception {
        BackupCatalog.Entry listed = catalog.require("b0000000003");
        Files.delete(folder.resolve("db_3.dump"));
        Files.createSymbolicLink(folder.resolve("db_3.dump"), victim);

        BackupDeskException refused = catchThrowableOfType(() -> catalog.delete(listed), BackupDeskException.class);

        assertThat(refused.getMessage()).contains("symbolic link");
        assertThat(victim.resolve("precious.txt")).exists();
        assertThat(folder.resolve("db_3.backup.json")).exists();
    }

    private static Arguments crafted(String what, BiConsumer<ObjectNode, Path> craft, String reason) {
        return Arguments.of(what, craft, reason);
    }

    private static void link(Path dir) {
        try {
            Path archive = dir.resolve("backups/p/db/db_1.dump");
            Files.delete(archive);
            Files.createSymbolicLink(archive, dir.resolve("victim"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void writeSidecar(String stem, BackupRecord record) throws Exception {
        Files.writeString(folder.resolve(record.fileName()), "PGDMP");
        Files.write(folder.resolve(stem + BackupLayout.SIDECAR_SUFFIX), Json.mapper().writeValueAsBytes(record));
    }

    private static BackupRecord genuine(String id, String fileName, Instant created, boolean pinned) {
        return BackupRecord.builder().id(id).profile("p").host("h").port(5432).database("db").serverVersion("15.8")
                .pgDumpVersion("15.8").format(BackupFormat.CUSTOM).compression("gzip:1").fileName(fileName)
                .sizeBytes(5).databaseSizeBytes(100).createdAt(created).durationMillis(1_000).status(BackupStatus.OK)
                .origin(NIGHTLY.origin()).pinned(pinned).build();
    }
}

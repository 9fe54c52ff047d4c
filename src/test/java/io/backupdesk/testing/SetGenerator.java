package io.backupdesk.testing;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.backup.Sha256;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Ids;
import io.backupdesk.core.ServerScope;
import io.backupdesk.core.SslMode;
import io.backupdesk.core.TableCount;
import io.backupdesk.core.Verification;
import io.backupdesk.store.Json;
import io.backupdesk.store.ProfileStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes made-up whole-server sets into a catalog folder, as a set's run leaves them: each database's backup with a
 * sidecar naming the set, the roles file, and the manifest last. For the screens' tests and the screenshots, which
 * need sets without a server to make them; the archives hold no dump.
 */
public final class SetGenerator {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneId.systemDefault());

    /**
     * One set to write.
     *
     * @param failed   databases that could not be backed up, with why
     * @param excluded databases the connection's patterns left out
     */
    public record Spec(String profile, String host, Instant at, List<String> databases, Map<String, String> failed,
                       List<String> excluded, boolean pinned) { }

    private SetGenerator() { }

    /** The demo's server connection and its sets: {@code SetGenerator <config dir> <backup root>}. */
    public static void main(String[] args) throws IOException {
        demo(Path.of(args[0]), Path.of(args[1]), Instant.now());
    }

    /**
     * A server connection "cluster-a" whose sets hold three databases and leave test_scratch out: the newest partial
     * (one database refused), the two before complete.
     */
    public static List<String> demo(Path configDir, Path backupRoot, Instant end) throws IOException {
        new ProfileStore(configDir, w -> { }).save(new ConnectionProfile("cluster-a", "pg-a.example.internal", 5432,
                "postgres", "backup", SslMode.REQUIRE, null, List.of(), List.of(),
                new ServerScope(List.of(), List.of("test_*"))));
        List<String> databases = List.of("app_eu", "app_us", "postgres");
        List<String> excluded = List.of("test_scratch");
        List<String> ids = new ArrayList<>();
        ids.add(write(backupRoot, new Spec("cluster-a", "pg-a.example.internal", end.minus(Duration.ofHours(50)),
                databases, Map.of(), excluded, false)));
        ids.add(write(backupRoot, new Spec("cluster-a", "pg-a.example.internal", end.minus(Duration.ofHours(26)),
                databases, Map.of(), excluded, true)));
        ids.add(write(backupRoot, new Spec("cluster-a", "pg-a.example.internal", end.minus(Duration.ofHours(2)),
                databases, Map.of("app_us", "pg_dump: error: permission denied for table payments"), excluded, false)));
        return ids;
    }

    /** Writes the set and returns its id. */
    public static String write(Path backupRoot, Spec spec) throws IOException {
        String setId = Ids.newId();
        String stamp = STAMP.format(spec.at());
        Path folder = Files.createDirectories(backupRoot.resolve(spec.profile()));
        List<BackupSet.Member> members = new ArrayList<>();
        long took = 0;
        int n = 0;
        for (String database : spec.databases()) {
            String error = spec.failed().get(database);
            if (error != null) {
                members.add(new BackupSet.Member(database, null, error));
                continue;
            }
            String id = Ids.newId();
            long size = (n + 1) * 37_000_000L + database.length() * 1_000_000L;
            long millis = 20_000 + n * 9_000L;
            took += millis;
            Path dir = Files.createDirectories(folder.resolve(database));
            String base = database + "_" + stamp;
            byte[] archive = ("PGDMP " + database).getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(base + ".dump"), archive);
            BackupRecord record = BackupRecord.builder().id(id).profile(spec.profile()).host(spec.host()).port(5432)
                    .database(database).serverVersion("16.4").pgDumpVersion("16.4").format(BackupFormat.CUSTOM)
                    .compression("gzip:1").options(BackupOptions.defaults()).fileName(base + ".dump").sizeBytes(size)
                    .databaseSizeBytes(size * 8).sha256(sha256(archive)).createdAt(spec.at().plusMillis(took))
                    .durationMillis(millis).tables(List.of(new TableCount("public", "accounts", 42_000L + n)))
                    .status(BackupStatus.OK).verification(new Verification(BackupStatus.VERIFIED,
                            spec.at().plusMillis(took + 5_000), null))
                    .origin(BackupRecord.ORIGIN_MANUAL).pinned(spec.pinned()).set(setId).build();
            Files.write(dir.resolve(base + BackupLayout.SIDECAR_SUFFIX), Json.mapper().writeValueAsBytes(record));
            members.add(new BackupSet.Member(database, id, null));
            n++;
        }
        String stem = spec.profile() + "_" + stamp;
        byte[] roles = "CREATE ROLE app_owner;\nCREATE ROLE app_reader;\nGRANT app_owner TO app_reader;\n"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(folder.resolve(stem + BackupLayout.GLOBALS_SUFFIX), roles);
        BackupSet set = new BackupSet(BackupSet.SCHEMA_VERSION, setId, spec.profile(), spec.host(), 5432, "16.4",
                BackupFormat.CUSTOM, spec.at(), took + 3_000, stem + BackupLayout.GLOBALS_SUFFIX, sha256(roles),
                null, members, spec.excluded(), null, BackupRecord.ORIGIN_MANUAL, spec.pinned(), false, List.of());
        BackupLayout layout = new BackupLayout(backupRoot);
        new BackupSets(layout, new BackupCatalog(layout, w -> { }), w -> { })
                .create(folder.resolve(stem + BackupLayout.MANIFEST_SUFFIX), set);
        return setId;
    }

    private static String sha256(byte[] bytes) {
        java.security.MessageDigest digest = Sha256.newDigest();
        digest.update(bytes);
        return Sha256.hex(digest);
    }
}

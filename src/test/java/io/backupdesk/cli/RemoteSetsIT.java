package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sets at a folder destination as other desks and the destination's retention see them, on the real server through
 * the real command line: a second desk lists a set by a catalog sync, refuses a crafted manifest with its reason, and
 * the destination's retention removes sets whole and never one member.
 */
@ExtendWith(PostgresServerExtension.class)
class RemoteSetsIT {
    @TempDir
    Path dir;

    @Test
    void aSecondDeskListsASetByACatalogSyncAndRefusesACraftedManifestWithItsReason(TestServer server)
            throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.threeDatabasesWithRoles(server, prefix);
        Path nas = Files.createDirectories(dir.resolve("nas"));
        Cli desk = new Cli(dir.resolve("config"), dir.resolve("backups"));
        SetFixtures.addServerProfile(desk, server, server.user(), server.password(), "srv",
                "--include-database", prefix + "_*");
        assertThat(desk.run("destinations", "add", "nas", "--url", nas.toUri().toString()).code()).isZero();
        JsonNode set = json(desk.run("backup", "srv", "--copy-to", "nas", "--json"));
        String id = set.get("id").asText();
        Path manifest = nas.resolve("srv").resolve(Path.of(set.get("manifest").asText()).getFileName());
        // another set's manifest claiming this set's backups, and one reaching out of its folder for its roles file
        ObjectNode stolen = (ObjectNode) Json.mapper().readTree(Files.readString(manifest));
        stolen.put("id", "0123456789ab");
        stolen.put("globalsFile", (String) null);
        Files.writeString(nas.resolve("srv/srv_20200101-000000.set.json"), stolen.toString());
        ObjectNode escaping = (ObjectNode) Json.mapper().readTree(Files.readString(manifest));
        escaping.put("id", "ba9876543210");
        escaping.put("globalsFile", "../../outside.globals.sql");
        escaping.set("members", Json.mapper().createArrayNode());
        Files.writeString(nas.resolve("srv/srv_20200102-000000.set.json"), escaping.toString());

        Cli second = new Cli(dir.resolve("config2"), dir.resolve("backups2"));
        assertThat(second.run("destinations", "add", "nas", "--url", nas.toUri().toString()).code()).isZero();
        Cli.Run synced = second.run("catalog", "sync", "nas");
        JsonNode listed = json(second.run("list", "--json"));
        Cli.Run text = second.run("list");
        JsonNode remoteSet = StreamSupport.stream(listed.spliterator(), false)
                .filter(n -> "set".equals(n.get("kind").asText())).findFirst().orElseThrow();

        assertThat(synced.code()).as(synced.err()).isZero();
        assertThat(synced.out()).contains("3 backup(s) at nas").contains("1 whole-server set(s) at nas");
        assertThat(synced.err()).contains("srv/srv_20200101-000000.set.json: refused (")
                .contains("does not name this set")
                .contains("srv/srv_20200102-000000.set.json: refused (").contains("the roles file name");
        assertThat(listed.findValuesAsText("id")).doesNotContain("0123456789ab", "ba9876543210");
        assertThat(remoteSet.get("id").asText()).isEqualTo(id);
        assertThat(remoteSet.get("status").asText()).isEqualTo("complete");
        assertThat(remoteSet.get("remoteAt").asText()).isEqualTo("nas");
        assertThat(remoteSet.get("manifest").isNull()).isTrue();
        assertThat(ServerSetBackupIT.databases(remoteSet)).containsExactly(prefix + "_a", prefix + "_b", prefix + "_c");
        assertThat(text.out()).containsPattern(id + "\\s+srv\\s+3 databases .*remote\\s+command line\\s+\\[complete at nas\\] \\[set\\]");
        assertThat(text.out()).as("members are inside their set's line")
                .doesNotContain(set.get("members").get(0).get("backupId").asText());
    }

    @Test
    void aDestinationsRetentionRemovesWholeSetsAndNeverOneMember(TestServer server) throws Exception {
        String prefix = SetFixtures.prefix();
        SetFixtures.threeDatabasesWithRoles(server, prefix);
        Path nas = Files.createDirectories(dir.resolve("nas"));
        Cli desk = new Cli(dir.resolve("config"), dir.resolve("backups"));
        SetFixtures.addServerProfile(desk, server, server.user(), server.password(), "srv",
                "--include-database", prefix + "_*");
        assertThat(desk.run("destinations", "add", "nas", "--url", nas.toUri().toString()).code()).isZero();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(json(desk.run("backup", "srv", "--copy-to", "nas", "--json")).get("id").asText());
        }
        assertThat(desk.run("destinations", "add", "nas", "--url", nas.toUri().toString(), "--keep-last", "1")
                .code()).isZero();

        Cli.Run dry = desk.run("destinations", "prune", "nas", "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would delete set " + ids.get(0)).contains("would delete set " + ids.get(1))
                .contains("kept set " + ids.get(2));
        assertThat(dry.out()).as("no member is judged on its own").doesNotContain(prefix + "_a:");
        assertThat(Fixtures.filesEndingWith(nas, ".backup.json")).hasSize(9);

        JsonNode fourth = json(desk.run("backup", "srv", "--copy-to", "nas", "--json"));
        JsonNode copies = json(desk.run("copies", "--json"));

        assertThat(regular(nas, ".set.json")).as("the copy of the fourth set prunes whole sets").hasSize(1);
        assertThat(regular(nas, ".set.json").get(0).getFileName().toString())
                .isEqualTo(Path.of(fourth.get("manifest").asText()).getFileName().toString());
        assertThat(regular(nas, ".globals.sql")).hasSize(1);
        List<String> kept = new ArrayList<>();
        fourth.get("members").forEach(m -> kept.add(m.get("backupId").asText()));
        assertThat(Fixtures.filesEndingWith(nas, ".backup.json")).as("the kept set's three members, no other")
                .hasSize(3).allSatisfy(s -> assertThat(kept).anyMatch(k -> readId(s).equals(k)));
        assertThat(Fixtures.filesEndingWith(nas, ".dump")).hasSize(3);
        assertThat(copies.findValuesAsText("status")).filteredOn("removed"::equals).as("3 sets and their 9 members")
                .hasSize(12);
        assertThat(Fixtures.filesEndingWith(dir.resolve("backups"), ".dump")).as("the desk's own stay").hasSize(12);
    }

    private static String readId(Path sidecar) {
        try {
            return Json.mapper().readTree(Files.readString(sidecar)).get("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> regular(Path folder, String suffix) throws IOException {
        return Fixtures.filesEndingWith(folder, suffix).stream().filter(Files::isRegularFile).toList();
    }

    private static JsonNode json(Cli.Run run) throws IOException {
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        return Json.mapper().readTree(run.out());
    }
}

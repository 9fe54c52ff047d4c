package io.backupdesk.store;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.SslMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileStoreTest {
    @TempDir
    Path config;

    private final List<String> warnings = new ArrayList<>();

    private ProfileStore store() {
        return new ProfileStore(config, warnings::add);
    }

    private static ConnectionProfile profile(String name) {
        return new ConnectionProfile(name, "db1", 5432, "sales", "alice", SslMode.REQUIRE, null);
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(config)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aMissingFileIsAnEmptyStore() {
        assertThat(store().list()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void savedProfilesAreReadBackByANewStoreSortedByName() {
        store().save(profile("zeta"));
        store().save(profile("alpha"));

        assertThat(store().list()).containsExactly(profile("alpha"), profile("zeta"));
    }

    @Test
    void savingTheSameNameReplacesTheProfile() {
        ProfileStore store = store();
        store.save(profile("prod"));
        store.save(profile("prod").withDatabase("hr"));

        assertThat(store.list()).hasSize(1);
        assertThat(store.find("prod")).map(ConnectionProfile::database).contains("hr");
    }

    @Test
    void removeReportsWhetherThereWasSuchAProfile() {
        ProfileStore store = store();
        store.save(profile("prod"));

        assertThat(store.remove("prod")).isTrue();
        assertThat(store.remove("prod")).isFalse();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void requiringAnUnknownProfileIsAUsageErrorWithAHint() {
        assertThatThrownBy(() -> store().require("nope"))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("There is no profile named 'nope'.");
                    assertThat(e.hint()).isEqualTo("Check the name among the connection profiles, or add a profile"
                            + " with that name.");
                    assertThat(e.commandLineHint()).contains("backupdesk profiles list");
                });
    }

    @Test
    void theFileCarriesItsSchemaVersion() throws IOException {
        store().save(profile("prod"));

        assertThat(Json.mapper().readTree(config.resolve("profiles.json").toFile()).get("schemaVersion").asInt()).isEqualTo(1);
    }

    @Test
    void aCorruptFileIsMovedAsideWithAWarningAndTheStoreStartsEmpty() throws IOException {
        Files.writeString(config.resolve("profiles.json"), "{\"schemaVersion\": 1, \"profiles\": [");

        assertThat(store().list()).isEmpty();

        assertThat(fileNames()).singleElement().asString().matches("profiles\\.json\\.corrupt-\\d{8}-\\d{6}");
        assertThat(warnings).singleElement().asString()
                .startsWith("profiles.json could not be read because it is not valid JSON")
                .contains("It was kept as profiles.json.corrupt-");
    }

    @Test
    void theCorruptFileIsKeptByteForByte() throws IOException {
        String garbage = "{\"schemaVersion\": 1, \"profiles\": [ oops";
        Files.writeString(config.resolve("profiles.json"), garbage);

        store().list();

        try (Stream<Path> files = Files.list(config)) {
            Path aside = files.findFirst().orElseThrow();
            assertThat(Files.readString(aside)).isEqualTo(garbage);
        }
    }

    @Test
    void aFileWithoutSchemaVersionCountsAsCorrupt() throws IOException {
        Files.writeString(config.resolve("profiles.json"), "{\"profiles\": []}");

        assertThat(store().list()).isEmpty();

        assertThat(fileNames()).singleElement().asString().startsWith("profiles.json.corrupt-");
        assertThat(warnings).singleElement().asString().contains("it has no schemaVersion");
    }

    @Test
    void aProfileThatBreaksTheRulesMakesTheFileCorrupt() throws IOException {
        Files.writeString(config.resolve("profiles.json"),
                "{\"schemaVersion\":1,\"profiles\":[{\"name\":\"bad name\",\"host\":\"h\",\"port\":5432,\"database\":\"d\"}]}");

        assertThat(store().list()).isEmpty();

        assertThat(warnings).singleElement().asString().contains("its content is invalid");
    }

    @Test
    void aFileFromANewerVersionIsRefusedAndLeftUntouched() throws IOException {
        Path file = config.resolve("profiles.json");
        String newer = "{\"schemaVersion\": 2, \"profiles\": [], \"groups\": []}";
        Files.writeString(file, newer);

        assertThatThrownBy(() -> store().list())
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).isEqualTo("profiles.json was written by a newer Backup Desk (schema 2).");
                });
        assertThatThrownBy(() -> store().save(profile("prod"))).isInstanceOf(BackupDeskException.class);

        assertThat(Files.readString(file)).isEqualTo(newer);
        assertThat(fileNames()).containsExactly("profiles.json");
        assertThat(warnings).isEmpty();
    }

    @Test
    void savingLeavesNoTemporaryFilesBehind() throws IOException {
        ProfileStore store = store();
        store.save(profile("a"));
        store.save(profile("b"));
        store.remove("a");

        assertThat(fileNames()).containsExactly("profiles.json");
    }

    @Test
    void aConnectionIsStampedWhenAddedAndAnewOnlyWhenItBacksUpSomethingElse() {
        Instant monday = Instant.parse("2026-05-04T09:00:00Z");
        Instant tuesday = Instant.parse("2026-05-05T09:00:00Z");
        new ProfileStore(config, warnings::add, Clock.fixed(monday, ZoneOffset.UTC)).save(profile("prod"));
        ProfileStore later = new ProfileStore(config, warnings::add, Clock.fixed(tuesday, ZoneOffset.UTC));

        later.save(new ConnectionProfile("prod", "db2", 5433, "sales", "bob", SslMode.PREFER, null));
        assertThat(later.addedAt()).as("the same database on another port").containsEntry("prod", monday);
        later.save(profile("prod").withDatabase("hr"));
        assertThat(later.addedAt()).as("issue 19: another database is new to the RPO").containsEntry("prod", tuesday);
        later.save(profile("renamed"));
        later.remove("prod");
        assertThat(later.addedAt()).containsOnlyKeys("renamed");
    }

    @Test
    void aConnectionKeptBeforeTimesWereKeptGetsNoneWhenEditedAndEmptyTimesFromTheFileAreLeftOut() throws IOException {
        Files.writeString(config.resolve("profiles.json"), "{\"schemaVersion\":1,\"profiles\":[{\"name\":\"old\","
                + "\"host\":\"h\",\"port\":5432,\"database\":\"d\"}],\"added\":{\"old\":null,\"ghost\":null}}");
        ProfileStore store = store();

        assertThat(store.addedAt()).isEmpty();
        store.save(new ConnectionProfile("old", "h2", 5432, "d", null, SslMode.PREFER, null));

        assertThat(store.addedAt()).as("its clock still starts at its oldest backup").isEmpty();
        assertThat(warnings).isEmpty();
    }
}

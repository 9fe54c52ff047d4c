package io.backupdesk.engine;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.SslMode;
import io.backupdesk.store.Settings;
import io.backupdesk.store.SettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine makes each part on first use: what a command does not use, it does not read, write or load. */
class EngineTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private Engine engine(Path backupRoot) {
        return new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), backupRoot, warnings::add);
    }

    @Test
    void listingAnEmptyCatalogOnAFreshConfigurationWritesNothing() {
        Engine engine = engine(null);

        assertThat(engine.startupHousekeeping()).isEmpty();
        assertThat(engine.catalog().read().backups()).isEmpty();

        assertThat(dir.resolve("config")).doesNotExist();
        assertThat(engine.catalog().root()).isEqualTo(dir.resolve("config/backups"));
    }

    @Test
    void theCatalogReadsTheSettingsButNotTheProfiles() throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        new SettingsStore(config, warnings::add).save(new Settings(Settings.VERSION, dir.resolve("elsewhere").toString(),
                null, null, null, null, null, null, null, null, null));
        Files.writeString(config.resolve("profiles.json"), "{ not json");
        Engine engine = engine(null);

        assertThat(engine.catalog().root()).isEqualTo(dir.resolve("elsewhere"));
        assertThat(warnings).isEmpty();
        assertThat(config.resolve("profiles.json")).exists();

        assertThat(engine.profiles().list()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("profiles.json");
    }

    @Test
    void theBackupRootOfTheSessionWinsOverTheSettings() {
        new SettingsStore(dir.resolve("config"), warnings::add).save(new Settings(Settings.VERSION,
                dir.resolve("elsewhere").toString(), null, null, null, null, null, null, null, null, null));

        assertThat(engine(dir.resolve("today")).catalog().root()).isEqualTo(dir.resolve("today"));
    }

    @Test
    void aPasswordOfAnEarlierVersionGoesToTheProfilesThatExistedBeforeTheOneBeingAdded() throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("pgpass"), "db.example:5432:*:app:old-pw\n");
        Engine engine = engine(null);

        engine.saveProfile(new ConnectionProfile("new", "db.example", 5432, "sales", "app", SslMode.PREFER, null), null,
                Optional.of("new-pw"));

        assertThat(Files.readString(config.resolve("pgpass"))).as("nobody else took it").contains("old-pw");
        assertThat(engine.credentials().storedPassword(engine.profiles().require("new"))).contains("new-pw");
    }

    @Test
    void startingWithARunsFolderThatHoldsOnlyTheClaimsFindsNothingToCleanUp() throws IOException {
        Path claims = Files.createDirectories(dir.resolve("config/runs/claims"));

        assertThat(engine(null).startupHousekeeping()).isEmpty();
        assertThat(claims).exists();
        assertThat(dir.resolve("config/history.jsonl")).doesNotExist();
    }

    @Test
    void theFilesAKilledRunLeftInTheRunsFolderAreStillCleanedUpAtStart() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("config/runs"));
        Path password = Files.writeString(runs.resolve("r1.pgpass"), "h:5432:*:u:secret");

        assertThat(engine(null).startupHousekeeping()).isEmpty();

        assertThat(password).as("a password file whose run is gone").doesNotExist();
    }
}

package io.backupdesk.store;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsStoreTest {
    @TempDir
    Path config;

    private final List<String> warnings = new ArrayList<>();

    private SettingsStore store() {
        return new SettingsStore(config, warnings::add);
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(config)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void withoutAFileTheDefaultsApply() {
        assertThat(store().load()).isEqualTo(Settings.defaults());
    }

    @Test
    void savedSettingsAreLoadedBack() {
        Settings settings = new Settings(Settings.VERSION, "/srv/backups", "/usr/lib/postgresql/17/bin", false, 12, "dark", "directory", "6",
                new Background(2, true, null, true), new Alerts("https://hooks.example/x",
                new Alerts.MailServer("smtp.example", 587, "starttls", "dba", "desk@example", "dba@example")));
        store().save(settings);

        assertThat(store().load()).isEqualTo(settings);
    }

    @Test
    void fieldsFromANewerMinorReleaseAreIgnored() throws IOException {
        Files.writeString(config.resolve("settings.json"), "{\"schemaVersion\":1,\"backupRoot\":\"/b\",\"accentColour\":\"teal\"}");

        assertThat(store().load().backupRoot()).isEqualTo("/b");
    }

    @Test
    void anEmptyFileIsMovedAsideAndTheDefaultsApply() throws IOException {
        Files.writeString(config.resolve("settings.json"), "");

        assertThat(store().load()).isEqualTo(Settings.defaults());

        assertThat(fileNames()).singleElement().asString().matches("settings\\.json\\.corrupt-\\d{8}-\\d{6}");
        assertThat(warnings).singleElement().asString().startsWith("settings.json could not be read");
    }

    @Test
    void aFileThatIsNotJsonIsMovedAsideWithAWarning() throws IOException {
        Files.writeString(config.resolve("settings.json"), "backupRoot = /b");

        assertThat(store().load()).isEqualTo(Settings.defaults());

        assertThat(fileNames()).singleElement().asString().startsWith("settings.json.corrupt-");
        assertThat(warnings).singleElement().asString().contains("not valid JSON");
    }

    @Test
    void aFileWithoutSchemaVersionIsMovedAside() throws IOException {
        Files.writeString(config.resolve("settings.json"), "{\"backupRoot\":\"/b\"}");

        assertThat(store().load()).isEqualTo(Settings.defaults());

        assertThat(fileNames()).singleElement().asString().startsWith("settings.json.corrupt-");
    }

    @Test
    void savingAfterACorruptFileWasMovedAsideKeepsTheCorruptCopy() throws IOException {
        Files.writeString(config.resolve("settings.json"), "{{");
        SettingsStore store = store();
        store.load();

        store.save(new Settings(Settings.VERSION, "/b", null, null, null, null, null, null, null, null));

        assertThat(fileNames()).hasSize(2).contains("settings.json");
        assertThat(store.load().backupRoot()).isEqualTo("/b");
    }

    @Test
    void aFileFromANewerVersionIsRefusedAndLeftAsItIs() throws IOException {
        Path file = config.resolve("settings.json");
        Files.writeString(file, "{\"schemaVersion\":7,\"backupRoot\":\"/b\"}");

        assertThatThrownBy(() -> store().load())
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("newer Backup Desk (schema 7)");
                    assertThat(e.hint()).contains("reads schema 1");
                });

        assertThat(Files.readString(file)).isEqualTo("{\"schemaVersion\":7,\"backupRoot\":\"/b\"}");
        assertThat(fileNames()).containsExactly("settings.json");
    }

    @Test
    void savingIsAtomicAndLeavesNoTemporaryFile() throws IOException {
        SettingsStore store = store();
        store.save(new Settings(Settings.VERSION, "/a", null, null, null, null, null, null, null, null));
        store.save(new Settings(Settings.VERSION, "/b", null, null, null, null, null, null, null, null));

        assertThat(fileNames()).containsExactly("settings.json");
        assertThat(store.load().backupRoot()).isEqualTo("/b");
    }

    @Test
    void theConfigFolderIsCreatedWhenMissing() {
        SettingsStore store = new SettingsStore(config.resolve("nested/deeper"), warnings::add);
        store.save(Settings.defaults());

        assertThat(config.resolve("nested/deeper/settings.json")).isRegularFile();
    }
}

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
                new Alerts.MailServer("smtp.example", 587, "starttls", "dba", "desk@example", "dba@example")), null);
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

        store.save(new Settings(Settings.VERSION, "/b", null, null, null, null, null, null, null, null, null));

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
        store.save(new Settings(Settings.VERSION, "/a", null, null, null, null, null, null, null, null, null));
        store.save(new Settings(Settings.VERSION, "/b", null, null, null, null, null, null, null, null, null));

        assertThat(fileNames()).containsExactly("settings.json");
        assertThat(store.load().backupRoot()).isEqualTo("/b");
    }

    @Test
    void theConfigFolderIsCreatedWhenMissing() {
        SettingsStore store = new SettingsStore(config.resolve("nested/deeper"), warnings::add);
        store.save(Settings.defaults());

        assertThat(config.resolve("nested/deeper/settings.json")).isRegularFile();
    }

    @Test
    void oneBadValueCostsOnlyThatValueAndTheOriginalIsKeptBeside() throws IOException {
        Path file = config.resolve("settings.json");
        String original = "{\"schemaVersion\":1,\"backupRoot\":\"/srv/backups\",\"rpoHours\":-5,"
                + "\"theme\":\"dark\",\"verifyAfterBackup\":false,\"defaultFormat\":\"directory\"}";
        Files.writeString(file, original);

        Settings loaded = store().load();

        assertThat(loaded.backupRoot()).isEqualTo("/srv/backups");
        assertThat(loaded.theme()).isEqualTo("dark");
        assertThat(loaded.verifiesAfterBackup()).isFalse();
        assertThat(loaded.defaultFormat()).isEqualTo("directory");
        assertThat(loaded.rpoHours()).isNull();
        assertThat(warnings).singleElement().asString()
                .contains("rpoHours -5 is not a whole number of hours from 1 to " + Settings.MAX_RPO_HOURS)
                .contains("kept as settings.json.corrupt-");
        Path copy = onlyCopy();
        assertThat(Files.readString(copy)).isEqualTo(original);
        assertThat(warnings.get(0)).contains(copy.getFileName().toString());
    }

    @Test
    void eachKindOfBadValueIsNamedAndTheGoodOnesStay() throws IOException {
        Files.writeString(config.resolve("settings.json"), "{\"schemaVersion\":1,\"backupRoot\":\"/b\","
                + "\"verifyAfterBackup\":\"often\",\"theme\":\"blue\",\"defaultFormat\":\"zip\","
                + "\"defaultCompression\":\"gzip:42\",\"clientToolsDir\":[1],\"defaultMaxSize\":\"lots\","
                + "\"background\":{\"maxConcurrentJobs\":0,\"startAtLogin\":true},"
                + "\"alerts\":{\"webhookUrl\":\"https://hooks.example/x\",\"mail\":{\"port\":\"many\"}}}");

        Settings loaded = store().load();

        assertThat(loaded).isEqualTo(new Settings(Settings.VERSION, "/b", null, null, null, null, null, null,
                new Background(null, true, null, null), new Alerts("https://hooks.example/x", null), null));
        assertThat(warnings).singleElement().asString().contains("8 values")
                .contains("defaultMaxSize \"lots\" cannot be used: 'lots' is not a size")
                .contains("verifyAfterBackup \"often\" is not true or false")
                .contains("theme \"blue\" is not light or dark")
                .contains("defaultFormat \"zip\" cannot be used: Unknown backup format 'zip'. Use custom, directory, tar or plain;")
                .contains("defaultCompression \"gzip:42\" cannot be used")
                .contains("clientToolsDir [1] is not text")
                .contains("background.maxConcurrentJobs 0 is not a whole number of jobs from 1 to 8")
                .contains("alerts.mail {\"port\":\"many\"} is not a mail server");
    }

    @Test
    void theRepairIsWrittenSoTheNextLoadNeitherWarnsNorCopiesAgain() throws IOException {
        Files.writeString(config.resolve("settings.json"), "{\"schemaVersion\":1,\"backupRoot\":\"/b\",\"rpoHours\":\"x\"}");
        store().load();
        warnings.clear();

        assertThat(store().load().backupRoot()).isEqualTo("/b");

        assertThat(warnings).isEmpty();
        assertThat(fileNames()).hasSize(2).contains("settings.json");
    }

    @Test
    void aRelativeBackupFolderIsRefusedBecauseItWouldDependOnTheStartingFolder() throws IOException {
        Files.writeString(config.resolve("settings.json"), "{\"schemaVersion\":1,\"backupRoot\":\"backups\",\"rpoHours\":12}");

        Settings loaded = store().load();

        assertThat(loaded.backupRoot()).isNull();
        assertThat(loaded.rpoHours()).isEqualTo(12);
        assertThat(warnings).singleElement().asString().contains("backupRoot \"backups\" is not a full path");
        assertThat(Files.readString(onlyCopy())).contains("\"backups\"");
    }

    @Test
    void validSettingsAreNeitherRewrittenNorCopied() throws IOException {
        String text = "{\"schemaVersion\":1,\"backupRoot\":\"/b\",\"rpoHours\":12,\"accentColour\":\"teal\"}";
        Files.writeString(config.resolve("settings.json"), text);

        store().load();

        assertThat(warnings).isEmpty();
        assertThat(fileNames()).containsExactly("settings.json");
        assertThat(Files.readString(config.resolve("settings.json"))).isEqualTo(text);
    }

    private Path onlyCopy() throws IOException {
        List<String> copies = fileNames().stream().filter(n -> n.startsWith("settings.json.corrupt-")).toList();
        assertThat(copies).singleElement().asString().matches("settings\\.json\\.corrupt-\\d{8}-\\d{6}");
        assertThat(config.resolve("settings.json")).isRegularFile();
        return config.resolve(copies.get(0));
    }
}

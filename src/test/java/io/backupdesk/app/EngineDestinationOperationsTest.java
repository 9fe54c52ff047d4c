package io.backupdesk.app;

import io.backupdesk.core.Destination;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.testing.EmbeddedSftpServer;
import io.backupdesk.ui.SyncTaskRunner;
import io.backupdesk.ui.settings.DestinationFormViewModel;
import io.backupdesk.ui.settings.DestinationOperations;
import io.backupdesk.ui.settings.DestinationsViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Destinations section on a real engine, in a temporary configuration folder: a destination is stamped when it
 * is first saved, and an SFTP server (in this JVM, on the loopback) shows its host key on the first connection, is
 * tested only once the key is trusted, and is not asked about again.
 */
class EngineDestinationOperationsTest {
    @TempDir
    Path dir;
    private Engine engine;
    private DestinationOperations destinations;

    @BeforeEach
    void setUp() {
        engine = new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"), w -> { });
        destinations = new EngineDestinationOperations(engine);
    }

    @Test
    void aNewDestinationIsStampedWhenItIsFirstSavedAndKeepsThatTimeAfterwards() throws Exception {
        String nas = Files.createDirectories(dir.resolve("nas")).toUri().toString();
        destinations.save(new Destination("nas", nas, null, null, false, null, null, null, null, false, null),
                Optional.empty());
        Destination first = destinations.list().get(0).destination();

        destinations.save(new Destination("nas", nas, null, null, false, null, null, null, null, true,
                first.createdAt()), Optional.empty());

        assertThat(first.createdAt()).isNotNull();
        assertThat(destinations.list()).singleElement().satisfies(listed -> {
            assertThat(listed.destination().createdAt()).isEqualTo(first.createdAt());
            assertThat(listed.destination().requireEncryption()).isTrue();
            assertThat(listed.hasSecrets()).isFalse();
        });
        assertThat(destinations.test("nas")).startsWith("Wrote, read back and removed a test file");
    }

    @Test
    void anSftpServersFirstHostKeyIsShownTrustedAndThenTheServerIsTested() throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(dir.resolve("server"), "backup", "hunter2")) {
            Files.createDirectories(server.root().resolve("backups"));
            DestinationsViewModel model = new DestinationsViewModel(destinations, new SyncTaskRunner());
            model.load();
            DestinationFormViewModel form = model.newForm(Destination.Kind.SFTP);
            form.nameProperty().set("lab");
            form.urlProperty().set(server.url("backup", "/backups"));
            form.passwordProperty().set("hunter2");

            model.saveAndTest(form);

            assertThat(form.offerProperty().get()).isNotNull();
            assertThat(form.offerProperty().get().fingerprintSha256()).startsWith("SHA256:");
            assertThat(form.offerProperty().get().port()).isEqualTo(server.port());
            model.trust(form);

            assertThat(form.outcomeProperty().get()).isEqualTo("Saved. Wrote, read back and removed a test file at "
                    + server.url("backup", "/backups") + ".");
            assertThat(Files.readString(dir.resolve("config").resolve("known_hosts")))
                    .contains("[127.0.0.1]:" + server.port());
            assertThat(destinations.untrustedHostKey("lab")).as("trusted once, not asked again").isEmpty();
            assertThat(destinations.list()).singleElement().satisfies(l -> assertThat(l.hasSecrets()).isTrue());
        }
    }
}

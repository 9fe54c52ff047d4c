package io.backupdesk.ui.connections;

import io.backupdesk.core.ConnectionDefaults;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ServerScope;
import io.backupdesk.core.SslMode;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.pg.ConnectionCheck;
import io.backupdesk.pg.PgVersion;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server connection on the connections screen over a real profile store: the toggle, its patterns, the databases
 * found and which are left out. The server's answer to "which databases" is given by hand; the engine's query is
 * exercised against the test server by the connection check's own test.
 */
class ServerConnectionViewModelTest {
    @TempDir
    Path dir;
    private ProfileStore store;
    private ConnectionsViewModel model;
    private List<String> serverDatabases = List.of("app_eu", "app_us", "postgres", "test_scratch");
    private ConnectionProfile listedFor;

    @BeforeEach
    void setUp() {
        store = new ProfileStore(dir, w -> { });
        model = new ConnectionsViewModel(new ProfileOperations() {
            @Override
            public List<ConnectionProfile> list() {
                return store.list();
            }

            @Override
            public void save(ConnectionProfile profile, String previousName, Optional<String> password) {
                store.save(profile);
            }

            @Override
            public void remove(ConnectionProfile profile) {
                store.remove(profile.name());
            }

            @Override
            public boolean hasStoredPassword(ConnectionProfile profile) {
                return false;
            }

            @Override
            public ConnectionCheck.Report test(ConnectionProfile profile, Optional<String> password) {
                return new ConnectionCheck.Report(profile.describe(), "15.4", new PgVersion(150004), 8_000_000,
                        Optional.empty(), Optional.empty(), List.of());
            }

            @Override
            public List<String> databases(ConnectionProfile profile, Optional<String> password) {
                listedFor = profile;
                return serverDatabases;
            }

            @Override
            public List<StoredKey> keys() {
                return List.of();
            }

            @Override
            public ConnectionDefaults defaults() {
                return new ConnectionDefaults("db.example", 5432, "dba", "sales", SslMode.PREFER, null);
            }
        }, new SyncTaskRunner());
        model.load();
    }

    @Test
    void theToggleMakesTheDatabaseTheLoginOneAndGivesTheTypedOneBackWhenOff() {
        ConnectionFormViewModel form = model.form();
        assertThat(form.databaseProperty().get()).isEqualTo("sales");

        form.wholeServerProperty().set(true);
        assertThat(form.databaseProperty().get()).isEqualTo("postgres");

        form.wholeServerProperty().set(false);
        assertThat(form.databaseProperty().get()).isEqualTo("sales");
    }

    @Test
    void aServerConnectionIsSavedWithItsPatternsAndComesBackAsOneWhenSelected() {
        ConnectionFormViewModel form = model.form();
        form.nameProperty().set("prod");
        form.wholeServerProperty().set(true);
        form.databaseProperty().set("maintenance");
        form.includeProperty().set("app_*, postgres");
        form.excludeProperty().set(" app_us ,");

        model.save();

        ConnectionProfile saved = store.find("prod").orElseThrow();
        assertThat(saved.wholeServer()).isTrue();
        assertThat(saved.database()).isEqualTo("maintenance");
        assertThat(saved.server()).isEqualTo(new ServerScope(List.of("app_*", "postgres"), List.of("app_us")));

        model.newProfile();
        assertThat(form.wholeServerProperty().get()).isFalse();
        model.select(saved);
        assertThat(form.wholeServerProperty().get()).isTrue();
        // loading a server connection does not put postgres over the login database it was saved with
        assertThat(form.databaseProperty().get()).isEqualTo("maintenance");
        assertThat(form.includeProperty().get()).isEqualTo("app_*, postgres");
        assertThat(form.excludeProperty().get()).isEqualTo("app_us");
        assertThat(form.profile()).isEqualTo(saved);
    }

    @Test
    void aConnectionToOneDatabaseIsSavedWithoutAScope() {
        model.form().nameProperty().set("one");
        model.form().includeProperty().set("ignored_*");

        model.save();

        assertThat(store.find("one").orElseThrow().wholeServer()).isFalse();
    }

    @Test
    void theDatabasesFoundFollowThePatternsAsTheyAreTyped() {
        ConnectionFormViewModel form = model.form();
        form.wholeServerProperty().set(true);
        form.excludeProperty().set("test_*");

        model.findDatabases();

        assertThat(listedFor.wholeServer()).isTrue();
        assertThat(model.found()).containsExactly(new FoundDatabase("app_eu", false), new FoundDatabase("app_us", false),
                new FoundDatabase("postgres", false), new FoundDatabase("test_scratch", true));
        assertThat(model.foundSummaryProperty().get()).isEqualTo("Found 4 databases: 3 in each set, 1 left out.");

        form.includeProperty().set("app_*");
        assertThat(model.found()).filteredOn(FoundDatabase::excluded).extracting(FoundDatabase::name)
                .containsExactly("postgres", "test_scratch");
        assertThat(model.foundSummaryProperty().get()).isEqualTo("Found 4 databases: 2 in each set, 2 left out.");
    }

    @Test
    void aPatternPgDumpallWouldRefuseIsNamedAndStopsTheSave() {
        ConnectionFormViewModel form = model.form();
        form.wholeServerProperty().set(true);
        model.findDatabases();

        form.excludeProperty().set("sales.public");

        assertThat(form.patternsError().get()).contains("not a database pattern");
        assertThat(model.canSave().get()).isFalse();
        assertThat(model.found()).noneMatch(FoundDatabase::excluded);
        assertThat(model.foundSummaryProperty().get()).contains("once they are right");
    }

    @Test
    void aServerConnectionsTestAlsoFindsItsDatabases() {
        model.form().wholeServerProperty().set(true);

        model.test();

        assertThat(model.outcomeProperty().get().ok()).isTrue();
        assertThat(model.found()).hasSize(4);
    }

    @Test
    void theListSaysAServerConnectionBacksUpEveryDatabaseAndWhichAreLeftOut() {
        ConnectionProfile server = new ConnectionProfile("prod", "db.example", 5432, "postgres", "dba", SslMode.PREFER,
                null, List.of(), List.of(), new ServerScope(List.of(), List.of("test_*")));

        assertThat(ConnectionsViewModel.where(server)).isEqualTo("dba@db.example:5432");
        assertThat(ConnectionsViewModel.scope(server)).isEqualTo("Every database except test_*");
        assertThat(ConnectionsViewModel.scope(server.withServer(new ServerScope(List.of("app_*"), List.of()))))
                .isEqualTo("Databases matching app_*");
        assertThat(ConnectionsViewModel.where(server.withServer(null))).isEqualTo("dba@db.example:5432/postgres");
        assertThat(ConnectionsViewModel.scope(server.withServer(null))).isEmpty();
    }
}

package io.backupdesk.app;

import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ServerScope;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import io.backupdesk.ui.SyncTaskRunner;
import io.backupdesk.ui.restorewizard.SetRestoreWizardViewModel;
import io.backupdesk.ui.restorewizard.UnlockViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set restore wizard over the real engine: a set made by the command line of two databases of this test's own,
 * one of them restored back by safe replace through the wizard, its roles previewed (all there already) first.
 */
@ExtendWith(PostgresServerExtension.class)
class SetRestoreWizardIT {
    @Test
    void aDatabaseOfASetIsRestoredThroughTheWizardAfterItsRolesPreview(TestServer server, @TempDir Path dir)
            throws Exception {
        String prefix = "bdsetui" + ProcessHandle.current().pid() + "n" + System.nanoTime() % 100_000;
        Path config = dir.resolve("config");
        Engine desk = serverWithItems(server, config, prefix, List.of(prefix + "_a", prefix + "_b"));
        Cli.Run backup = new Cli(config).run("backup", "srv");
        assertThat(backup.code()).as(backup.err()).isZero();
        BackupSets.SetEntry set = desk.backupSets().read().sets().get(0);
        server.execute(prefix + "_a", "delete from items where id > 100");

        SetRestoreWizardViewModel wizard = new SetRestoreWizardViewModel(set, new EngineSetRestoreOperations(desk),
                new SyncTaskRunner());
        wizard.load();
        assertThat(wizard.targetProperty().get().name()).isEqualTo("srv");
        wizard.databases().stream().filter(d -> !d.database().equals(prefix + "_a"))
                .forEach(d -> d.chosenProperty().set(false));
        wizard.modeProperty().set(RestoreMode.SAFE_REPLACE);
        wizard.rolesProperty().set(RolesMode.CREATE_MISSING);
        wizard.next();

        assertThat(wizard.problemProperty().get()).isEmpty();
        assertThat(wizard.previewProperty().get().roles().rolesToCreate()).as("every role is there already").isEmpty();
        assertThat(wizard.previewProperty().get().roles().existingRoles()).contains(server.user());
        assertThat(wizard.canRestore().get()).isTrue();
        wizard.restore();

        try {
            assertThat(wizard.problemProperty().get()).isEmpty();
            assertThat(wizard.reportProperty().get().succeeded()).as(wizard.reportProperty().get().summary()).isTrue();
            assertThat(items(server, prefix + "_a")).isEqualTo(300);
        } finally {
            adoptKeptAside(server, prefix);
        }
    }

    @Test
    void anEncryptedSetWhoseKeyHasAPassphraseIsOpenedInTheWizardBeforeItsPreview(TestServer server, @TempDir Path dir)
            throws Exception {
        String prefix = "bdsetkey" + ProcessHandle.current().pid() + "n" + System.nanoTime() % 100_000;
        String name = prefix + "_a";
        Path config = dir.resolve("config");
        Engine desk = serverWithItems(server, config, prefix, List.of(name));
        Cli cli = new Cli(config);
        assertThat(cli.withInput("correct horse battery\n", "keys", "generate", "vault", "--passphrase-stdin").code())
                .isZero();
        Cli.Run backup = cli.run("backup", "srv", "--encrypt-to", "vault");
        assertThat(backup.code()).as(backup.err()).isZero();
        BackupSets.SetEntry set = desk.backupSets().read().sets().get(0);
        server.execute(name, "delete from items where id > 100");

        SetRestoreWizardViewModel wizard = new SetRestoreWizardViewModel(set, new EngineSetRestoreOperations(desk),
                new SyncTaskRunner());
        wizard.load();

        assertThat(wizard.unlock().stateProperty().get()).as("the stored key is protected by its passphrase")
                .isEqualTo(UnlockViewModel.State.NEEDS_PASSPHRASE);
        assertThat(wizard.canNext().get()).as("issue 16: no preview before the set can be opened").isFalse();
        wizard.unlock().unlock("wrong horse".toCharArray());
        assertThat(wizard.canNext().get()).isFalse();
        wizard.unlock().unlock("correct horse battery".toCharArray());
        assertThat(wizard.unlock().stateProperty().get()).isEqualTo(UnlockViewModel.State.OPEN);
        assertThat(wizard.canNext().get()).isTrue();
        wizard.modeProperty().set(RestoreMode.SAFE_REPLACE);
        wizard.rolesProperty().set(RolesMode.SKIP);
        wizard.next();
        assertThat(wizard.problemProperty().get()).isEmpty();
        wizard.restore();

        try {
            assertThat(wizard.problemProperty().get()).isEmpty();
            assertThat(wizard.reportProperty().get().succeeded()).as(wizard.reportProperty().get().summary()).isTrue();
            assertThat(items(server, name)).isEqualTo(300);
        } finally {
            adoptKeptAside(server, prefix);
        }
    }

    /**
     * Databases of 300 items each and a desk in {@code config} with the server connection "srv" to those of the
     * prefix, its password stored.
     */
    private static Engine serverWithItems(TestServer server, Path config, String prefix, List<String> databases) {
        for (String name : databases) {
            server.adopt(name);
            server.execute("postgres", "create database " + name + " template template0");
            server.execute(name, "create table items as select generate_series(1, 300) as id");
        }
        Engine desk = new Engine(new AppPaths(config, config), null, warning -> { });
        ConnectionProfile srv = server.profile("srv", "postgres")
                .withServer(new ServerScope(List.of(prefix + "_*"), List.of()));
        desk.profiles().save(srv);
        desk.credentials().store(srv, server.password());
        return desk;
    }

    private static long items(TestServer server, String database) throws Exception {
        try (Connection c = server.connect(database);
             ResultSet rs = c.createStatement().executeQuery("select count(*) from items")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The databases a safe replace kept aside are the test's too, to be dropped with it. */
    private static void adoptKeptAside(TestServer server, String prefix) throws Exception {
        try (Connection c = server.connect("postgres");
             ResultSet rs = c.createStatement().executeQuery("select datname from pg_database where datname like '"
                     + prefix + "%'")) {
            while (rs.next()) {
                server.adopt(rs.getString(1));
            }
        }
    }
}

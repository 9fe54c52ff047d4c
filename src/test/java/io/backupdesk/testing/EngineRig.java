package io.backupdesk.testing;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.BackupService;
import io.backupdesk.backup.DumpImporter;
import io.backupdesk.backup.RunRegistry;
import io.backupdesk.backup.VerifyService;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.pg.ConnectionFactory;
import io.backupdesk.pg.Credentials;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ToolDiscovery;
import io.backupdesk.pg.ToolSelection;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.ProfilePasswords;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.RestoreStore;
import io.backupdesk.restore.RestoreService;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The backup services wired the way the app wires them, over a temporary config folder and backup root, with the
 * client programs a test chooses. Warnings are collected for assertions.
 */
public final class EngineRig {
    public final Path configDir;
    public final Path backupRoot;
    public final List<String> warnings = new ArrayList<>();
    public final ProfileStore profiles;
    public final ProfilePasswords passwords;
    public final JobHistory history;
    public final RunRegistry runs;
    public final ToolSelection tools;
    public final BackupLayout layout;
    public final BackupCatalog catalog;
    public final VerifyService verifier;
    public final BackupService backups;
    public final DumpImporter importer;
    public final RestoreService restores;
    private final TestServer server;

    public EngineRig(Path dir, TestServer server, ToolDiscovery discovery) {
        this.server = server;
        this.configDir = dir.resolve("config");
        this.backupRoot = dir.resolve("backups");
        Clock clock = Clock.systemDefaultZone();
        this.profiles = new ProfileStore(configDir, warnings::add);
        this.passwords = new ProfilePasswords(configDir.resolve("passwords"));
        this.history = new JobHistory(configDir, warnings::add);
        this.runs = new RunRegistry(configDir.resolve("runs"), history, clock);
        this.tools = new ToolSelection(discovery);
        this.layout = new BackupLayout(backupRoot);
        this.catalog = new BackupCatalog(layout, warnings::add);
        ProcessRunner runner = new ProcessRunner();
        this.verifier = new VerifyService(tools, runner, clock);
        Credentials credentials = new Credentials(passwords, configDir.resolve("runs"));
        this.backups = new BackupService(layout, tools, new ConnectionFactory(), credentials, runner, runs, history,
                verifier, clock);
        this.importer = new DumpImporter(layout, verifier);
        this.restores = new RestoreService(tools, new ConnectionFactory(), credentials, runner, catalog, backups,
                verifier, new RestoreStore(configDir), history, runs, configDir.resolve("runs"), clock);
    }

    /** The start-up cleanup as the app runs it, dropping what dead restores left on the server. */
    public List<io.backupdesk.core.JobRun> startupHousekeeping() {
        return runs.recoverInterrupted((profile, database, oid) ->
                restores.dropLeftover(profiles.require(profile), database, oid));
    }

    /** With the client programs installed on this machine. */
    public static EngineRig standard(Path dir, TestServer server) {
        return new EngineRig(dir, server, ToolDiscovery.standard(null, System.getenv()));
    }

    /** Saves a profile for the database and stores the server's password for it. */
    public ConnectionProfile addProfile(String name, String database) {
        return addProfile(name, server, database);
    }

    /** Saves a profile for a database on another server than the rig's, with that server's password. */
    public ConnectionProfile addProfile(String name, TestServer on, String database) {
        ConnectionProfile profile = on.profile(name, database);
        profiles.save(profile);
        passwords.store(profile, on.password());
        return profile;
    }

    public BackupRecord backup(ConnectionProfile profile, BackupOptions options) {
        return backup(profile, options, Progress.NONE, new Cancellation());
    }

    public BackupRecord backup(ConnectionProfile profile, BackupOptions options, Progress progress, Cancellation cancel) {
        return backups.backup(new BackupService.Request(profile, options, BackupRecord.ORIGIN_MANUAL, Optional.empty()),
                progress, cancel).record();
    }
}

package io.backupdesk.engine;

import io.backupdesk.alert.AlertDispatcher;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.BackupService;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.backup.DumpImporter;
import io.backupdesk.backup.RetentionService;
import io.backupdesk.backup.RunRegistry;
import io.backupdesk.backup.SetRetention;
import io.backupdesk.backup.VerifyService;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobRun;
import io.backupdesk.pg.ConnectionCheck;
import io.backupdesk.pg.ConnectionFactory;
import io.backupdesk.pg.Credentials;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ServerInspector;
import io.backupdesk.pg.TableInfo;
import io.backupdesk.pg.ToolDiscovery;
import io.backupdesk.pg.ToolSelection;
import io.backupdesk.restore.RestoreService;
import io.backupdesk.schedule.BackupScheduler;
import io.backupdesk.schedule.DueRuns;
import io.backupdesk.crypto.AgeKeyStore;
import io.backupdesk.jobs.BackupDefaults;
import io.backupdesk.jobs.BackupJob;
import io.backupdesk.jobs.CleanupJob;
import io.backupdesk.jobs.CopyJob;
import io.backupdesk.jobs.DatabaseClaims;
import io.backupdesk.jobs.EncryptionKeys;
import io.backupdesk.jobs.Jobs;
import io.backupdesk.jobs.Presets;
import io.backupdesk.jobs.Schedules;
import io.backupdesk.jobs.RemoteBackups;
import io.backupdesk.jobs.RestoreJob;
import io.backupdesk.jobs.SetBackupJob;
import io.backupdesk.jobs.SetRestoreJob;
import io.backupdesk.jobs.HealthJob;
import io.backupdesk.jobs.StaleDatabases;
import io.backupdesk.jobs.TestRestore;
import io.backupdesk.jobs.VerifyJob;
import io.backupdesk.schedule.ExecutorTimers;
import io.backupdesk.schedule.ScheduledBackup;
import io.backupdesk.schedule.StoredSchedules;
import io.backupdesk.stats.DashboardStats;
import io.backupdesk.stats.StatsService;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.PgPassFile;
import io.backupdesk.store.ProfilePasswords;
import io.backupdesk.store.PresetStore;
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.RestoreStore;
import io.backupdesk.store.ScheduleStore;
import io.backupdesk.store.SettingsStore;
import io.backupdesk.store.SmtpPasswordStore;
import io.backupdesk.store.AcknowledgementStore;
import io.backupdesk.store.StaleAlertStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The headless composition root: stores, tools and services wired by hand, shared by the CLI, the scheduler and the
 * desktop app. Holds no JavaFX. Everything it hands out is thread-safe.
 *
 * <p>Each part is made on first use, with the parts it needs (see {@code Once}): a command line run builds only what
 * its command uses, so {@code list} reads the settings and the catalog and loads nothing to do with servers.
 */
public final class Engine {
    private final AppPaths paths;
    private final Path backupRootOverride;
    private final Consumer<String> warnings;
    private final Clock clock;
    private final Once<SettingsStore> settingsStore = new Once<>();
    private final Once<ProfileStore> profiles = new Once<>();
    private final Once<Credentials> credentials = new Once<>();
    private final Once<JobHistory> history = new Once<>();
    private final Once<SmtpPasswordStore> smtpPassword = new Once<>();
    private final Once<AlertDispatcher> alerts = new Once<>();
    private final Once<RunRegistry> runs = new Once<>();
    private final Once<ToolSelection> tools = new Once<>();
    private final Once<ConnectionFactory> connections = new Once<>();
    private final Once<ProcessRunner> runner = new Once<>();
    private final Once<BackupLayout> layout = new Once<>();
    private final Once<BackupCatalog> catalog = new Once<>();
    private final Once<BackupSets> backupSets = new Once<>();
    private final Once<VerifyService> verifier = new Once<>();
    private final Once<BackupService> backups = new Once<>();
    private final Once<DumpImporter> importer = new Once<>();
    private final Once<RestoreService> restores = new Once<>();
    private final Once<StatsService> stats = new Once<>();
    private final Once<ScheduleStore> schedules = new Once<>();
    private final Once<RetentionService> retention = new Once<>();
    private final Once<DatabaseClaims> claims = new Once<>();
    private final Once<StaleAlertStore> staleAlerts = new Once<>();
    private final Once<Jobs> jobs = new Once<>();
    private final Once<Offsite> offsite = new Once<>();

    /**
     * @param backupRootOverride a backup root for this session only (the CLI's --backup-root); null for the setting
     * @param warnings           receives notes for the user, e.g. that a corrupt settings file was moved aside; given
     *                           when the part that reads the file is first used
     */
    public Engine(AppPaths paths, Path backupRootOverride, Consumer<String> warnings) {
        this.paths = paths;
        this.backupRootOverride = backupRootOverride;
        this.warnings = warnings;
        this.clock = new SystemClock();
    }

    private Jobs wireJobs() {
        CleanupJob cleanup = new CleanupJob(retention(), new SetRetention(backupSets(), history(), clock), schedules());
        RemoteBackups remote = offsite().remoteBackups(catalog(), retention()::latestRunFailed, clock);
        RestoreJob restore = new RestoreJob(restores(), claims(), encryptionKeys(), verifier(), decryptedCopies(), remote,
                clock);
        CopyJob copy = new CopyJob(offsite().destinations(), offsite().stores(), offsite().ledger(), catalog(),
                backupSets(), alerts(), remote, clock);
        SetBackupJob sets = new SetBackupJob(backups(), backupSets(), catalog(), layout(), connections(), credentials(),
                runs(), claims(), history(), clock);
        Presets presets = new Presets(new PresetStore(paths.configDir(), warnings), profiles(), schedules(),
                this::backupDefaults);
        BackupJob backup = new BackupJob(profiles(), backups(), cleanup,
                new TestRestore(restores(), restore, history(), clock), history(), alerts(), claims(),
                this::backupDefaults, encryptionKeys(), copy, sets, presets, clock);
        HealthJob health = new HealthJob(profiles(), schedules(), catalog(), backupSets(), history(),
                new AcknowledgementStore(paths.configDir(), warnings), statsService(), () -> settings().load().rpo(),
                clock);
        StaleDatabases stale = new StaleDatabases(health::now,
                staleAlerts.get(() -> new StaleAlertStore(paths.configDir(), warnings)), alerts(),
                () -> settings().load().rpo(), clock);
        SetRestoreJob setRestore = new SetRestoreJob(restore, restores(), encryptionKeys());
        return new Jobs(backup, sets, restore, setRestore, new VerifyJob(verifier(), encryptionKeys(), clock), cleanup,
                stale, health, copy, offsite().destinationsJob(), remote, presets, this::backupDefaults,
                new Schedules(schedules(), profiles(), presets, clock));
    }

    /** The age keys backups are encrypted to, in the configuration folder. */
    public AgeKeyStore keys() {
        return new AgeKeyStore(paths.configDir().resolve("keys"));
    }

    /** What backups are encrypted to: stored keys' names and age1… public keys, checked and resolved. */
    public EncryptionKeys encryptionKeys() {
        return new EncryptionKeys(keys());
    }

    /** The use cases, each in one place, that every front end calls. */
    public Jobs jobs() {
        return jobs.get(this::wireJobs);
    }

    /** The defaults a backup takes from the settings, as they are now. */
    public BackupDefaults backupDefaults() {
        return BackupDefaults.of(settings().load());
    }

    /**
     * Cleans up after runs that died with their app: their partial files and per-run password files go, the databases
     * a restore was restoring into are dropped, and the runs are recorded as interrupted. Call once at start, before
     * any run begins. A run leaves files in the runs folder (the claims' folder holds none of them): where there is
     * no file, nothing is loaded to find that out, since every command of the command line starts with this.
     */
    public List<JobRun> startupHousekeeping() {
        for (Path work : List.of(decryptedCopies(), offsite().downloads())) {
            if (Files.isDirectory(work)) {
                RestoreJob.removeAbandonedCopies(work);
            }
        }
        if (!Folders.holdsAFile(paths.runsDir())) {
            return List.of();
        }
        return runs().recoverInterrupted((profile, database, oid) ->
                restores().dropLeftover(profiles().require(profile), database, oid));
    }

    /** Where encrypted backups are decrypted while they are restored; owner-only, emptied at every start. */
    private Path decryptedCopies() {
        return paths.runsDir().resolve("decrypted");
    }

    /** Destinations, their secrets and the copy ledger. */
    public Offsite offsite() {
        return offsite.get(() -> new Offsite(paths, warnings));
    }

    public AppPaths paths() {
        return paths;
    }

    public SettingsStore settings() {
        return settingsStore.get(() -> new SettingsStore(paths.configDir(), warnings));
    }

    public ProfileStore profiles() {
        return profiles.get(() -> new ProfileStore(paths.configDir(), warnings, clock));
    }

    public Credentials credentials() {
        return credentials.get(() -> {
            ProfilePasswords passwords = new ProfilePasswords(paths.configDir().resolve("passwords"));
            // earlier versions kept every password in one shared file keyed by login; each profile takes its line along
            passwords.migrateFrom(new PgPassFile(paths.configDir().resolve("pgpass")), profiles().list());
            return new Credentials(passwords, paths.runsDir());
        });
    }

    public JobHistory history() {
        return history.get(() -> new JobHistory(paths.configDir(), warnings));
    }

    public SmtpPasswordStore smtpPassword() {
        return smtpPassword.get(() -> new SmtpPasswordStore(paths.configDir()));
    }

    /** The webhook and e-mail alerts, as the settings say at the moment of each alert. */
    public AlertDispatcher alerts() {
        return alerts.get(() -> AlertDispatcher.forSettings(settings(), smtpPassword()));
    }

    private RunRegistry runs() {
        return runs.get(() -> new RunRegistry(paths.runsDir(), history(), clock));
    }

    /** The client programs, from the folder the settings name when first used, else from the standard places. */
    public ToolSelection tools() {
        return tools.get(() -> {
            String folder = settings().load().clientToolsDir();
            return new ToolSelection(ToolDiscovery.standard(folder == null ? null : Path.of(folder), System.getenv()));
        });
    }

    private ConnectionFactory connections() {
        return connections.get(ConnectionFactory::new);
    }

    private ProcessRunner runner() {
        return runner.get(ProcessRunner::new);
    }

    /** The backup folder of this session: the override, else the settings' folder when first used, else the default. */
    private BackupLayout layout() {
        return layout.get(() -> {
            String configured = backupRootOverride != null ? null : settings().load().backupRoot();
            return new BackupLayout(backupRootOverride != null ? backupRootOverride
                    : configured != null ? Path.of(configured) : paths.defaultBackupRoot());
        });
    }

    public BackupCatalog catalog() {
        return catalog.get(() -> new BackupCatalog(layout(), warnings));
    }

    /** The whole-server sets under the backup root, their members taken from the catalog. */
    public BackupSets backupSets() {
        return backupSets.get(() -> new BackupSets(layout(), catalog(), warnings));
    }

    public BackupService backups() {
        return backups.get(() -> new BackupService(layout(), tools(), connections(), credentials(), runner(), runs(),
                history(), verifier(), clock));
    }

    public VerifyService verifier() {
        return verifier.get(() -> new VerifyService(tools(), runner(), clock));
    }

    public RestoreService restores() {
        return restores.get(() -> new RestoreService(tools(), connections(), credentials(), runner(), catalog(),
                backups(), verifier(), new RestoreStore(paths.configDir()), history(), runs(), paths.runsDir(), clock));
    }

    public DumpImporter importer() {
        return importer.get(() -> new DumpImporter(layout(), verifier()));
    }

    /** The databases with a job in this process: one job per database, scheduled or started on a screen. */
    private DatabaseClaims claims() {
        // shared with the other processes on this configuration: the command line, run-due, the app
        return claims.get(() -> new DatabaseClaims(paths.runsDir().resolve("claims")));
    }

    public ScheduleStore schedules() {
        return schedules.get(() -> new ScheduleStore(paths.configDir(), warnings));
    }

    public RetentionService retention() {
        return retention.get(() -> new RetentionService(catalog(), history(), clock));
    }

    public Clock clock() {
        return clock;
    }

    public StoredSchedules storedSchedules() {
        return new StoredSchedules(schedules(), profiles(), history(), clock);
    }

    /**
     * What a run of a schedule does, on this engine.
     *
     * @param problems receives what went wrong after a backup succeeded (its cleanup, its test restore)
     */
    public ScheduledBackup scheduledBackup(Consumer<String> problems) {
        return new ScheduledBackup(jobs().backup(), problems);
    }

    /**
     * The schedules' runs as an OS scheduler starts them ({@code schedule run-due}), under the same claims as the app.
     *
     * @param problems receives what went wrong after a backup succeeded (its cleanup, its test restore)
     */
    public DueRuns dueRuns(Consumer<String> problems) {
        StoredSchedules stored = storedSchedules();
        return new DueRuns(stored, stored, stored, claims(), scheduledBackup(problems), clock);
    }

    /** A scheduler over the stored schedules with real timers; the caller starts and closes it. */
    public BackupScheduler newScheduler(Consumer<String> problems) {
        StoredSchedules stored = storedSchedules();
        return new BackupScheduler(stored, stored, scheduledBackup(problems), stored, clock, new ExecutorTimers(),
                settings().load().backgroundOrDefaults().concurrentJobs(), claims());
    }

    public ConnectionCheck connectionCheck() {
        return new ConnectionCheck(connections(), tools(), credentials());
    }

    /**
     * Removes a profile and its stored password; other profiles with the same login keep their own. Its backups stay.
     * The passwords are made first, as in {@link #saveProfile}.
     *
     * @return the profile as it was
     */
    public ConnectionProfile removeProfile(String name) {
        Credentials passwords = credentials();
        ConnectionProfile profile = profiles().require(name);
        profiles().remove(name);
        passwords.forget(name);
        return profile;
    }

    /**
     * Saves a profile, under a new name when renamed (its password moves along), and stores the password given for
     * this profile alone.
     *
     * @param previousName the name it had, or null for a new profile
     * @param password     empty keeps the stored one
     */
    public void saveProfile(ConnectionProfile profile, String previousName, Optional<String> password) {
        boolean renamed = previousName != null && !previousName.equals(profile.name());
        // made first: the shared file of earlier versions is shared out among the profiles as they were before
        Credentials passwords = credentials();
        profiles().save(profile);
        if (renamed) {
            passwords.rename(previousName, profile.name());
            profiles().remove(previousName);
        }
        password.ifPresent(p -> passwords.store(profile, p));
    }

    /** The tables a backup of the profile's database could hold, read from the server. */
    public List<TableInfo> tablesOf(ConnectionProfile profile, Optional<String> password) {
        Optional<String> login = password.or(() -> credentials().storedPassword(profile));
        try (ServerInspector inspector = new ServerInspector(
                connections().open(profile, profile.database(), login), profile.describe())) {
            return inspector.dumpableTables(List.of(), List.of(), List.of(), List.of());
        }
    }

    /** The app log's lines about one run, oldest first, from the current and the rotated log files. */
    public List<String> logLinesOf(String runId) {
        return RunLogLines.of(paths.logsDir(), runId);
    }

    /**
     * The dashboard's numbers as of now: the catalog scanned, the history read, the RPO from the settings, and the
     * health of the databases of the connections that exist now, as {@link HealthJob} judges it.
     */
    public DashboardStats stats() {
        BackupCatalog.Listing backups = catalog().read();
        List<JobRun> runs = history().readAll();
        return statsService().compute(backups.backups(), runs, settings().load().rpo(),
                Folders.freeSpace(catalog().root()), jobs().health().scope(backups, runs));
    }

    private StatsService statsService() {
        return stats.get(() -> new StatsService(clock));
    }
}

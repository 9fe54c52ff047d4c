package io.backupdesk.engine;

import io.backupdesk.alert.AlertDispatcher;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.BackupService;
import io.backupdesk.backup.DumpImporter;
import io.backupdesk.backup.RetentionService;
import io.backupdesk.backup.RunRegistry;
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
import io.backupdesk.jobs.DatabaseClaims;
import io.backupdesk.jobs.Jobs;
import io.backupdesk.jobs.RestoreJob;
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
import io.backupdesk.store.ProfileStore;
import io.backupdesk.store.RestoreStore;
import io.backupdesk.store.ScheduleStore;
import io.backupdesk.store.Settings;
import io.backupdesk.store.SettingsStore;
import io.backupdesk.store.SmtpPasswordStore;
import io.backupdesk.store.StaleAlertStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The headless composition root: stores, tools and services wired by hand, shared by the CLI, the scheduler and the
 * desktop app. Holds no JavaFX. Everything it hands out is thread-safe.
 */
public final class Engine {
    private final AppPaths paths;
    private final SettingsStore settingsStore;
    private final ProfileStore profiles;
    private final Credentials credentials;
    private final JobHistory history;
    private final SmtpPasswordStore smtpPassword;
    private final AlertDispatcher alerts;
    private final RunRegistry runs;
    private final ToolSelection tools;
    private final ConnectionFactory connections = new ConnectionFactory();
    private final ProcessRunner runner = new ProcessRunner();
    private final BackupLayout layout;
    private final BackupCatalog catalog;
    private final VerifyService verifier;
    private final BackupService backups;
    private final DumpImporter importer;
    private final RestoreService restores;
    private final StatsService stats;
    private final ScheduleStore schedules;
    private final RetentionService retention;
    private final Clock clock;
    private final DatabaseClaims claims;
    private final StaleAlertStore staleAlerts;
    private final Jobs jobs;

    /**
     * @param backupRootOverride a backup root for this session only (the CLI's --backup-root); null for the setting
     * @param warnings           receives notes for the user, e.g. that a corrupt settings file was moved aside
     */
    public Engine(AppPaths paths, Path backupRootOverride, Consumer<String> warnings) {
        this.paths = paths;
        this.clock = Clock.systemDefaultZone();
        // shared with the other processes on this configuration: the command line, run-due, the app
        this.claims = new DatabaseClaims(paths.runsDir().resolve("claims"));
        this.settingsStore = new SettingsStore(paths.configDir(), warnings);
        Settings settings = settingsStore.load();
        this.profiles = new ProfileStore(paths.configDir(), warnings);
        ProfilePasswords passwords = new ProfilePasswords(paths.configDir().resolve("passwords"));
        // earlier versions kept every password in one shared file keyed by login; each profile takes its line along
        passwords.migrateFrom(new PgPassFile(paths.configDir().resolve("pgpass")), profiles.list());
        this.credentials = new Credentials(passwords, paths.runsDir());
        this.history = new JobHistory(paths.configDir(), warnings);
        this.smtpPassword = new SmtpPasswordStore(paths.configDir());
        this.alerts = AlertDispatcher.forSettings(settingsStore, smtpPassword);
        this.runs = new RunRegistry(paths.runsDir(), history, clock);
        Path toolsDir = settings.clientToolsDir() == null ? null : Path.of(settings.clientToolsDir());
        this.tools = new ToolSelection(ToolDiscovery.standard(toolsDir, System.getenv()));
        Path root = backupRootOverride != null ? backupRootOverride
                : settings.backupRoot() != null ? Path.of(settings.backupRoot()) : paths.defaultBackupRoot();
        this.layout = new BackupLayout(root);
        this.catalog = new BackupCatalog(layout, warnings);
        this.verifier = new VerifyService(tools, runner, clock);
        this.backups = new BackupService(layout, tools, connections, credentials, runner, runs, history, verifier, clock);
        this.importer = new DumpImporter(layout, verifier);
        this.restores = new RestoreService(tools, connections, credentials, runner, catalog, backups, verifier,
                new RestoreStore(paths.configDir()), history, runs, paths.runsDir(), clock);
        this.stats = new StatsService(clock);
        this.schedules = new ScheduleStore(paths.configDir(), warnings);
        this.retention = new RetentionService(catalog, history, clock);
        this.staleAlerts = new StaleAlertStore(paths.configDir(), warnings);
        this.jobs = wireJobs();
    }

    private Jobs wireJobs() {
        CleanupJob cleanup = new CleanupJob(retention, schedules);
        BackupJob backup = new BackupJob(profiles, backups, cleanup, new TestRestore(restores, history, clock), history,
                alerts, claims, this::backupDefaults, clock);
        StaleDatabases stale = new StaleDatabases(() -> stats().health(), staleAlerts, alerts,
                () -> settingsStore.load().rpo(), clock);
        return new Jobs(backup, new RestoreJob(restores, claims), new VerifyJob(verifier), cleanup, stale,
                this::backupDefaults);
    }

    /** The age keys backups are encrypted to, in the configuration folder. */
    public AgeKeyStore keys() {
        return new AgeKeyStore(paths.configDir().resolve("keys"));
    }

    /** The use cases, each in one place, that every front end calls. */
    public Jobs jobs() {
        return jobs;
    }

    /** The defaults a backup takes from the settings, as they are now. */
    public BackupDefaults backupDefaults() {
        return BackupDefaults.of(settingsStore.load());
    }

    /**
     * Cleans up after runs that died with their app: their partial files and per-run password files go, the databases
     * a restore was restoring into are dropped, and the runs are recorded as interrupted. Call once at start, before
     * any run begins.
     */
    public List<JobRun> startupHousekeeping() {
        return runs.recoverInterrupted((profile, database, oid) ->
                restores.dropLeftover(profiles.require(profile), database, oid));
    }

    public AppPaths paths() {
        return paths;
    }

    public SettingsStore settings() {
        return settingsStore;
    }

    public ProfileStore profiles() {
        return profiles;
    }

    public Credentials credentials() {
        return credentials;
    }

    public JobHistory history() {
        return history;
    }

    public SmtpPasswordStore smtpPassword() {
        return smtpPassword;
    }

    /** The webhook and e-mail alerts, as the settings say at the moment of each alert. */
    public AlertDispatcher alerts() {
        return alerts;
    }

    public ToolSelection tools() {
        return tools;
    }

    public BackupCatalog catalog() {
        return catalog;
    }

    public BackupService backups() {
        return backups;
    }

    public VerifyService verifier() {
        return verifier;
    }

    public RestoreService restores() {
        return restores;
    }

    public DumpImporter importer() {
        return importer;
    }

    public ScheduleStore schedules() {
        return schedules;
    }

    public RetentionService retention() {
        return retention;
    }

    public Clock clock() {
        return clock;
    }

    public StoredSchedules storedSchedules() {
        return new StoredSchedules(schedules, profiles, history, clock);
    }

    /**
     * What a run of a schedule does, on this engine.
     *
     * @param problems receives what went wrong after a backup succeeded (its cleanup, its test restore)
     */
    public ScheduledBackup scheduledBackup(Consumer<String> problems) {
        return new ScheduledBackup(jobs.backup(), problems);
    }

    /**
     * The schedules' runs as an OS scheduler starts them ({@code schedule run-due}), under the same claims as the app.
     *
     * @param problems receives what went wrong after a backup succeeded (its cleanup, its test restore)
     */
    public DueRuns dueRuns(Consumer<String> problems) {
        StoredSchedules stored = storedSchedules();
        return new DueRuns(stored, stored, stored, claims, scheduledBackup(problems), clock);
    }

    /** A scheduler over the stored schedules with real timers; the caller starts and closes it. */
    public BackupScheduler newScheduler(Consumer<String> problems) {
        StoredSchedules stored = storedSchedules();
        return new BackupScheduler(stored, stored, scheduledBackup(problems), stored, clock, new ExecutorTimers(),
                settingsStore.load().backgroundOrDefaults().concurrentJobs(), claims);
    }

    public ConnectionCheck connectionCheck() {
        return new ConnectionCheck(connections, tools, credentials);
    }

    /**
     * Removes a profile and its stored password; other profiles with the same login keep their own. Its backups stay.
     *
     * @return the profile as it was
     */
    public ConnectionProfile removeProfile(String name) {
        ConnectionProfile profile = profiles.require(name);
        profiles.remove(name);
        credentials.forget(name);
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
        profiles.save(profile);
        if (renamed) {
            credentials.rename(previousName, profile.name());
            profiles.remove(previousName);
        }
        password.ifPresent(p -> credentials.store(profile, p));
    }

    /** The tables a backup of the profile's database could hold, read from the server. */
    public List<TableInfo> tablesOf(ConnectionProfile profile, Optional<String> password) {
        Optional<String> login = password.or(() -> credentials.storedPassword(profile));
        try (ServerInspector inspector = new ServerInspector(
                connections.open(profile, profile.database(), login), profile.describe())) {
            return inspector.dumpableTables(List.of(), List.of(), List.of(), List.of());
        }
    }

    /** At most this many lines of one run are shown; a run logs a dozen. */
    private static final int RUN_LOG_LINES = 200;

    /** The app log's lines about one run, oldest first, from the current and the rotated log files. */
    public List<String> logLinesOf(String runId) {
        Path logs = paths.logsDir();
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> oldestFirst = files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted(Comparator.comparing(p -> p.toFile().lastModified())).toList();
            for (Path file : oldestFirst) {
                try (Stream<String> text = Files.lines(file)) {
                    text.filter(line -> line.contains(runId)).forEach(lines::add);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return lines;
        }
        return lines.size() > RUN_LOG_LINES ? lines.subList(lines.size() - RUN_LOG_LINES, lines.size()) : lines;
    }

    /**
     * The dashboard's numbers as of now: the catalog scanned, the history read, the RPO from the settings, and the
     * health of the databases of the connections that exist now.
     */
    public DashboardStats stats() {
        java.util.Set<String> profiles = profiles().list().stream().map(io.backupdesk.core.ConnectionProfile::name)
                .collect(java.util.stream.Collectors.toSet());
        return stats.compute(catalog.scan(), history.readAll(), settingsStore.load().rpo(), freeSpace(catalog.root()),
                profiles::contains);
    }

    /** Free space on the volume of the folder, or of its nearest existing parent; -1 when it cannot be told. */
    static long freeSpace(Path folder) {
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace();
                } catch (IOException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}

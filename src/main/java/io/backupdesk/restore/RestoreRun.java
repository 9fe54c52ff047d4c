package io.backupdesk.restore;

import io.backupdesk.backup.ArchiveDecryption;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupService;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Progress;
import io.backupdesk.core.TableCount;
import io.backupdesk.core.RestoreRecord;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.Credentials;
import io.backupdesk.pg.TargetServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.Locale;
import java.sql.Statement;

/** One restore: pre-flight, the mode's steps, validation, report. */
final class RestoreRun {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreRun.class);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

    private final RestoreService.Services services;
    private final RestorePlan plan;
    private final ConnectionProfile target;
    private final Optional<String> runtimePassword;
    private final Optional<String> password;
    private final String id;
    private final Progress progress;
    private final Consumer<String> log;
    private final Cancellation cancel;
    private final Journal journal;
    private final String origin;
    private final Instant started;
    private final ArchiveReader reader;
    /** The archive's contents as the pre-flight read them, so the restore does not read them again. */
    private ArchiveContents readContents;

    RestoreRun(RestoreService.Services services, RestorePlan plan, ArchiveDecryption decryption,
               Optional<String> runtimePassword, String id, Progress progress, Consumer<String> log, Cancellation cancel,
               Journal journal) {
        this(services, plan, decryption, runtimePassword, id, "manual", progress, log, cancel, journal);
    }

    /**
     * @param decryption opens an encrypted backup as it streams; null for one that is not encrypted
     * @param origin     who asked for it, for the log: "manual", a schedule, or the restore it puts back
     */
    RestoreRun(RestoreService.Services services, RestorePlan plan, ArchiveDecryption decryption,
               Optional<String> runtimePassword, String id, String origin, Progress progress, Consumer<String> log,
               Cancellation cancel, Journal journal) {
        this.services = services;
        this.plan = plan;
        this.reader = new ArchiveReader(plan.source(), decryption);
        this.target = plan.target();
        this.runtimePassword = runtimePassword;
        this.password = runtimePassword.or(() -> services.credentials().storedPassword(plan.target()));
        this.id = id;
        this.progress = progress;
        this.log = log;
        this.cancel = cancel;
        this.journal = journal;
        this.origin = origin;
        this.started = services.clock().instant();
    }

    List<PreflightCheck> preflight() {
        RestoreService.phase(progress, "Checking the backup");
        List<PreflightCheck> checks = new ArrayList<>(Preflight.ofSource(plan, services.verifier()));
        ArchiveContents contents = ArchiveContents.NONE;
        List<PreflightCheck> archive = new ArrayList<>();
        try {
            ClientInstallation client = RestoreService.clientFor(services.tools(), plan.source());
            String tool = plan.source().record().format() == BackupFormat.PLAIN ? "psql" : "pg_restore";
            archive.add(PreflightCheck.ok(CheckId.RESTORE_TOOL, "Using " + tool + " " + client.version() + " from "
                    + client.binDir() + "."));
            contents = contents();
            readContents = contents;
            archive.add(PreflightCheck.ok(CheckId.READABLE, "The backup's table of contents can be read."));
        } catch (BackupDeskException e) {
            CheckId which = e.kind() == ErrorKind.VERSION_MISMATCH || e.kind() == ErrorKind.TOOL_MISSING
                    ? CheckId.RESTORE_TOOL : CheckId.READABLE;
            archive.add(PreflightCheck.block(which, e.getMessage(), e.hint()));
        }
        checks.add(Preflight.options(plan, contents));
        checks.addAll(archive);
        RestoreService.phase(progress, "Checking " + target.describe());
        boolean exists;
        try (TargetServer server = openServer()) {
            checks.addAll(Preflight.ofTarget(plan, server, contents, target.describe(), isLocal(target)));
            exists = server.exists(plan.database());
        }
        if (exists && readContents != null && plan.mode() == RestoreMode.IN_PLACE
                && !plan.flags().restores(RestoreSection.PRE_DATA)) {
            checks.add(tablesInPlace(contents));
        }
        return checks;
    }

    /** The tables that rows or post-data go into, in place: they must be there, and may be emptied. */
    private PreflightCheck tablesInPlace(ArchiveContents contents) {
        try (Connection c = services.connections().open(target, plan.database(), password)) {
            return RowsInPlace.check(c, plan, contents);
        } catch (SQLException | BackupDeskException e) {
            return PreflightCheck.block(CheckId.TABLES, "The tables of " + plan.database() + " could not be read: "
                    + e.getMessage(), "Check that the login may read " + plan.database() + ".");
        }
    }

    RestoreReport execute() {
        List<PreflightCheck> blocked = preflight().stream()
                .filter(c -> c.level() == PreflightCheck.Level.BLOCK && !plan.overrides().contains(c.id()))
                .toList();
        if (!blocked.isEmpty()) {
            throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, "The restore was not started; nothing was changed. "
                    + blocked.stream().map(PreflightCheck::message).collect(Collectors.joining(" ")),
                    blocked.stream().map(PreflightCheck::fix).filter(f -> !f.isBlank()).collect(Collectors.joining(" ")));
        }
        cancel.throwIfCancelled();
        ClientInstallation client = RestoreService.clientFor(services.tools(), plan.source());
        ArchiveContents contents = readContents != null ? readContents : contents();
        LOG.info("Restore {} ({}): backup {} into {} on {} ({}{})", id, origin, plan.source().record().id(),
                plan.database(), target.describe(), plan.mode().cliName(), plan.selective()
                        ? ", only schemas " + plan.schemas() + " and tables " + plan.tables() : "");
        try (TargetServer server = openServer();
             Credentials.PassFile passFile = services.credentials().passFileFor(target, runtimePassword, id)) {
            Steps steps = new Steps(server, client, contents, passFile);
            return switch (plan.mode()) {
                case SAFE_REPLACE -> steps.safeReplace();
                case NEW_DATABASE -> steps.newDatabase();
                case IN_PLACE -> new InPlace(this, steps).run();
            };
        }
    }

    /** The steps of a restore on one open connection to the target server. */
    final class Steps {
        final TargetServer server;
        private final ClientInstallation client;
        private final ArchiveContents contents;
        private final Credentials.PassFile passFile;

        Steps(TargetServer server, ClientInstallation client, ArchiveContents contents, Credentials.PassFile passFile) {
            this.server = server;
            this.client = client;
            this.contents = contents;
            this.passFile = passFile;
        }

        RestoreReport safeReplace() {
            String db = plan.database();
            if (!server.exists(db)) {
                return newDatabase();
            }
            requireFullRead();
            String temp = DatabaseNames.derived(db, "restoring", now(), server::exists);
            RestoreService.phase(progress, "Creating the temporary database " + temp);
            journal.made(temp);
            server.create(temp, server.traits(db));
            server.oid(temp).ifPresent(oid -> journal.created(temp, oid));
            makeRoomForTheArchivesSchemas(temp);
            String aside;
            RestoreReport report;
            try {
                report = restoreInto(temp, db, false, null);
                if (report.outcome() == RestoreReport.Outcome.FAILED) {
                    dropQuietly(temp);
                    return failed(report, "The restore failed, so " + db + " was not touched and the temporary database was dropped.");
                }
                cancel.throwIfCancelled();
                aside = DatabaseNames.derived(db, "before", now(), server::exists);
                audit("swapping the restored copy into the place of " + db + "; the previous database becomes " + aside);
                new DatabaseSwap(server, plan.terminateSessions(), progress).swap(temp, db, aside);
            } catch (RuntimeException e) {
                dropQuietly(temp);
                throw e;
            }
            journal.gone(temp);
            journal.note(db + " was replaced by the restored copy; the previous database is kept as " + aside + ".");
            RestoreReport done = withSummary(report, report.summary() + " The previous database is kept as " + aside
                    + " until you drop it.", aside, null);
            record(done);
            return done;
        }

        RestoreReport newDatabase() {
            String db = plan.database();
            RestoreService.phase(progress, "Creating the database " + db);
            // with --create as the archive made it (encoding, locale); else with the server's defaults
            server.create(db, plan.flags().create()
                    ? ArchiveDatabase.traits(contents.entries(), plan.flags().noTablespaces()) : Optional.empty());
            // noted only once it exists, with its oid: a name that was someone else's, or is again since, must never
            // be dropped by the cleanup
            server.oid(db).ifPresentOrElse(oid -> journal.created(db, oid), () -> journal.made(db));
            makeRoomForTheArchivesSchemas(db);
            RestoreReport report;
            try {
                report = restoreInto(db, db, false, null);
            } catch (RuntimeException e) {
                dropQuietly(db);
                throw e;
            }
            if (report.outcome() == RestoreReport.Outcome.FAILED) {
                dropQuietly(db);
                return failed(report, "The restore failed, so the new database " + db + " was dropped again.");
            }
            journal.gone(db);
            if (plan.flags().create()) {
                report = CreatedDatabase.giveItsOwn(report, server, contents, plan);
            }
            record(report);
            return report;
        }

        /**
         * Restores into a database that exists, validates it, and judges the outcome.
         *
         * @param reportedAs the name the report gives the database: a safe replace restores into a temporary
         *                   database that ends up under the original's name
         */
        /** Empties the tables whose rows are restored in place: all of them in one statement, or none. */
        void emptyTablesLoaded(String database) {
            List<io.backupdesk.pg.TocEntry> loaded = RestoreSelection.tablesLoaded(contents.entries(), plan);
            RestoreService.phase(progress, "Emptying the " + loaded.size() + " tables whose rows are restored");
            audit("TRUNCATE ONLY the " + loaded.size() + " tables of " + database + " whose rows are restored");
            try (Connection c = services.connections().open(target, database, password)) {
                RowsInPlace.empty(c, loaded);
            } catch (SQLException e) {
                throw io.backupdesk.pg.ConnectionFactory.classify(e, target.describe());
            }
        }

        RestoreReport restoreInto(String database, String reportedAs, boolean clean, String safetyBackupId) {
            ToolRestore.Outcome outcome = new ToolRestore(services.runner(), journal,
                    db -> services.connections().open(target, db, password)).run(plan, reader, client, database, clean, contents,
                    RestoreService.env(target, database, passFile), services.workDir(), progress, log, cancel);
            cancel.throwIfCancelled();
            RestoreService.phase(progress, "Counting the rows of " + database);
            List<TableComparison> tables;
            try (Connection c = services.connections().open(target, database, password)) {
                // without rows restored, each table is only looked for: its rows are not expected
                tables = RestoreValidator.compare(c, plan.source().record().tables().stream()
                        .filter(t -> RestoreSelection.includes(t, plan))
                        .map(t -> plan.restoresRows() ? t : new TableCount(t.schema(), t.name(), null)).toList(),
                        target.describe());
            } catch (SQLException e) {
                tables = List.of();
            }
            RestoreReport report = Judgement.of(id, plan, reportedAs, outcome, tables, safetyBackupId);
            List<String> keysLeftOut = plan.selective() && plan.mode() != RestoreMode.IN_PLACE
                    ? RestoreSelection.foreignKeysLeftOut(contents.entries(), plan.schemas(), plan.tables(),
                    plan.flags().excludeSchemas()) : List.of();
            return keysLeftOut.isEmpty() ? report : withSummary(report, report.summary() + " Left out, because the"
                    + " tables they point to were not restored: the foreign key" + (keysLeftOut.size() == 1 ? " " : "s ")
                    + String.join(", ", keysLeftOut) + ".", report.asideDatabase(), report.safetyBackupId());
        }

        /**
         * A database just created holds an empty schema public. An archive made with a schema pattern that matched
         * public creates it itself and would stop at "schema public already exists", so the empty one goes first.
         */
        void makeRoomForTheArchivesSchemas(String freshDatabase) {
            if (!contents.createsSchema("public")) {
                return;
            }
            try (Connection c = services.connections().open(target, freshDatabase, password);
                 Statement st = c.createStatement()) {
                st.execute("drop schema if exists public restrict");
            } catch (SQLException e) {
                LOG.warn("Restore {}: the empty schema public of {} could not be dropped: {}", id, freshDatabase,
                        e.getMessage());
            }
        }

        void dropQuietly(String database) {
            try {
                audit("DROP DATABASE " + database + " (made by this restore, not kept)");
                server.drop(database);
                journal.gone(database);
            } catch (RuntimeException e) {
                LOG.warn("Restore {}: could not drop {}: {}", id, database, e.getMessage());
            }
        }
    }

    private ArchiveContents contents() {
        return reader.contents(cancel);
    }

    /**
     * Makes sure the backup was read back in full, and not changed since, before a restore touches an existing
     * database: a checksum only proves that the file is the one recorded, and an import records the checksum of
     * whatever file it was given. Reads it now when it was not, recording the outcome.
     *
     * @throws BackupDeskException {@code PREFLIGHT_BLOCKED} when the read finds the backup damaged; nothing changed
     */
    void requireFullRead() {
        BackupCatalog.Entry source = plan.source();
        if (ReadBack.inFullSinceLastChange(source)) {
            return;
        }
        RestoreService.phase(progress, "Reading the backup in full before " + plan.database() + " is touched");
        BackupCatalog.Entry checked = reader.verify(services.verifier(), progress, cancel);
        if (checked.status() != BackupStatus.VERIFIED) {
            String why = checked.record().verification() == null ? checked.status().name()
                    : checked.record().verification().message();
            throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, "The backup cannot be restored: " + why + " "
                    + plan.database() + " was not touched.", "Choose another backup.");
        }
    }

    /** A line for the log of what this restore did to databases, with who asked for it. */
    void audit(String what) {
        LOG.info("Restore {} ({}) on {}: {}", id, origin, target.describe(), what);
    }

    String id() {
        return id;
    }

    TargetServer openServer() {
        return RestoreService.openServer(services, target, plan.database(), password);
    }

    /** A safety backup of the target database, read back before anything is restored over it. */
    String safetyBackup() {
        RestoreService.phase(progress, "Taking a safety backup of " + plan.database());
        BackupOptions options = BackupOptions.builder().format(BackupFormat.CUSTOM).label("before-restore").build();
        return services.backups().backup(new BackupService.Request(target.withDatabase(plan.database()), options,
                "restore:" + id, runtimePassword, false, true), progress, cancel).record().id();
    }

    void record(RestoreReport report) {
        services.store().save(RestoreRecord.builder().id(id).backupId(plan.source().record().id())
                .profile(target.name()).database(plan.database()).mode(plan.mode().cliName())
                .startedAt(started).finishedAt(services.clock().instant())
                .outcome(report.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .asideDatabase(report.asideDatabase()).safetyBackupId(report.safetyBackupId())
                .build());
    }

    static RestoreReport withSummary(RestoreReport r, String summary, String aside, String safetyBackupId) {
        return new RestoreReport(r.restoreId(), r.outcome(), summary, r.database(), r.tables(), r.harmlessErrors(),
                r.realErrors(), aside, safetyBackupId, r.log());
    }

    static RestoreReport failed(RestoreReport r, String what) {
        return withSummary(r, r.summary() + " " + what, null, r.safetyBackupId());
    }

    RestorePlan plan() {
        return plan;
    }

    Progress progress() {
        return progress;
    }

    Cancellation cancel() {
        return cancel;
    }

    Journal journal() {
        return journal;
    }

    Optional<String> runtimePassword() {
        return runtimePassword;
    }

    RestoreService.Services services() {
        return services;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(services.clock());
    }

    private static boolean isLocal(ConnectionProfile profile) {
        return profile.host() == null || profile.host().startsWith("/") || LOCAL_HOSTS.contains(profile.host());
    }
}

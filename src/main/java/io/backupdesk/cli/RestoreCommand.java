package io.backupdesk.cli;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ParallelJobs;
import io.backupdesk.restore.CheckId;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreFlags;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.jobs.RestoreCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import io.backupdesk.jobs.SecretKeys;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code backupdesk restore BACKUP_ID --target PROFILE}: pre-flight, restore, validation, report. A set's id restores
 * the set ({@link SetRestore}).
 */
@Command(name = "restore", description = "Restore a backup or a whole-server set, checked first and validated row for row after.",
        footer = {"", "Modes: safe-replace (default) restores beside the database and swaps names",
                "once the copy is complete, keeping the old one as <db>_before_<time>;",
                "in-place takes a safety backup, then restores over the database;",
                "new-database creates it.",
                "--roles create-missing restores a backup's roles file first (backup --globals),",
                "showing the roles it creates before anything changes.",
                "A set (SET_ID) restores its roles first (--roles), then each database (every one,",
                "or those named with --database) under its own name, then its settings and grants;",
                "in-place is not offered for a set.",
                "Exit code 1 when the restore failed or had real errors."})
public final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    BackupDeskCli root;

    @Parameters(index = "0", paramLabel = "BACKUP_ID|SET_ID", description = "The backup's id, a unique prefix of it, or its path;"
            + " or a set's id.")
    String backupId;

    @Option(names = "--target", required = true, paramLabel = "PROFILE", description = "The profile of the server to restore to.")
    String target;

    @Option(names = "--database", paramLabel = "NAME", description = "The database to restore to. Default: the profile's."
            + " For a set: a database of the set to restore (repeatable). Default: every one.")
    List<String> databases = new ArrayList<>();

    @Option(names = "--as", paramLabel = "NAME", description = "For a set: the name the one --database takes on the target.")
    String renameTo;

    @Option(names = "--roles", paramLabel = "WHAT", description = "create-missing creates the roles the target lacks from the"
            + " roles file, leaving existing ones as they are; skip changes no role. Default: create-missing for a set,"
            + " skip for one backup (whose roles file --globals wrote).")
    String roles;

    @Option(names = "--mode", paramLabel = "MODE", description = "safe-replace (default), in-place or new-database.")
    String mode;

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel workers (custom and directory backups), 1 to 64. Default: cores, at most 4.")
    Integer jobs;

    @Mixin
    RestoreFlagOptions restoreFlags;

    @Option(names = "--single-transaction", description = "All or nothing in one transaction; not with --jobs above 1.")
    boolean singleTransaction;

    @Option(names = "--no-owner", description = "Do not set the objects' owners: they belong to the restoring role.")
    boolean noOwner;

    @Option(names = "--no-privileges", description = "Do not restore grants.")
    boolean noPrivileges;

    @Option(names = "--schema", paramLabel = "S", description = "Only this schema (repeatable).")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--table", paramLabel = "T", description = "Only this table, SCHEMA.NAME or NAME, exactly as named; quote a part with a dot or"
            + " a double quote: \"my.schema\".\"t.1\" (repeatable).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--continue-on-error", description = "Go on past errors and report them, instead of stopping at the first.")
    boolean continueOnError;

    @Option(names = "--terminate-sessions", description = "End other sessions on the target database before it is replaced.")
    boolean terminateSessions;

    @Option(names = "--override", paramLabel = "CHECK", description = "Go past this blocking pre-flight check (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--preflight", description = "Only run the pre-flight checks and print them.")
    boolean preflightOnly;

    @Option(names = "--print-command", description = "Print the pg_restore (or psql) command line this restore would run,"
            + " with what Backup Desk does around it as comments, and exit; connects nowhere.")
    boolean printCommand;

    @Option(names = "--yes", description = "Do not ask to type the database name.")
    boolean yes;

    @Option(names = "--json", description = "Print the report (or the checks) as JSON.")
    boolean json;

    @Mixin
    SecretKeyOptions secrets;

    @Override
    public Integer call() throws IOException {
        if (jobs != null) {
            ParallelJobs.check(jobs);
        }
        Optional<SetRestore> set = SetRestore.of(this);
        if (set.isPresent()) {
            if (restoreFlags.flags().any() || printCommand) {
                throw BackupDeskException.configuration("pg_restore's switches (--role, --section, --schema-only,"
                        + " --data-only, --create, --exclude-schema, --no-tablespaces, --disable-triggers,"
                        + " --no-data-for-failed-tables) and --print-command are taken by a restore of one database.",
                        "Restore the set without them, or one database of it by its own backup id.");
            }
            return set.get().call();
        }
        if (databases.size() > 1 || renameTo != null) {
            throw BackupDeskException.configuration("'" + backupId + "' is a backup of one database, not a set: it"
                    + " takes one --database and no --as.", "Name the one database to restore to.");
        }
        RestoreFlags flags = restoreFlags.flags();
        // on this desk, else at a destination whose catalog was synced: downloaded and checked before it is read
        BackupCatalog.Entry entry = root.engine().jobs().remote().require(backupId);
        ConnectionProfile profile = root.engine().profiles().require(target);
        // --create makes a new database, under the name the backup's database had unless one is given
        RestoreMode restoreMode = mode != null ? RestoreMode.parse(mode)
                : flags.create() ? RestoreMode.NEW_DATABASE : RestoreMode.SAFE_REPLACE;
        String database = !databases.isEmpty() ? databases.get(0)
                : flags.create() ? entry.record().database() : profile.database();
        RestorePlan plan = new RestorePlan(entry, profile, database, restoreMode,
                jobs == null ? 0 : jobs, singleTransaction, noOwner, noPrivileges, schemas, tables, !continueOnError, terminateSessions,
                overrides.stream().map(CheckId::parse).collect(Collectors.toSet()), flags,
                roles == null ? RolesMode.SKIP : RolesMode.parse(roles));
        if (printCommand) {
            root.out().println(root.engine().jobs().restore().commandLine(plan));
            return 0;
        }
        return secrets.run(root.in(), keys -> run(plan, profile, keys));
    }

    private int run(RestorePlan plan, ConnectionProfile profile, SecretKeys keys) {
        BackupCatalog.Entry entry = plan.source();
        RestoreMode restoreMode = plan.mode();
        // an encrypted backup nothing here opens is refused before the question and before anything changes
        root.engine().jobs().restore().requireOpenable(entry, keys);
        Cancellation cancel = new Cancellation();
        if (preflightOnly) {
            RestoreCheck check = CancelOnInterrupt.run(cancel, () -> PasswordPrompt.retryAsking(profile,
                    password -> root.engine().jobs().restore().check(plan, keys, password, cancel)));
            RestorePrinter.check(root.out(), check, json);
            boolean rolesBlocked = check.roles().map(RolesPreview::blocked).orElse(false);
            return rolesBlocked || check.checks().stream().anyMatch(c -> c.level() == PreflightCheck.Level.BLOCK
                    && !plan.overrides().contains(c.id())) ? 1 : 0;
        }
        if (plan.roles() == RolesMode.CREATE_MISSING && !json) {
            // what the roles step would create, before the question and before anything changes
            CancelOnInterrupt.run(cancel, () -> PasswordPrompt.retryAsking(profile,
                    password -> root.engine().jobs().restore().previewRoles(plan, keys, password, cancel)))
                    .ifPresent(preview -> SetRestorePrinter.roles(root.out(), preview, RolesMode.CREATE_MISSING));
            root.out().flush();
        }
        if (restoreMode != RestoreMode.NEW_DATABASE) {
            Confirmation.require(yes, plan.database(), restoreMode == RestoreMode.IN_PLACE
                    ? "The database " + plan.database() + " on " + profile.describe() + " will be restored over, after a safety backup."
                    : "The database " + plan.database() + " on " + profile.describe() + " will be replaced by the backup of "
                    + Format.time(entry.record().createdAt()) + "; the current one is kept aside until you drop it.");
        }
        RestoreReport report = CancelOnInterrupt.run(cancel, () -> PasswordPrompt.retryAsking(profile,
                password -> root.engine().jobs().restore().restore(plan, keys, password,
                        ConsoleProgress.forTerminal(root.err()), line -> { }, cancel)));
        RestorePrinter.report(root.out(), report, json);
        boolean failed = !report.succeeded();
        return failed ? 1 : 0;
    }
}

package io.backupdesk.ui.restorewizard;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupLayout;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.ServerScope;
import io.backupdesk.core.SslMode;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.jobs.SetDatabaseOutcome;
import io.backupdesk.jobs.SetRestorePreview;
import io.backupdesk.jobs.SetRestoreReport;
import io.backupdesk.jobs.SetRestoreRequest;
import io.backupdesk.restore.CheckId;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.restore.roles.RolesReport;
import io.backupdesk.testing.SetGenerator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A set on disk and the set restore's answers given by hand, for the wizard's tests without a server: the preview
 * creates app_owner and app_reader, finds postgres there, and adds one membership and one setting. The real use case
 * is exercised against real servers by the set restore's own tests.
 */
final class SetRestoreFakes implements SetRestoreOperations {
    /** The note the roles planner gives a login role the backup holds no password for. */
    static final String NO_PASSWORD = "no password in the backup: it cannot log in with one until it is given one";
    static final ConnectionProfile CLUSTER_B = new ConnectionProfile("cluster-b", "pg-b.example.internal", 5432,
            "postgres", "backup", SslMode.REQUIRE, null, List.of(), List.of(), ServerScope.everyDatabase());
    static final ConnectionProfile ONE = new ConnectionProfile("prod-1", "db1.example.internal", 5432, "sales",
            "backup", SslMode.REQUIRE, null);

    final List<SetRestoreRequest> previewed = new ArrayList<>();
    final List<SetRestoreRequest> restored = new ArrayList<>();
    boolean blocked;
    /** How long a restore takes, so that its page can be seen. */
    long restoreMillis;

    /** The newest of the demo's sets: app_eu and postgres written, app_us failed. */
    static BackupSets.SetEntry set(Path dir) throws Exception {
        List<String> ids = SetGenerator.demo(dir.resolve("config"), dir.resolve("backups"), Instant.now());
        BackupLayout layout = new BackupLayout(dir.resolve("backups"));
        return new BackupSets(layout, new BackupCatalog(layout, w -> { }), w -> { }).require(ids.get(2));
    }

    @Override
    public List<ConnectionProfile> profiles() {
        return List.of(ONE, CLUSTER_B);
    }

    /** The fake sets are not encrypted: nothing to open. */
    @Override
    public void requireOpenable(BackupCatalog.Entry backup, SecretKeys secrets) {
    }

    @Override
    public SetRestorePreview preview(SetRestoreRequest request, SecretKeys secrets, Cancellation cancel) {
        previewed.add(request);
        RolesPreview roles = new RolesPreview(request.target().describe(), List.of(
                new RolesPreview.RoleLine("app_owner", RolesPreview.RoleAction.CREATE, List.of("LOGIN"), NO_PASSWORD),
                new RolesPreview.RoleLine("app_reader", RolesPreview.RoleAction.CREATE, List.of(), null),
                new RolesPreview.RoleLine("postgres", RolesPreview.RoleAction.EXISTS, List.of(), null)),
                List.of(new RolesPreview.MembershipLine("app_owner", "app_reader", false,
                        RolesPreview.MembershipAction.ADD, null)),
                List.of(new RolesPreview.SettingLine("app_owner", null, "work_mem", "8MB",
                        RolesPreview.SettingAction.SET, null)),
                List.of(), List.of(), blocked ? List.of("This login may not create roles (it lacks CREATEROLE).")
                : List.of());
        List<SetRestorePreview.Database> databases = request.databases().stream().map(c ->
                new SetRestorePreview.Database(c.database(), c.targetName(), List.of(PreflightCheck.ok(
                        CheckId.values()[0], "Fine")), "owner app_owner, 1 setting")).toList();
        return new SetRestorePreview(request.source().set().id(), request.target().describe(), roles, databases);
    }

    @Override
    public SetRestoreReport restore(SetRestoreRequest request, SecretKeys secrets, Progress progress,
                                    Consumer<String> log, Cancellation cancel) {
        restored.add(request);
        progress.report(io.backupdesk.core.ProgressUpdate.phase("Database 1 of " + request.databases().size() + ": "
                + request.databases().get(0).targetName()));
        try {
            Thread.sleep(restoreMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RolesReport roles = new RolesReport(RolesMode.CREATE_MISSING, List.of("app_owner", "app_reader"),
                List.of("postgres"), List.of(), List.of(), List.of(), List.of(), List.of());
        return new SetRestoreReport(request.source().set().id(), request.target().describe(), roles,
                request.databases().stream().map(c -> c.database().equals("postgres")
                        ? new SetDatabaseOutcome(c.database(), c.targetName(), SetDatabaseOutcome.Status.FAILED, null,
                        null, "database \"postgres\" already exists")
                        : new SetDatabaseOutcome(c.database(), c.targetName(), SetDatabaseOutcome.Status.RESTORED, null,
                        null, null)).toList());
    }
}

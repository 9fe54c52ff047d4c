package io.backupdesk.jobs;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Progress;
import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.restore.DatabaseLevelReport;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestoreFlags;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.restore.RestoreService;
import io.backupdesk.restore.ServerSteps;
import io.backupdesk.restore.roles.Globals;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.restore.roles.RolesReport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Restoring a whole-server set, in order, the use case the wizard and the command line call: the roles first, then
 * each chosen database with the restore modes and pre-flight of a single restore, each followed by its own settings
 * and grants (decision 0041). Nothing changes until every chosen database's pre-flight and the roles' preview pass; a
 * database that fails after that does not stop the others, and the report says how each went. Databases not chosen
 * are never touched, and no existing role is altered. Each database's restore is the one job on it, as any restore.
 *
 * <p>Thread-safe; every call blocks until done, so a screen calls it from a worker thread. Progress and the tools'
 * output lines arrive on worker threads.
 */
public final class SetRestoreJob {
    private static final Logger LOG = LoggerFactory.getLogger(SetRestoreJob.class);

    private final RestoreJob restores;
    private final RestoreService service;
    private final ServerSteps steps;
    private final EncryptionKeys keys;

    public SetRestoreJob(RestoreJob restores, RestoreService service, EncryptionKeys keys) {
        this.restores = restores;
        this.service = service;
        this.steps = service.serverSteps();
        this.keys = keys;
    }

    /**
     * What the restore would do: the roles' preview (what would be created, what is there and left as it is) and
     * each chosen database's pre-flight. Reads the set and the target; changes nothing.
     *
     * @param password the target's password asked for at run time; empty for the stored one
     * @throws BackupDeskException when the set is not whole (a member that does not name it back), its roles file is
     *                             not the one recorded, or an encrypted set cannot be opened with what was given
     */
    public SetRestorePreview preview(SetRestoreRequest request, SecretKeys secrets, Optional<String> password,
                                     Cancellation cancel) {
        requireWhole(request.source());
        return preview(request, globals(request, secrets), secrets, password, cancel);
    }

    private SetRestorePreview preview(SetRestoreRequest request, Globals globals, SecretKeys secrets,
                                      Optional<String> password, Cancellation cancel) {
        RolesPreview roles = steps.previewRoles(globals, request.target(), password);
        List<String> createdFirst = request.roles() == RolesMode.CREATE_MISSING ? roles.rolesToCreate() : List.of();
        List<SetRestorePreview.Database> databases = new ArrayList<>();
        for (SetRestoreRequest.Choice choice : request.databases()) {
            cancel.throwIfCancelled();
            RestorePlan plan = plan(request, choice, !roles.missingTablespaces().isEmpty());
            databases.add(restores.readingPlaintext(plan, secrets, false, Progress.NONE, cancel,
                    readable -> new SetRestorePreview.Database(choice.database(), choice.targetName(),
                            steps.withRolesCreatedFirst(service.preflight(readable.plan(), readable.decryption(),
                                    password, cancel), readable.plan(), readable.decryption(), createdFirst, password),
                            steps.databaseLevel(readable.plan().source(), readable.decryption()).summary())));
        }
        return new SetRestorePreview(request.source().set().id(), request.target().describe(), roles, databases);
    }

    /**
     * Restores the set as the request says: refused before anything changes when the preview blocks; then the roles
     * (unless skipped), then each database, each given its own settings and grants once restored.
     *
     * @param log receives the tools' output lines as they come, from a worker thread
     * @return the report; databases that failed are in it with why, the others are restored all the same
     * @throws BackupDeskException {@code PREFLIGHT_BLOCKED} when a check or the roles' preview blocks (nothing was
     *                             changed), or what kept the restore from starting
     */
    public SetRestoreReport restore(SetRestoreRequest request, SecretKeys secrets, Optional<String> password,
                                    Progress progress, Consumer<String> log, Cancellation cancel) {
        BackupSet set = request.source().set();
        requireWhole(request.source());
        request.databases().forEach(c -> restores.requireOpenable(member(request, c), secrets));
        phase(progress, "Checking the set " + set.id() + " against " + request.target().describe());
        Globals globals = globals(request, secrets);
        SetRestorePreview checked = preview(request, globals, secrets, password, cancel);
        refuseIfBlocked(request, checked);
        // a tablespace is never created (its place is on the source's disk): the databases then go to the default one
        boolean noTablespaces = !checked.roles().missingTablespaces().isEmpty();
        phase(progress, request.roles() == RolesMode.SKIP ? "Leaving the roles as they are" : "Creating the missing roles");
        RolesReport roles = steps.applyRoles(globals, request.roles(), request.target(), password);
        LOG.info("Set restore of {} onto {}: {}", set.id(), request.target().describe(), roles.summary());
        List<SetDatabaseOutcome> outcomes = new ArrayList<>();
        int n = 0;
        for (SetRestoreRequest.Choice choice : request.databases()) {
            n++;
            if (cancel.isCancelled()) {
                outcomes.add(SetDatabaseOutcome.notStarted(choice.database(), choice.targetName(),
                        "The set restore was cancelled before it got to this database; it was not touched."));
                continue;
            }
            phase(progress, "Database " + n + " of " + request.databases().size() + ": " + choice.targetName());
            outcomes.add(restoreOne(request, choice, noTablespaces, secrets, password, progress, log, cancel));
        }
        if (!roles.settingsLater().isEmpty()) {
            roles = steps.applyLaterRoleSettings(globals, roles, request.target(), password);
        }
        SetRestoreReport report = new SetRestoreReport(set.id(), request.target().describe(), roles, outcomes);
        LOG.info("{}", report.summary());
        return report;
    }

    /** One database: its restore, then (when it is there) its own settings and grants, all as the one job on it. */
    private SetDatabaseOutcome restoreOne(SetRestoreRequest request, SetRestoreRequest.Choice choice,
                                          boolean noTablespaces, SecretKeys secrets,
                                          Optional<String> password, Progress progress, Consumer<String> log,
                                          Cancellation cancel) {
        try {
            return restores.restoreThen(plan(request, choice, noTablespaces), "set:" + request.source().set().id(), secrets,
                    password, progress, log, cancel, (report, readable) -> SetDatabaseOutcome.restored(
                            choice.database(), choice.targetName(), report,
                            report.outcome() == RestoreReport.Outcome.FAILED ? null
                                    : databaseLevel(request, choice, readable, password)));
        } catch (BackupDeskException e) {
            LOG.warn("Set restore of {}: {} failed: {}", request.source().set().id(), choice.targetName(), e.getMessage());
            return SetDatabaseOutcome.failed(choice.database(), choice.targetName(), e.getMessage()
                    + (e.hint() == null || e.hint().isBlank() ? "" : " " + e.hint()));
        }
    }

    /** The database's own settings and grants; what keeps them from being given is reported, not thrown: it is restored. */
    private DatabaseLevelReport databaseLevel(SetRestoreRequest request, SetRestoreRequest.Choice choice,
                                              RestoreJob.Readable readable, Optional<String> password) {
        try {
            return steps.giveDatabaseLevel(readable.plan().source(), readable.decryption(), request.target(),
                    choice.targetName(), request.noOwner(), request.noPrivileges(), password);
        } catch (BackupDeskException e) {
            return new DatabaseLevelReport(choice.targetName(), List.of(), List.of("None of the database's own"
                    + " settings and grants could be given: " + e.getMessage()), List.of(), null);
        }
    }

    private static void refuseIfBlocked(SetRestoreRequest request, SetRestorePreview preview) {
        boolean creating = request.roles() == RolesMode.CREATE_MISSING;
        if (!preview.blocked(request.overrides(), creating)) {
            return;
        }
        List<String> why = new ArrayList<>(creating ? preview.roles().blockers() : List.of());
        for (SetRestorePreview.Database d : preview.databases()) {
            d.blocking(request.overrides()).forEach(c -> why.add(d.targetName() + ": " + c.message()));
        }
        throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, "The set restore was not started; nothing was"
                + " changed. " + String.join(" ", why), preview.databases().stream()
                .flatMap(d -> d.blocking(request.overrides()).stream()).map(PreflightCheck::fix)
                .filter(f -> !f.isBlank()).distinct().collect(Collectors.joining(" ")));
    }

    /**
     * Refuses a set whose members are not all its own: each backup's own sidecar must name the set, the database and
     * the id the manifest lists. The catalog of sets checks this too; a restore does not rely on who built the source.
     */
    static void requireWhole(SetRestoreRequest.Source source) {
        BackupSet set = source.set();
        for (BackupCatalog.Entry entry : source.members()) {
            BackupRecord r = entry.record();
            boolean listed = set.members().stream().anyMatch(m -> r.id().equals(m.backupId())
                    && r.database().equals(m.database()));
            if (!set.id().equals(r.set()) || !listed) {
                throw BackupDeskException.configuration("The set " + set.id() + " is not restored: its backup " + r.id()
                        + " of " + r.database() + " does not belong to it" + (r.set() == null ? "" : " (it names the set "
                        + r.set() + ")") + ". Nothing was changed.", "Restore another set, or that backup on its own.");
            }
        }
    }

    private Globals globals(SetRestoreRequest request, SecretKeys secrets) {
        BackupSet set = request.source().set();
        if (request.source().roles().isEmpty()) {
            if (request.roles() == RolesMode.CREATE_MISSING) {
                throw BackupDeskException.configuration("The set " + set.id() + " has no roles file"
                        + (set.globalsError() == null ? "" : " (" + set.globalsError() + ")") + ", so its roles cannot"
                        + " be restored.", "Restore it without the roles, onto a server that has them.")
                        .withCommandLineHint("Use --roles skip, onto a server that has the roles.");
            }
            return new Globals(List.of(), List.of(), List.of(), List.of(), List.of());
        }
        return RolesFile.read(set, request.source().roles().get(), keys, secrets);
    }

    private static BackupCatalog.Entry member(SetRestoreRequest request, SetRestoreRequest.Choice choice) {
        return request.source().member(choice.database()).orElseThrow();
    }

    private static RestorePlan plan(SetRestoreRequest request, SetRestoreRequest.Choice choice, boolean noTablespaces) {
        return new RestorePlan(member(request, choice), request.target(), choice.targetName(), request.mode(), 0, false,
                request.noOwner(), request.noPrivileges(), List.of(), List.of(), true, request.terminateSessions(),
                request.overrides(), RestoreFlags.builder().noTablespaces(noTablespaces).build());
    }

    private static void phase(Progress progress, String what) {
        progress.report(ProgressUpdate.phase(what));
    }
}

package io.backupdesk.jobs;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreService;
import io.backupdesk.restore.ServerSteps;
import io.backupdesk.restore.roles.Globals;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.restore.roles.RolesReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The roles file beside a backup of one database ({@code backup --globals}), restored before the backup when asked
 * (decision 0047): the set restore's roles step as it is ({@link ServerSteps}, decision 0038), so only the roles the
 * target lacks are created and no existing role changes. Its preview is shown before anything changes, and the
 * database's pre-flight then counts those roles as there. Nothing changes when the step or the database's checks
 * would stop; once the roles are created, a database restore that fails leaves them, and its error says so.
 */
final class RolesFirst {
    private final RestoreService service;
    private final EncryptionKeys keys;

    RolesFirst(RestoreService service, EncryptionKeys keys) {
        this.service = service;
        this.keys = keys;
    }

    /** Refuses to restore the roles of a backup made without a roles file, before anything is read. */
    static void requireFile(RestorePlan plan) {
        if (plan.roles() == RolesMode.CREATE_MISSING && plan.source().record().globalsFile() == null) {
            throw BackupDeskException.configuration("The backup " + plan.source().record().id() + " has no roles file,"
                    + " so its roles cannot be restored first. Nothing was changed.",
                    "Restore it without its roles, onto a server that has them; a backup made with the roles file"
                            + " (pg_dumpall) has one.")
                    .withCommandLineHint("Drop --roles create-missing; a backup made with --globals has a roles file.");
        }
    }

    /**
     * What the roles step would do on the plan's target; empty when the roles are left as they are. Reads the roles
     * file and the target; changes nothing.
     *
     * @param rolesFrom the backup whose roles file is read: the one in the catalog, or its download
     */
    Optional<RolesPreview> preview(RestorePlan plan, BackupCatalog.Entry rolesFrom, SecretKeys secrets,
                                   Optional<String> password) {
        if (plan.roles() != RolesMode.CREATE_MISSING) {
            return Optional.empty();
        }
        return Optional.of(steps().previewRoles(globals(rolesFrom, secrets), plan.target(), password));
    }

    /** The database's checks as they stand once the roles step has created the roles it previews. */
    List<PreflightCheck> counted(List<PreflightCheck> checks, RestoreJob.Readable readable, RolesPreview roles,
                                 Optional<String> password) {
        return steps().withRolesCreatedFirst(checks, readable.plan(), readable.decryption(), roles.rolesToCreate(),
                password);
    }

    /**
     * Creates the roles the target lacks, after the roles' preview and the database's pre-flight (with those roles
     * counted) have passed; empty when the roles are left as they are.
     *
     * @param readable the plan on a readable copy of the backup, and what decrypts it as it streams
     * @throws BackupDeskException {@code PREFLIGHT_BLOCKED} when a role cannot be created or a check blocks: nothing
     *                             was changed
     */
    Optional<RolesReport> apply(RestoreJob.Readable readable, BackupCatalog.Entry rolesFrom, SecretKeys secrets,
                                Optional<String> password, Cancellation cancel) {
        RestorePlan plan = readable.plan();
        if (plan.roles() != RolesMode.CREATE_MISSING) {
            return Optional.empty();
        }
        Globals globals = globals(rolesFrom, secrets);
        RolesPreview roles = steps().previewRoles(globals, plan.target(), password);
        List<PreflightCheck> blocking = counted(service.preflight(plan, readable.decryption(), password, cancel),
                readable, roles, password).stream().filter(c -> c.level() == PreflightCheck.Level.BLOCK
                && !plan.overrides().contains(c.id())).toList();
        if (roles.blocked() || !blocking.isEmpty()) {
            List<String> why = new ArrayList<>(roles.blockers());
            blocking.forEach(c -> why.add(c.message()));
            throw new BackupDeskException(ErrorKind.PREFLIGHT_BLOCKED, "The restore was not started; nothing was"
                    + " changed, no role either. " + String.join(" ", why), blocking.stream().map(PreflightCheck::fix)
                    .filter(f -> !f.isBlank()).collect(Collectors.joining(" ")));
        }
        cancel.throwIfCancelled();
        return Optional.of(steps().applyRoles(globals, RolesMode.CREATE_MISSING, plan.target(), password));
    }

    private ServerSteps steps() {
        return service.serverSteps();
    }

    /** The error of a database restore that came after the roles step: it says which roles stay created. */
    static BackupDeskException after(BackupDeskException e, RolesReport roles) {
        if (roles.created().isEmpty()) {
            return e;
        }
        return new BackupDeskException(e.kind(), e.getMessage() + " The roles created before it stay: "
                + String.join(", ", roles.created()) + ".", e.hint(), e.details(), e)
                .withCommandLineHint(e.commandLineHint());
    }

    private Globals globals(BackupCatalog.Entry backup, SecretKeys secrets) {
        return RolesFile.read(backup, keys, secrets);
    }
}

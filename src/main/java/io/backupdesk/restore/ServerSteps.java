package io.backupdesk.restore;

import io.backupdesk.backup.ArchiveDecryption;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.pg.ConnectionFactory;
import io.backupdesk.pg.TargetServer;
import io.backupdesk.restore.roles.Globals;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.restore.roles.RolesReport;
import io.backupdesk.restore.roles.RolesStep;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a whole-server restore does on the target besides restoring each database: the roles of the set's roles file
 * first ({@link RolesStep}), and after each database's restore what the database itself carried ({@link
 * DatabaseLevel}). Each call opens its own connection to the target's maintenance database and closes it; blocking,
 * thread-safe.
 */
public final class ServerSteps {
    /** A name no restored database has, so that the maintenance connection is never one to a database restored. */
    private static final String NO_DATABASE = "";

    private final RestoreService.Services services;

    ServerSteps(RestoreService.Services services) {
        this.services = services;
    }

    /** What the roles step would do on the target; reads it, changes nothing. */
    public RolesPreview previewRoles(Globals globals, ConnectionProfile target, Optional<String> password) {
        return onMaintenance(target, password, step -> step.preview(globals));
    }

    /** Creates the roles the target lacks with their memberships and settings, or nothing for {@code SKIP}. */
    public RolesReport applyRoles(Globals globals, RolesMode mode, ConnectionProfile target, Optional<String> password) {
        return onMaintenance(target, password, step -> step.apply(globals, mode));
    }

    /** Gives the created roles their settings in databases that exist now that they are restored. */
    public RolesReport applyLaterRoleSettings(Globals globals, RolesReport earlier, ConnectionProfile target,
                                              Optional<String> password) {
        return onMaintenance(target, password, step -> step.applyLaterSettings(globals, earlier));
    }

    /**
     * What the database itself carried when it was dumped (owner, settings, comment, privileges), read from the
     * archive's table of contents; none for a plain SQL backup, which holds none of it.
     *
     * @param source     the backup, or a decrypted copy of it
     * @param decryption opens an encrypted backup as it streams; null for one that is not encrypted
     */
    public DatabaseLevel databaseLevel(BackupCatalog.Entry source, ArchiveDecryption decryption) {
        return source.record().format() == BackupFormat.PLAIN ? DatabaseLevel.NONE
                : DatabaseLevel.of(new ArchiveReader(source, decryption).toc());
    }

    /**
     * Gives a restored database what the database itself carried in its archive, which a restore without --create
     * leaves out.
     *
     * @param source     the backup the database was restored from, or a decrypted copy of it
     * @param decryption opens an encrypted backup as it streams; null for one that is not encrypted
     * @param database   the name it was restored under on the target
     * @param noOwner      the database stays the restoring login's
     * @param noPrivileges the grants on it are left out
     */
    public DatabaseLevelReport giveDatabaseLevel(BackupCatalog.Entry source, ArchiveDecryption decryption,
                                                 ConnectionProfile target, String database, boolean noOwner,
                                                 boolean noPrivileges, Optional<String> password) {
        DatabaseLevel level = databaseLevel(source, decryption);
        if (level == DatabaseLevel.NONE) {
            return DatabaseLevelReport.nothing(database, "A plain SQL backup holds none of the database's own"
                    + " settings and grants; " + database + " has the defaults.");
        }
        // a connection of its own: the grants' SET SESSION AUTHORIZATION must not outlive them
        try (TargetServer server = RestoreService.openServer(services, target, database, password)) {
            return level.giveTo(server, database, noOwner, noPrivileges);
        }
    }

    /**
     * A database's pre-flight as it stands once the roles step has run: its roles check counts the roles that step
     * creates as there, instead of warning about them. Plain SQL backups keep their check, which read the whole dump.
     *
     * @param readable   the plan on the backup, or on a decrypted copy of it
     * @param decryption opens an encrypted backup as it streams; null for one that is not encrypted
     * @param created    the roles the roles step creates first
     */
    public List<PreflightCheck> withRolesCreatedFirst(List<PreflightCheck> checks, RestorePlan readable,
                                                      ArchiveDecryption decryption, Collection<String> created,
                                                      Optional<String> password) {
        if (created.isEmpty() || readable.source().record().format() == BackupFormat.PLAIN) {
            return checks;
        }
        Set<String> there;
        try (TargetServer server = RestoreService.openServer(services, readable.target(), NO_DATABASE, password)) {
            there = server.roles();
        }
        there.addAll(created);
        PreflightCheck roles = Preflight.roles(readable, ArchiveContents.of(new ArchiveReader(readable.source(),
                decryption).toc()), there);
        PreflightCheck said = roles.level() == PreflightCheck.Level.OK && roles.message().startsWith("Every role")
                ? PreflightCheck.ok(CheckId.ROLES, "Every role the backup names is on the target once the roles file's"
                + " missing roles are created.") : roles;
        return checks.stream().map(c -> c.id() == CheckId.ROLES ? said : c).toList();
    }

    private <T> T onMaintenance(ConnectionProfile target, Optional<String> password, Function<RolesStep, T> work) {
        try (Connection c = RestoreService.openMaintenance(services, target, NO_DATABASE, password)) {
            return work.apply(new RolesStep(c, target.describe()));
        } catch (SQLException e) {
            throw ConnectionFactory.classify(e, target.describe());
        }
    }
}

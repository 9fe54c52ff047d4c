package io.backupdesk.restore;

import io.backupdesk.backup.VerifyService;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ByteSizes;
import io.backupdesk.core.Times;
import io.backupdesk.core.Verification;
import io.backupdesk.pg.PgVersion;
import io.backupdesk.pg.TargetServer;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.backupdesk.restore.PreflightCheck.block;
import static io.backupdesk.restore.PreflightCheck.ok;
import static io.backupdesk.restore.PreflightCheck.warn;

/** The checks before a restore, each with a sentence a DBA understands and what would fix it. Reads; changes nothing. */
final class Preflight {
    private static final double SPACE_MARGIN = 1.2;

    private Preflight() { }

    /** Checks on the backup file alone. */
    static List<PreflightCheck> ofSource(RestorePlan plan, VerifyService verifier) {
        BackupRecord record = plan.source().record();
        Path archive = plan.source().archive();
        if (!Files.exists(archive)) {
            return List.of(block(CheckId.CHECKSUM, "The backup file " + archive + " is gone.", "Choose another backup."));
        }
        Verification verification = record.verification();
        if (verification != null && verification.status() == BackupStatus.CORRUPT) {
            return List.of(block(CheckId.CHECKSUM, "The backup was found damaged when it was verified: "
                    + verification.message(), "Choose another backup."));
        }
        try {
            Optional<String> problem = verifier.checksumProblem(plan.source());
            if (problem.isPresent()) {
                return List.of(block(CheckId.CHECKSUM, "The backup is damaged: " + problem.get() + ".", "Choose another backup."));
            }
        } catch (IOException e) {
            return List.of(block(CheckId.CHECKSUM, "The backup cannot be read: " + e.getMessage() + ".", "Choose another backup."));
        }
        String read = ReadBack.inFullSinceLastChange(plan.source())
                ? " It was read back in full on " + Times.forPeople(verification.at()) + "."
                : plan.mode() == RestoreMode.NEW_DATABASE
                ? " It has not been read back in full since it last changed; verify it to be sure."
                : " It has not been read back in full since it last changed; the restore reads it in full before it"
                + " touches " + plan.database() + ".";
        return List.of(ok(CheckId.CHECKSUM, "The checksum matches the one recorded at backup time." + read));
    }

    static PreflightCheck options(RestorePlan plan) {
        boolean plain = plan.source().record().format() == BackupFormat.PLAIN;
        if (plain && plan.mode() == RestoreMode.IN_PLACE) {
            return block(CheckId.OPTIONS, "A plain SQL backup cannot be restored in place: it holds no commands to drop what is there.",
                    "Choose safe replace or a new database.");
        }
        if (plain && plan.selective()) {
            return block(CheckId.OPTIONS, "A plain SQL backup is restored whole; schemas and tables cannot be picked from it.",
                    "Restore it whole, or use a custom or directory backup.");
        }
        if (plain && (plan.noOwner() || plan.noPrivileges())) {
            return warn(CheckId.OPTIONS, "A plain SQL backup runs as written: no-owner and no-privileges cannot be applied.",
                    "Create the roles it names first, or use a custom backup.");
        }
        return ok(CheckId.OPTIONS, "The options fit this backup.");
    }

    /**
     * The options as they meet this archive: a schema left out that it does not hold (a typo would leave out nothing),
     * what {@code --create} makes of the database, and which sections are restored.
     */
    static PreflightCheck options(RestorePlan plan, ArchiveContents contents) {
        PreflightCheck basic = options(plan);
        if (basic.level() != PreflightCheck.Level.OK || contents == ArchiveContents.NONE) {
            return basic;
        }
        Set<String> held = contents.schemasHeld();
        List<String> notHeld = plan.flags().excludeSchemas().stream().filter(s -> !held.contains(s)).toList();
        if (!notHeld.isEmpty()) {
            return warn(CheckId.OPTIONS, "The backup holds no schema named " + String.join(", ", notHeld)
                    + ", so leaving it out changes nothing. It holds: " + String.join(", ", held) + ".",
                    "Names are matched exactly, with their case; correct the name.");
        }
        List<String> said = new ArrayList<>();
        if (!plan.flags().whole()) {
            said.add("Only part of the backup is restored: " + PlanRules.names(plan.flags().restored())
                    + (plan.restoresRows() ? "." : "; the tables are checked to be there, not their rows."));
        }
        if (plan.flags().create()) {
            String dumpedAs = contents.dumpedAs() != null ? contents.dumpedAs() : plan.source().record().database();
            String made = ArchiveDatabase.traits(contents.entries(), plan.flags().noTablespaces())
                    .map(t -> "with the backup's encoding " + t.encoding() + " and locale " + t.collate()
                            + (t.locale() == null ? "" : " (" + t.locale() + ")"))
                    .orElse("with the server's defaults (the backup does not say how it was created)");
            said.add("The database " + plan.database() + " is created " + made + ", then given what " + dumpedAs
                    + " itself carried: " + DatabaseLevel.of(dumpedAs, contents.entries()).summary() + ".");
        }
        return said.isEmpty() ? basic : ok(CheckId.OPTIONS, String.join(" ", said));
    }

    /**
     * @param local the server runs on this computer, so its data folder's free space can be seen from here
     */
    static List<PreflightCheck> ofTarget(RestorePlan plan, TargetServer server, ArchiveContents contents, String targetName,
                                         boolean local) {
        List<PreflightCheck> checks = new ArrayList<>();
        String db = plan.database();
        boolean exists = server.exists(db);
        BackupRecord record = plan.source().record();
        PgVersion serverVersion = server.serverVersion();
        Optional<PgVersion> source = Optional.ofNullable(record.serverVersion()).flatMap(PgVersion::fromText);
        checks.add(source.filter(s -> s.majorNum() > serverVersion.majorNum())
                .map(s -> warn(CheckId.SERVER_VERSION, "The backup comes from PostgreSQL " + s + " and " + targetName
                        + " runs the older " + serverVersion + ": objects or syntax new in " + s.major() + " will fail.",
                        "Restore into a server of version " + s.major() + " or newer if errors appear."))
                .orElseGet(() -> ok(CheckId.SERVER_VERSION, targetName + " runs PostgreSQL " + serverVersion + ".")));
        checks.add(target(plan, db, exists, targetName));
        TargetServer.Privileges privileges = server.privileges();
        checks.add(privileges(plan, db, exists, privileges, server));
        if (exists && plan.mode() != RestoreMode.NEW_DATABASE) {
            checks.add(sessions(plan, server.sessions(db), privileges));
        }
        checks.add(roles(plan, contents, server.roles()));
        checks.add(extensions(contents.extensions(), server.availableExtensions().keySet()));
        checks.add(space(plan, record.databaseSizeBytes(), local ? server.dataDirectory() : Optional.empty(), exists));
        return checks;
    }

    private static PreflightCheck target(RestorePlan plan, String db, boolean exists, String targetName) {
        return switch (plan.mode()) {
            case NEW_DATABASE -> exists
                    ? block(CheckId.TARGET, "The database " + db + " already exists on " + targetName + ".",
                    "Choose another name, or restore with safe replace.")
                    : ok(CheckId.TARGET, "The database " + db + " will be created on " + targetName + ".");
            case IN_PLACE -> exists
                    ? ok(CheckId.TARGET, "The database " + db + " on " + targetName + " will be backed up, then "
                    + (plan.loadsIntoExistingTables() ? "the rows of the tables restored replaced by the backup's;"
                    + " their definitions and everything else stay."
                    : !plan.whole() && !plan.selective() ? "the backup's post-data made again; the tables and their"
                    + " rows stay."
                    : plan.selective() ? "the chosen objects in it replaced; everything else stays."
                    : "emptied and restored, so that it holds exactly what the backup holds."))
                    : block(CheckId.TARGET, "The database " + db + " does not exist on " + targetName + ".",
                    "Restore into a new database instead.");
            case SAFE_REPLACE -> ok(CheckId.TARGET, exists
                    ? "The backup will be restored beside " + db + " on " + targetName + "; " + db + " is swapped only once it is complete."
                    : "The database " + db + " does not exist on " + targetName + " yet; it will be created.");
        };
    }

    private static PreflightCheck privileges(RestorePlan plan, String db, boolean exists, TargetServer.Privileges p,
                                             TargetServer server) {
        RestoreMode mode = plan.mode();
        boolean owner = p.superuser() || (exists && server.ownsDatabase(db));
        // a whole restore in place drops the database and creates it again, so it needs CREATEDB as much as the others
        boolean creates = mode != RestoreMode.IN_PLACE || plan.whole();
        if (creates && !p.superuser() && !p.createDb()) {
            return block(CheckId.PRIVILEGES, "The role " + p.user() + " may not create databases.",
                    "Grant it CREATEDB (ALTER ROLE " + p.user() + " CREATEDB), or restore as another role.");
        }
        if (exists && mode != RestoreMode.NEW_DATABASE && !owner) {
            return block(CheckId.PRIVILEGES, "The role " + p.user() + " does not own " + db + ", so it may not "
                    + (mode == RestoreMode.IN_PLACE ? "restore over it." : "rename it aside."),
                    "Restore as the owner of " + db + " or a superuser, or restore into a new database.");
        }
        return ok(CheckId.PRIVILEGES, "The role " + p.user() + " has the privileges this restore needs.");
    }

    private static PreflightCheck sessions(RestorePlan plan, List<TargetServer.Session> sessions, TargetServer.Privileges p) {
        if (sessions.isEmpty()) {
            return ok(CheckId.SESSIONS, "Nobody else is connected to " + plan.database() + ".");
        }
        String listed = sessions.stream().map(Object::toString).collect(Collectors.joining(", "));
        String what = sessions.size() + " other session" + (sessions.size() == 1 ? " is" : "s are") + " connected to "
                + plan.database() + ": " + listed + ".";
        boolean othersUsers = sessions.stream().anyMatch(s -> !p.user().equals(s.user()));
        if (plan.terminateSessions() && othersUsers && !p.signalBackends()) {
            return block(CheckId.SESSIONS, what + " The role " + p.user() + " may not end other users' sessions.",
                    "Ask them to disconnect, or grant pg_signal_backend.");
        }
        return plan.terminateSessions()
                ? warn(CheckId.SESSIONS, what + " They will be ended just before the swap.", "")
                : block(CheckId.SESSIONS, what, "Ask them to disconnect, or let the restore end them.");
    }

    static PreflightCheck roles(RestorePlan plan, ArchiveContents contents, Set<String> existing) {
        Set<String> owners = missing(contents.owners(), existing);
        Set<String> grantees = missing(contents.sql().grantees(), existing);
        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        if (!owners.isEmpty() && !plan.noOwner()) {
            problems.add("The backup's objects are owned by roles the target lacks: " + String.join(", ", owners)
                    + ". Setting their owners will fail.");
            fixes.add("owners (no-owner)");
        }
        if (!grantees.isEmpty() && !plan.noPrivileges()) {
            problems.add("The backup grants privileges to roles the target lacks: " + String.join(", ", grantees)
                    + ". Those grants will fail, at the end of the restore.");
            fixes.add("grants (no-privileges)");
        }
        if (!problems.isEmpty()) {
            boolean rolesFile = plan.source().record().globalsFile() != null;
            return warn(CheckId.ROLES, String.join(" ", problems), "Restore leaving out " + String.join(" and ", fixes)
                    + (rolesFile ? ", or restore the backup's roles file first (create the missing roles)."
                    : ", or create the roles first."));
        }
        Set<String> skipped = new TreeSet<>(owners);
        skipped.addAll(grantees);
        return skipped.isEmpty()
                ? ok(CheckId.ROLES, "Every role the backup names exists on the target.")
                : ok(CheckId.ROLES, "The roles " + String.join(", ", skipped) + " are missing on the target; the"
                + " restore leaves out their ownership and privileges as chosen, so objects belong to the restoring role.");
    }

    private static Set<String> missing(Set<String> wanted, Set<String> existing) {
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(existing);
        return missing;
    }

    private static PreflightCheck extensions(Set<String> needed, Set<String> available) {
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(available);
        return missing.isEmpty()
                ? ok(CheckId.EXTENSIONS, needed.isEmpty() ? "The backup needs no extensions."
                : "The extensions the backup uses are available: " + String.join(", ", needed) + ".")
                : warn(CheckId.EXTENSIONS, "The backup uses extensions the target server does not have: "
                + String.join(", ", missing) + ".", "Install them on the server (e.g. the postgresql-contrib package) before restoring.");
    }

    private static PreflightCheck space(RestorePlan plan, long databaseSize, Optional<String> dataDirectory, boolean exists) {
        if (databaseSize <= 0) {
            return ok(CheckId.SPACE, "The size of the backed-up database was not recorded; no estimate of the space needed.");
        }
        long needed = (long) (databaseSize * SPACE_MARGIN);
        String estimate = "The restore needs about " + human(needed) + " on the server (the database was "
                + human(databaseSize) + " when backed up)"
                + (plan.mode() == RestoreMode.SAFE_REPLACE && exists ? ", beside the current database until you drop the old copy" : "");
        Optional<Long> free = dataDirectory.map(Path::of).filter(Files::isDirectory).flatMap(Preflight::usable);
        if (free.isEmpty()) {
            return ok(CheckId.SPACE, estimate + ". The server's free space cannot be seen from here.");
        }
        return free.get() < needed
                ? block(CheckId.SPACE, estimate + ", but only " + human(free.get()) + " are free.", "Free space on the server first.")
                : ok(CheckId.SPACE, estimate + "; " + human(free.get()) + " are free.");
    }

    private static Optional<Long> usable(Path dir) {
        try {
            FileStore store = Files.getFileStore(dir);
            return Optional.of(store.getUsableSpace());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** One rule for sizes everywhere: {@link ByteSizes}. */
    static String human(long bytes) {
        return ByteSizes.format(bytes);
    }
}

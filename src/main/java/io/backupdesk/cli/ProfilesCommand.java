package io.backupdesk.cli;

import java.util.List;
import java.nio.charset.StandardCharsets;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionDefaults;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ConnectionUri;
import io.backupdesk.core.ServerScope;
import io.backupdesk.pg.DatabaseScope;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ConnectionCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.Optional;

/** {@code backupdesk profiles ...}: connection profiles; passwords go to the pgpass file, never into profiles.json. */
@Command(name = "profiles", description = "Manage connection profiles.", subcommandsRepeatable = false)
public final class ProfilesCommand {
    private static final String ROW = "%-16s  %-40s  %-11s  %-10s  %s%n";

    @ParentCommand
    BackupDeskCli root;

    @Command(name = "add", description = "Add a profile, or replace the one with the same name.")
    int add(@Parameters(paramLabel = "NAME", description = "Letters, digits, '.', '_' or '-'.") String name,
            @Option(names = "--url", required = true, paramLabel = "URL",
                    description = "postgresql://USER@HOST:PORT/DATABASE[?sslmode=MODE]") String url,
            @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
            boolean passwordStdin,
            @Option(names = "--encrypt-to", paramLabel = "KEY", description = "Encrypt every backup of this profile to"
                    + " this key: a stored key's name ('keys list') or an age1... public key. Repeatable. Replacing a"
                    + " profile keeps its keys unless this or --no-encryption is given.") List<String> encryptTo,
            @Option(names = "--no-encryption", description = "Backups of this profile are not encrypted (unless a run"
                    + " or schedule names keys of its own).") boolean noEncryption,
            @Option(names = "--copy-to", paramLabel = "DESTINATION", description = "Copy every backup of this profile"
                    + " to this destination once it is verified ('destinations list'). Repeatable. Replacing a profile"
                    + " keeps its destinations unless this or --no-copies is given.") List<String> copyTo,
            @Option(names = "--no-copies", description = "Backups of this profile stay on this desk (unless a run or"
                    + " schedule names destinations of its own).") boolean noCopies,
            @Option(names = "--all-databases", description = "A server connection: every database the server has when"
                    + " a backup starts (never a template), plus the roles, backed up as one set. The URL's database,"
                    + " 'postgres' when it names none, is only where it logs in.") boolean allDatabases,
            @Option(names = "--include-database", paramLabel = "PATTERN", description = "With --all-databases: only"
                    + " databases matching this pattern ('*' and '?' as in pg_dumpall; repeatable).")
            List<String> includeDatabases,
            @Option(names = "--exclude-database", paramLabel = "PATTERN", description = "With --all-databases: never"
                    + " databases matching this pattern, as pg_dumpall --exclude-database (repeatable).")
            List<String> excludeDatabases,
            @Option(names = "--preset", paramLabel = "NAME", description = "Back up with this preset unless a backup"
                    + " names another ('presets list'); '' for the settings' defaults. Replacing a profile keeps its"
                    + " preset unless this is given.") String preset) throws IOException {
        ServerScope scope = scopeOf(allDatabases, includeDatabases, excludeDatabases);
        ConnectionUri.Parsed parsed = ConnectionUri.parse(name, url, scope == null ? ConnectionDefaults.fromSystem()
                : ConnectionDefaults.fromSystem().forServerConnection());
        Optional<ConnectionProfile> previous = root.engine().profiles().find(name);
        List<String> keys = encryptionOf(previous, encryptTo, noEncryption);
        List<String> destinations = copiesOf(previous, copyTo, noCopies);
        String presetName = preset == null ? previous.map(ConnectionProfile::preset).orElse(null)
                : preset.isBlank() ? null : root.engine().jobs().presets().require(preset).name();
        ConnectionProfile profile = parsed.profile().withEncryptTo(keys).withCopyTo(destinations).withServer(scope)
                .withPreset(presetName);
        Optional<String> password = passwordStdin ? Optional.of(root.readSecretLine("--password-stdin", "the password")) : parsed.password();
        if (parsed.password().isPresent() && !passwordStdin) {
            root.err().println("warning: the password was part of the URL and may be in your shell history;"
                    + " --password-stdin avoids that.");
        }
        root.engine().saveProfile(profile, null, password);
        root.out().println("Profile '" + name + "' " + (previous.isPresent() ? "replaced" : "saved") + ": "
                + describe(profile) + encryptionSaid(previous, keys, encryptTo == null || encryptTo.isEmpty())
                + (destinations.isEmpty() ? "" : "; copied to " + String.join(", ", destinations))
                + (presetName == null ? "" : "; preset " + presetName)
                + (password.isPresent() ? "; password stored in " + root.engine().credentials().storeOf(profile) : ""));
        return 0;
    }

    /** The scope of a server connection, its patterns checked as pg_dumpall would; null for one database. */
    private static ServerScope scopeOf(boolean allDatabases, List<String> include, List<String> exclude) {
        boolean patterns = include != null && !include.isEmpty() || exclude != null && !exclude.isEmpty();
        if (!allDatabases) {
            if (patterns) {
                throw BackupDeskException.configuration("--include-database and --exclude-database choose among the"
                        + " databases of a server connection, and this is a connection to one database.",
                        "Add --all-databases to back up every database of the server as a set.");
            }
            return null;
        }
        ServerScope scope = new ServerScope(include, exclude);
        DatabaseScope.check(scope);
        return scope;
    }

    /** A server connection says so, with its patterns; a connection to one database as before. */
    static String describe(ConnectionProfile p) {
        if (!p.wholeServer()) {
            return p.describe();
        }
        String where = p.describe();
        return "every database of " + where.substring(0, where.lastIndexOf('/')) + patterns(p.server());
    }

    private static String patterns(ServerScope scope) {
        return (scope.include().isEmpty() ? "" : ", only " + String.join(", ", scope.include()))
                + (scope.exclude().isEmpty() ? "" : ", except " + String.join(", ", scope.exclude()));
    }

    /**
     * The keys the profile is saved with: those given (checked now, so that no backup fails on them later), none, or
     * when neither is said, those it had. A profile is re-added to change its password or address, and that must not
     * quietly leave its next backups unencrypted.
     */
    private List<String> encryptionOf(Optional<ConnectionProfile> previous, List<String> encryptTo, boolean noEncryption) {
        boolean given = encryptTo != null && !encryptTo.isEmpty();
        if (given && noEncryption) {
            throw BackupDeskException.configuration("--encrypt-to and --no-encryption were both given.",
                    "Give --encrypt-to KEY to encrypt this profile's backups, or --no-encryption to stop, not both.");
        }
        if (noEncryption) {
            return List.of();
        }
        return given ? root.engine().encryptionKeys().check(encryptTo)
                : previous.map(ConnectionProfile::encryptTo).orElse(List.of());
    }

    /** The destinations, as {@link #encryptionOf} decides the keys: given and checked, none, or those it had. */
    private List<String> copiesOf(Optional<ConnectionProfile> previous, List<String> copyTo, boolean noCopies) {
        boolean given = copyTo != null && !copyTo.isEmpty();
        if (given && noCopies) {
            throw BackupDeskException.configuration("--copy-to and --no-copies were both given.",
                    "Give --copy-to DESTINATION to copy this profile's backups, or --no-copies to stop, not both.");
        }
        if (noCopies) {
            return List.of();
        }
        return given ? root.engine().jobs().copy().check(copyTo)
                : previous.map(ConnectionProfile::copyTo).orElse(List.of());
    }

    private static String encryptionSaid(Optional<ConnectionProfile> previous, List<String> keys, boolean kept) {
        boolean wasEncrypted = previous.map(p -> !p.encryptTo().isEmpty()).orElse(false);
        if (keys.isEmpty()) {
            return wasEncrypted ? "; its backups are no longer encrypted" : "";
        }
        return "; backups encrypted to " + Format.keys(keys) + (kept && wasEncrypted ? " (kept)" : "");
    }

    @Command(name = "list", description = "List the profiles.")
    int list(@Option(names = "--json", description = "Print a JSON array.") boolean json) {
        List<ConnectionProfile> all = root.engine().profiles().list();
        if (json) {
            root.out().println(CliJson.writeList(all.stream().map(p -> CliJson.profile(p, stored(p))).toList()));
            return 0;
        }
        if (all.isEmpty()) {
            root.out().println("No profiles yet. Add one with: backupdesk profiles add NAME --url postgresql://USER@HOST:5432/DB");
            return 0;
        }
        root.out().printf(ROW, "NAME", "CONNECTION", "SSL", "PASSWORD", "ENCRYPTED TO");
        all.forEach(p -> root.out().printf(ROW, p.name(), describe(p), p.sslMode().libpqName(),
                stored(p) ? "stored" : "not stored", Format.keys(p.encryptTo())));
        return 0;
    }

    @Command(name = "test", description = "Connect, and report the server version, database size and client programs.")
    int test(@Parameters(paramLabel = "NAME") String name) {
        ConnectionProfile profile = root.engine().profiles().require(name);
        ConnectionCheck check = root.engine().connectionCheck();
        ConnectionCheck.Report report = PasswordPrompt.retryAsking(profile, password -> check.test(profile, password));
        root.out().println("Connected to " + report.target());
        root.out().println("  server:     PostgreSQL " + report.serverVersionText());
        root.out().println("  database:   " + Format.bytes(report.databaseSizeBytes()));
        root.out().println("  pg_dump:    " + describe(report.pgDump()));
        root.out().println("  pg_restore: " + describe(report.pgRestore()));
        if (profile.wholeServer()) {
            DatabaseScope.Choice found = PasswordPrompt.retryAsking(profile,
                    password -> root.engine().jobs().sets().databasesOf(profile, password));
            root.out().println("  databases:  " + (found.chosen().isEmpty() ? "none (the patterns leave out every one)"
                    : String.join(", ", found.chosen())));
            root.out().println("  excluded:   " + (found.excluded().isEmpty() ? "none" : String.join(", ", found.excluded())));
        }
        report.problems().forEach(p -> root.err().println("problem: " + p));
        return report.compatible() ? 0 : 1;
    }

    @Command(name = "remove", description = "Remove a profile and its stored password. Its backups stay.")
    int remove(@Parameters(paramLabel = "NAME") String name) {
        root.engine().removeProfile(name);
        root.out().println("Profile '" + name + "' removed; its backups were kept.");
        return 0;
    }

    private boolean stored(ConnectionProfile p) {
        return root.engine().credentials().storedPassword(p).isPresent();
    }

    private static String describe(Optional<ClientInstallation> installation) {
        return installation.map(i -> i.version() + " in " + i.binDir() + " (compatible)").orElse("none compatible");
    }
}

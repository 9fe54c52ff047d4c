package io.backupdesk.pg;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ShellQuoting;
import io.backupdesk.core.SslMode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pg_dump command line a backup runs, written out for a person to read, copy and run by hand: the connection as
 * options instead of the environment we pass it in, no password (libpq finds it in ~/.pgpass or asks), and no
 * snapshot, which only lives while our own run does. What we do to pg_dump's output ourselves (gzip for plain SQL,
 * age encryption) is shown as the pipe that does the same.
 */
public final class ShownCommand {
    private ShownCommand() { }

    /**
     * @param fileName   the file the backup would be written to
     * @param recipients the age public keys it is encrypted to; empty for none
     * @param passphrase encrypted with a passphrase (age -p) instead
     */
    public static String backup(ConnectionProfile profile, BackupOptions options, PgVersion client, String fileName,
                                List<String> recipients, boolean passphrase) {
        boolean encrypted = passphrase || !recipients.isEmpty();
        boolean gzip = options.format() == BackupFormat.PLAIN && !options.compression().isNone();
        boolean piped = encrypted || gzip;
        List<String> words = new ArrayList<>(environment(profile));
        words.add("pg_dump");
        words.addAll(connection(profile));
        words.addAll(DumpCommands.pgDump(options, client, piped ? null : java.nio.file.Path.of(fileName), null));
        StringBuilder line = new StringBuilder(quoted(words));
        if (gzip) {
            line.append(" | gzip -").append(options.compression().level());
        }
        if (encrypted) {
            line.append(" | age ").append(passphrase ? "-p" : recipients.stream()
                    .map(r -> "-r " + ShellQuoting.quote(r)).collect(Collectors.joining(" ")));
        }
        if (piped) {
            line.append(" > ").append(ShellQuoting.quote(fileName));
        }
        return line.toString();
    }

    /**
     * Another client program's command line (pg_restore, psql) as {@link #backup} writes pg_dump's: the environment
     * libpq alone reads, the program, the connection as options, then its arguments; quoted for a POSIX shell.
     *
     * @param profile the connection, its database the one the program works on
     */
    public static String tool(ConnectionProfile profile, String program, List<String> args) {
        List<String> words = new ArrayList<>(environment(profile));
        words.add(program);
        words.addAll(connection(profile));
        words.addAll(args);
        return quoted(words);
    }

    /** What libpq reads from the environment only: a service name and an SSL mode other than its default. */
    private static List<String> environment(ConnectionProfile profile) {
        List<String> env = new ArrayList<>();
        if (profile.service() != null) {
            env.add("PGSERVICE=" + profile.service());
        }
        if (profile.sslMode() != SslMode.PREFER) {
            env.add("PGSSLMODE=" + profile.sslMode().libpqName());
        }
        return env;
    }

    private static List<String> connection(ConnectionProfile profile) {
        List<String> args = new ArrayList<>();
        if (profile.host() != null) {
            args.add("--host=" + profile.host());
            args.add("--port=" + profile.port());
        }
        if (profile.user() != null) {
            args.add("--username=" + profile.user());
        }
        if (profile.database() != null) {
            // pg_dump reads a --dbname with '=' in it, or a URI, as a whole connection string: then name it as one
            String name = profile.database();
            boolean readAsConnectionString = name.contains("=") || name.startsWith("postgresql://")
                    || name.startsWith("postgres://");
            args.add("--dbname=" + (readAsConnectionString
                    ? "dbname='" + name.replace("\\", "\\\\").replace("'", "\\'") + "'" : name));
        }
        return args;
    }

    private static String quoted(List<String> words) {
        return words.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }
}

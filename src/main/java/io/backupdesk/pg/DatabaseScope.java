package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ServerScope;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Applies a server connection's scope to the databases a server has, as pg_dumpall applies its patterns. */
public final class DatabaseScope {
    /**
     * @param chosen   the databases a set backs up, in the order given
     * @param excluded the others, which the set records as left out
     */
    public record Choice(List<String> chosen, List<String> excluded) { }

    private DatabaseScope() { }

    /** @param databases the server's databases, as {@link ServerInspector#connectableDatabases()} lists them */
    public static Choice choose(List<String> databases, ServerScope scope) {
        List<Pattern> include = compiled(scope.include());
        List<Pattern> exclude = compiled(scope.exclude());
        List<String> chosen = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (String database : databases) {
            boolean wanted = (include.isEmpty() || matchesAny(include, database)) && !matchesAny(exclude, database);
            (wanted ? chosen : excluded).add(database);
        }
        return new Choice(List.copyOf(chosen), List.copyOf(excluded));
    }

    /** Refuses a pattern pg_dumpall would refuse, with the reason; for checking a connection before it is saved. */
    public static void check(ServerScope scope) {
        compiled(scope.include());
        compiled(scope.exclude());
    }

    private static boolean matchesAny(List<Pattern> patterns, String database) {
        return patterns.stream().anyMatch(p -> p.matcher(database).matches());
    }

    private static List<Pattern> compiled(List<String> patterns) {
        List<Pattern> compiled = new ArrayList<>();
        for (String text : patterns) {
            PgNamePattern pattern = PgNamePattern.parse(text);
            if (pattern.schemaRegex() != null) {
                throw BackupDeskException.configuration("'" + text + "' is not a database pattern: it has a dot.",
                        "Quote a database name that has a dot in it, e.g. '\"my.db\"'.");
            }
            compiled.add(Pattern.compile(pattern.nameRegex(), Pattern.DOTALL));
        }
        return List.copyOf(compiled);
    }
}

package io.backupdesk.restore;

import java.util.List;

/**
 * What was given to a restored database of what the database itself carried (its {@link DatabaseLevel}).
 *
 * @param given   the statements run, as run
 * @param failed  the statements the server refused, each with what it said
 * @param refused statements of the archive's entries for the database that are not what pg_dump writes for one; not run
 * @param note    why nothing could be given, e.g. a plain SQL backup, which holds none of it; null otherwise
 */
public record DatabaseLevelReport(String database, List<String> given, List<String> failed, List<String> refused,
                                  String note) {
    public DatabaseLevelReport {
        given = List.copyOf(given);
        failed = List.copyOf(failed);
        refused = List.copyOf(refused);
    }

    static DatabaseLevelReport nothing(String database, String note) {
        return new DatabaseLevelReport(database, List.of(), List.of(), List.of(), note);
    }

    public boolean succeeded() {
        return failed.isEmpty() && refused.isEmpty();
    }
}

package io.backupdesk.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the health is judged over: the databases someone watches now, and the conditions acknowledged.
 *
 * @param watched      the databases of the connections that exist now; null to judge every database the catalog and
 *                     the history know, each from when it was first seen
 * @param acknowledged when each acknowledged condition ({@link DatabaseHealth#condition()}) was acknowledged
 */
public record HealthScope(List<Watched> watched, Map<String, Instant> acknowledged) {
    public HealthScope {
        watched = watched == null ? null : List.copyOf(watched);
        acknowledged = acknowledged == null ? Map.of() : Map.copyOf(acknowledged);
    }

    /** Every database the catalog and the history know, nothing acknowledged. */
    public static HealthScope everything() {
        return new HealthScope(null, Map.of());
    }

    /**
     * One database that is watched over.
     *
     * @param database null for a server connection that has no set yet, judged by its set runs as a whole
     * @param since    when its RPO clock started; null for when it was first seen in the catalog or the history
     */
    public record Watched(String profile, String database, Instant since) {
        public String key() {
            return database == null ? profile : profile + "/" + database;
        }
    }
}

package io.backupdesk.pg;

/**
 * A table whose rows pg_dump dumps, with the numbers progress is estimated from.
 *
 * @param sizeBytes     on-disk size including TOAST, the weight of the table in the progress bar
 * @param estimatedRows the planner's estimate; -1 when never analysed
 */
public record TableInfo(long oid, String schema, String name, long sizeBytes, long estimatedRows) {
    public String qualifiedName() {
        return schema + "." + name;
    }

    /** {@code "schema"."name"} with embedded quotes doubled, safe to put in SQL. */
    public String quotedName() {
        return quote(schema) + "." + quote(name);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

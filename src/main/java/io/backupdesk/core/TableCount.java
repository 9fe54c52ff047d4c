package io.backupdesk.core;

/**
 * A table in a backup and its exact number of rows, counted in the snapshot pg_dump dumped.
 *
 * @param rows null for a schema-only backup, which holds no rows
 */
public record TableCount(String schema, String name, Long rows) {
    public String qualifiedName() {
        return schema + "." + name;
    }
}

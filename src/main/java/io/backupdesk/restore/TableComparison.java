package io.backupdesk.restore;

/**
 * A table's rows in the backup and in the restored database.
 *
 * @param expected rows counted in the backup's snapshot; null for a schema-only backup
 * @param actual   rows in the restored database; null when the table is not there
 */
public record TableComparison(String schema, String name, Long expected, Long actual) {
    public boolean matches() {
        return actual != null && (expected == null || expected.equals(actual));
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}

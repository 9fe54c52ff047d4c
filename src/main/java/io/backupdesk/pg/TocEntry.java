package io.backupdesk.pg;

import java.util.List;

/**
 * One entry of an archive's table of contents, as pg_dump wrote it: names are whole fields, never split from a line
 * of text, so a name with spaces, dots, quotes or line breaks comes back exactly as it is in the database.
 *
 * @param dumpId        the entry's id; a {@code --use-list} names entries by it
 * @param tableOid      the catalog the object lives in (pg_class, pg_namespace ...), 0 for entries without one
 * @param oid           the object's oid at dump time; for TABLE DATA the table's
 * @param desc          the kind of entry: "TABLE", "TABLE DATA", "EXTENSION", "BLOBS" ...
 * @param namespace     the schema, "" for objects outside a schema (schemas, extensions, large objects)
 * @param tag           the object's name as pg_dump tags it: a table's bare name, "name_pkey" for a constraint,
 *                      "COLUMN t.c" for a comment
 * @param owner         the owning role, "" where the entry has none (extensions, BLOBS, comments on extensions)
 * @param sql           the SQL of the entries whose statements are read (see {@link #keepsSql}): grants, the encoding,
 *                      and the database's own settings, comment and grants; "" for every other kind, since keeping
 *                      every definition would hold a whole schema in memory
 * @param dependencies  the dump ids this entry depends on
 * @param defined       whether the entry has SQL of its own to run: the entry of a database's default schema public
 *                      has none (it carries only its comment and grants), one of a dump made with a schema pattern
 *                      that matched public creates it
 */
public record TocEntry(int dumpId, long tableOid, long oid, String desc, String namespace, String tag, String owner,
                       String sql, List<Integer> dependencies, boolean defined) {

    public TocEntry {
        dependencies = List.copyOf(dependencies);
    }

    public boolean is(String kind) {
        return desc.equals(kind);
    }

    /**
     * Whether an entry's SQL is kept in {@link #sql()}: grants (ACL, DEFAULT ACL), which pre-flight reads for the roles
     * they name; the encoding; and what the database itself carries, which a restore without {@code --create} leaves
     * out (its CREATE DATABASE with encoding and locale, DATABASE PROPERTIES, and the comment and security label
     * pg_dump tags "DATABASE name").
     */
    static boolean keepsSql(String desc, String tag) {
        return desc.equals("ACL") || desc.equals("DEFAULT ACL") || desc.equals("ENCODING")
                || desc.equals("DATABASE") || desc.equals("DATABASE PROPERTIES")
                || (desc.equals("COMMENT") || desc.equals("SECURITY LABEL")) && tag != null && tag.startsWith("DATABASE ");
    }

    /** Whether this is one of the entries of the database itself, whose SQL only a restore with --create runs. */
    public boolean ofTheDatabase() {
        return desc.equals("DATABASE PROPERTIES") || (desc.equals("COMMENT") || desc.equals("SECURITY LABEL")
                || desc.equals("ACL")) && namespace.isEmpty() && tag.startsWith("DATABASE ");
    }
}

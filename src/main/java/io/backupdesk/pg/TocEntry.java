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
 * @param privileges    the SQL of ACL and DEFAULT ACL entries (the grants), "" for every other kind: only the
 *                      grants are needed, and keeping every definition would hold a whole schema in memory
 * @param dependencies  the dump ids this entry depends on
 * @param defined       whether the entry has SQL of its own to run: the entry of a database's default schema public
 *                      has none (it carries only its comment and grants), one of a dump made with a schema pattern
 *                      that matched public creates it
 */
public record TocEntry(int dumpId, long tableOid, long oid, String desc, String namespace, String tag, String owner,
                       String privileges, List<Integer> dependencies, boolean defined) {

    public TocEntry {
        dependencies = List.copyOf(dependencies);
    }

    public boolean is(String kind) {
        return desc.equals(kind);
    }

    /** Whether this entry carries grants whose SQL is kept in {@link #privileges()}. */
    static boolean keepsPrivileges(String desc) {
        return desc.equals("ACL") || desc.equals("DEFAULT ACL");
    }
}

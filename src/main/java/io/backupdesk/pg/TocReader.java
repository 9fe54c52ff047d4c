package io.backupdesk.pg;

import io.backupdesk.core.BackupFormat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the header and table of contents that pg_dump writes at the start of a custom archive and in the
 * {@code toc.dat} of a directory or tar archive. Field order follows the archive version in the header; versions
 * before 1.10 (older than any PostgreSQL still in use) and after 1.16 (newer than this reader knows) are refused.
 */
final class TocReader {
    static final int OLDEST_MINOR = 10;
    static final int NEWEST_MINOR = 16;
    private static final int NAME_MAX = 1 << 20;
    private static final int SQL_MAX = 64 << 20;
    private static final Pattern CLIENT_ENCODING = Pattern.compile("client_encoding\\s*=\\s*'([^']+)'");
    /** PostgreSQL's names for the encodings whose Java names differ; the rest are found by Java under their own. */
    private static final Map<String, String> ENCODINGS = Map.ofEntries(Map.entry("UTF8", "UTF-8"),
            Map.entry("SQL_ASCII", "ISO-8859-1"), Map.entry("LATIN1", "ISO-8859-1"), Map.entry("LATIN2", "ISO-8859-2"),
            Map.entry("LATIN3", "ISO-8859-3"), Map.entry("LATIN4", "ISO-8859-4"), Map.entry("LATIN5", "ISO-8859-9"),
            Map.entry("LATIN7", "ISO-8859-13"), Map.entry("LATIN9", "ISO-8859-15"), Map.entry("ISO_8859_5", "ISO-8859-5"),
            Map.entry("ISO_8859_6", "ISO-8859-6"), Map.entry("ISO_8859_7", "ISO-8859-7"), Map.entry("ISO_8859_8", "ISO-8859-8"),
            Map.entry("KOI8R", "KOI8-R"), Map.entry("KOI8U", "KOI8-U"), Map.entry("EUC_JP", "EUC-JP"), Map.entry("EUC_KR", "EUC-KR"),
            Map.entry("EUC_CN", "GB2312"), Map.entry("EUC_TW", "x-EUC-TW"), Map.entry("SJIS", "Shift_JIS"),
            Map.entry("BIG5", "Big5"), Map.entry("GBK", "GBK"), Map.entry("GB18030", "GB18030"), Map.entry("UHC", "x-windows-949"));

    private final TocInput in;
    private final BackupFormat expected;
    private int minor;

    TocReader(TocInput in, BackupFormat expected) {
        this.in = in;
        this.expected = expected;
    }

    /** Thrown for an archive version this reader does not know; the message names it. */
    static final class UnknownVersion extends Exception {
        UnknownVersion(String message) {
            super(message);
        }
    }

    ArchiveToc read() throws IOException, TocInput.Damaged, UnknownVersion {
        byte[] magic = in.readBytes(5);
        if (!new String(magic, StandardCharsets.ISO_8859_1).equals("PGDMP")) {
            throw new TocInput.Damaged("it does not start with pg_dump's mark PGDMP");
        }
        int major = in.readByte();
        minor = in.readByte();
        int revision = in.readByte();
        String version = major + "." + minor + "." + revision;
        if (major != 1 || minor > NEWEST_MINOR) {
            throw new UnknownVersion("it is archive version " + version + ", made by a newer pg_dump than this version"
                    + " of Backup Desk reads (up to 1." + NEWEST_MINOR + ")");
        }
        if (minor < OLDEST_MINOR) {
            throw new UnknownVersion("it is archive version " + version + ", from a pg_dump older than this version of"
                    + " Backup Desk reads (1." + OLDEST_MINOR + " and newer)");
        }
        int intSize = in.readByte();
        int offSize = in.readByte();
        if (intSize < 1 || intSize > 8 || offSize < 1 || offSize > 16) {
            throw new TocInput.Damaged("its header gives integers of " + intSize + " and offsets of " + offSize + " bytes");
        }
        in.sizes(intSize, offSize);
        int format = in.readByte();
        // pg_dump writes a directory archive's toc.dat with the tar format's code, so that either reader takes it
        if (format != formatCode(expected) && !(expected == BackupFormat.DIRECTORY && format == 5)) {
            throw new TocInput.Damaged("its header says format " + format + " where a " + expected.cliName()
                    + " archive has " + formatCode(expected));
        }
        if (minor >= 15) {
            in.readByte();
        } else {
            in.readInt();
        }
        long[] time = new long[7];
        for (int i = 0; i < time.length; i++) {
            time[i] = in.readInt();
        }
        String database = in.readString("the database name", NAME_MAX);
        String server = in.readString("the server version", NAME_MAX);
        String dumpedBy = in.readString("the pg_dump version", NAME_MAX);
        List<TocEntry> raw = entries();
        Charset charset = charsetOf(raw);
        List<TocEntry> entries = raw.stream().map(e -> new TocEntry(e.dumpId(), e.tableOid(), e.oid(), e.desc(),
                decode(e.namespace(), charset), decode(e.tag(), charset), decode(e.owner(), charset),
                e.is("ENCODING") ? "" : decode(e.sql(), charset), e.dependencies(), e.defined())).toList();
        return new ArchiveToc(expected, version, decode(database, charset), createdAt(time),
                PgVersion.fromText(nullToEmpty(server)), PgVersion.fromText(nullToEmpty(dumpedBy)), entries);
    }

    private List<TocEntry> entries() throws IOException, TocInput.Damaged {
        // the smallest entry is 16 fields of at least a sign byte and an int each; more claimed than fit is damage
        int count = in.readInt("the number of entries", 0, Integer.MAX_VALUE);
        long fits = in.remaining() / (16L * (1 + in.intSize()));
        if (count > fits) {
            throw new TocInput.Damaged("it lists " + count + " entries but ends " + in.remaining()
                    + " bytes later, too soon for them: it is cut short or damaged");
        }
        List<TocEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(entry());
        }
        return entries;
    }

    private TocEntry entry() throws IOException, TocInput.Damaged {
        int dumpId = in.readInt("an entry id", 1, Integer.MAX_VALUE);
        in.readInt();
        long tableOid = oid(in.readString("a catalog oid", NAME_MAX));
        long oid = oid(in.readString("an object oid", NAME_MAX));
        String tag = in.readString("a name", NAME_MAX);
        String desc = in.readString("an entry kind", NAME_MAX);
        if (desc == null) {
            throw new TocInput.Damaged("entry " + dumpId + " has no kind");
        }
        if (minor >= 11) {
            in.readInt();
        }
        String defn = null;
        boolean defined;
        if (TocEntry.keepsSql(desc, tag)) {
            defn = in.readString("the SQL of entry " + dumpId, SQL_MAX);
            defined = defn != null && !defn.isEmpty();
        } else if (desc.equals("SCHEMA")) {
            // the default schema public has no CREATE of its own, only a comment such as "-- *not* creating schema,
            // since initdb creates it" in dumps of servers before 15
            String sql = in.readString("the SQL of entry " + dumpId, SQL_MAX);
            defined = sql != null && sql.contains("CREATE SCHEMA");
        } else {
            defined = in.skipString("the SQL of entry " + dumpId) > 0;
        }
        in.skipString("the drop statement of entry " + dumpId);
        in.skipString("the copy statement of entry " + dumpId);
        String namespace = in.readString("a schema name", NAME_MAX);
        in.skipString("a tablespace name");
        if (minor >= 14) {
            in.skipString("a table access method");
        }
        if (minor >= 16) {
            in.readInt();
        }
        String owner = in.readString("an owner", NAME_MAX);
        in.skipString("the with-oids flag");
        List<Integer> dependencies = new ArrayList<>();
        for (String dep = in.readString("a dependency", NAME_MAX); dep != null; dep = in.readString("a dependency", NAME_MAX)) {
            dependencies.add(dependency(dep, dumpId));
        }
        if (expected == BackupFormat.CUSTOM) {
            in.skipOffset();
        } else {
            in.skipString("a data file name");
        }
        return new TocEntry(dumpId, tableOid, oid, desc, nullToEmpty(namespace), nullToEmpty(tag), nullToEmpty(owner),
                nullToEmpty(defn), dependencies, defined);
    }

    private static long oid(String text) throws TocInput.Damaged {
        try {
            long value = text == null || text.isEmpty() ? 0 : Long.parseLong(text);
            if (value < 0 || value > 0xFFFFFFFFL) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new TocInput.Damaged("an oid reads '" + text + "'");
        }
    }

    private static int dependency(String text, int dumpId) throws TocInput.Damaged {
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the entry it belongs to
        }
        throw new TocInput.Damaged("entry " + dumpId + " depends on '" + text + "', which is not an entry id");
    }

    private static int formatCode(BackupFormat format) {
        return switch (format) {
            case CUSTOM -> 1;
            case TAR, DIRECTORY -> 3;
            case PLAIN -> throw new IllegalArgumentException("a plain SQL dump has no table of contents");
        };
    }

    /** The encoding pg_dump wrote the names in, from its ENCODING entry; UTF-8 where it gives none Java knows. */
    private static Charset charsetOf(List<TocEntry> entries) {
        for (TocEntry e : entries) {
            Matcher m = CLIENT_ENCODING.matcher(e.sql());
            if (e.is("ENCODING") && m.find()) {
                String name = m.group(1).toUpperCase(Locale.ROOT);
                String java = ENCODINGS.getOrDefault(name, name.startsWith("WIN") ? "windows-" + name.substring(3) : name);
                try {
                    return Charset.forName(java);
                } catch (IllegalArgumentException e2) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String decode(String bytesAsLatin1, Charset charset) {
        return bytesAsLatin1 == null ? null : new String(bytesAsLatin1.getBytes(StandardCharsets.ISO_8859_1), charset);
    }

    /** pg_dump writes the local time of the machine it ran on, without a zone; pg_restore reads it as its own local time. */
    private static Instant createdAt(long[] t) {
        try {
            return LocalDateTime.of((int) t[5] + 1900, (int) t[4] + 1, (int) t[3], (int) t[2], (int) t[1], (int) t[0])
                    .atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

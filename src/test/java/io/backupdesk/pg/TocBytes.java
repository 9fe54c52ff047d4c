package io.backupdesk.pg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes a header and table of contents the way pg_dump lays them out, for tests of versions this machine cannot make. */
final class TocBytes {
    /** One entry to write; fields a version does not have are left out by the writer. */
    record Entry(int dumpId, String desc, String namespace, String tag, String owner, String defn, List<Integer> deps) { }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int minor;
    private final int format;

    /** @param format 1 custom, 3 tar, 5 directory */
    TocBytes(int minor, int format) {
        this.minor = minor;
        this.format = format;
    }

    TocBytes header(String database) {
        out.writeBytes("PGDMP".getBytes(StandardCharsets.US_ASCII));
        out.write(1);
        out.write(minor);
        out.write(0);
        out.write(4);
        out.write(8);
        out.write(format);
        if (minor >= 15) {
            out.write(1);
        } else {
            integer(-1);
        }
        for (int field : new int[] {7, 43, 12, 21, 10, 126, 0}) {
            integer(field);
        }
        string(database);
        string("16.4");
        string("16.4");
        return this;
    }

    TocBytes entries(List<Entry> entries) {
        integer(entries.size());
        for (Entry e : entries) {
            integer(e.dumpId());
            integer(e.desc().equals("TABLE DATA") ? 1 : 0);
            string("1259");
            string(String.valueOf(16000 + e.dumpId()));
            string(e.tag());
            string(e.desc());
            if (minor >= 11) {
                integer(2);
            }
            string(e.defn());
            string("");
            string(null);
            string(e.namespace());
            string("");
            if (minor >= 14) {
                string("heap");
            }
            if (minor >= 16) {
                integer('r');
            }
            string(e.owner());
            string("false");
            e.deps().forEach(d -> string(String.valueOf(d)));
            string(null);
            if (format == 1) {
                out.write(3);
                out.writeBytes(new byte[8]);
            } else {
                string(e.desc().equals("TABLE DATA") ? e.dumpId() + ".dat" : "");
            }
        }
        return this;
    }

    TocBytes integer(long value) {
        out.write(value < 0 ? 1 : 0);
        long magnitude = Math.abs(value);
        for (int i = 0; i < 4; i++) {
            out.write((int) (magnitude >>> (8 * i)) & 0xff);
        }
        return this;
    }

    TocBytes string(String text) {
        if (text == null) {
            return integer(-1);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        integer(bytes.length);
        out.writeBytes(bytes);
        return this;
    }

    /** Zero bytes after the end, so that an entry count is plausible for the length and the entry itself is read. */
    TocBytes pad(int n) {
        out.writeBytes(new byte[n]);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}

package io.backupdesk.pg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The primitive values of pg_dump's archive format, read from a stream whose length is known. The file is untrusted:
 * every length is checked against what is left before anything is allocated, so a damaged or crafted file ends in
 * {@link Damaged}, never in a huge allocation or a read past its end.
 */
final class TocInput {
    /** The file is not what pg_dump writes; the message says where and why. */
    static final class Damaged extends Exception {
        Damaged(String message) {
            super(message);
        }
    }

    private final InputStream in;
    private final long length;
    private long position;
    private int intSize = 4;
    private int offSize = 8;

    TocInput(InputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    void sizes(int intSize, int offSize) {
        this.intSize = intSize;
        this.offSize = offSize;
    }

    int intSize() {
        return intSize;
    }

    long position() {
        return position;
    }

    long remaining() {
        return length - position;
    }

    int readByte() throws IOException, Damaged {
        if (position >= length) {
            throw new Damaged("it ends after " + position + " bytes, in the middle of its table of contents");
        }
        int b = in.read();
        if (b < 0) {
            throw new Damaged("it ends after " + position + " bytes, in the middle of its table of contents");
        }
        position++;
        return b;
    }

    byte[] readBytes(int n) throws IOException, Damaged {
        require(n);
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new Damaged("it ends after " + (position + bytes.length) + " bytes, in the middle of its table of contents");
        }
        position += n;
        return bytes;
    }

    /** A sign byte, then {@code intSize} bytes, least significant first; wider than a long is refused at the header. */
    long readInt() throws IOException, Damaged {
        boolean negative = readByte() != 0;
        long value = 0;
        for (int i = 0; i < intSize; i++) {
            value |= ((long) readByte()) << (8 * i);
        }
        if (value < 0) {
            throw new Damaged("a number at byte " + position + " is out of range");
        }
        return negative ? -value : value;
    }

    /** An int that must fit Java's int and lie within the bounds: ids, counts, flags. */
    int readInt(String what, long min, long max) throws IOException, Damaged {
        long start = position;
        long value = readInt();
        if (value < min || value > max) {
            throw new Damaged(what + " at byte " + start + " is " + value + ", which cannot be");
        }
        return (int) value;
    }

    /**
     * A length, then that many bytes; length -1 is SQL NULL, given as null. Bytes are kept as ISO-8859-1 chars, one
     * char a byte, so that the caller can decode them once it knows the archive's encoding.
     *
     * @param max the longest this field may sensibly be; a longer one means the file is damaged
     */
    String readString(String what, int max) throws IOException, Damaged {
        int n = stringLength(what, max);
        return n < 0 ? null : new String(readBytes(n), StandardCharsets.ISO_8859_1);
    }

    /** Reads past a string that is not needed, without holding it in memory; returns its length, -1 for NULL. */
    int skipString(String what) throws IOException, Damaged {
        int n = stringLength(what, Integer.MAX_VALUE);
        if (n > 0) {
            skip(n);
        }
        return n;
    }

    /** The custom format's data position: a flag byte (1 not set, 2 set, 3 no data) and {@code offSize} bytes. */
    void skipOffset() throws IOException, Damaged {
        long start = position;
        int flag = readByte();
        if (flag < 1 || flag > 3) {
            throw new Damaged("the data position flag at byte " + start + " is " + flag + ", which cannot be");
        }
        skip(offSize);
    }

    private int stringLength(String what, int max) throws IOException, Damaged {
        long start = position;
        long n = readInt();
        if (n == -1) {
            return -1;
        }
        if (n < 0 || n > remaining() || n > max) {
            throw new Damaged(what + " at byte " + start + " claims " + n + " bytes"
                    + (n > remaining() ? " but only " + remaining() + " are left" : ""));
        }
        return (int) n;
    }

    private void require(long n) throws Damaged {
        if (n > remaining()) {
            throw new Damaged("it ends after " + length + " bytes, in the middle of its table of contents");
        }
    }

    private void skip(long n) throws IOException, Damaged {
        require(n);
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new Damaged("it ends after " + (position + n - left) + " bytes, in the middle of its table of contents");
                }
                skipped = 1;
            }
            left -= skipped;
        }
        position += n;
    }
}

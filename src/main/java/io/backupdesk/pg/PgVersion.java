package io.backupdesk.pg;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL version as {@code server_version_num} spells it: 150018 is 15.18, 90624 is 9.6.24. Before 10 the
 * major version had two parts, so majors are compared as {@link #majorNum()} (1500 for 15, 906 for 9.6).
 */
public record PgVersion(int num) implements Comparable<PgVersion> {
    private static final Pattern TOOL_VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");
    private static final Pattern PLAIN_VERSION = Pattern.compile("^\\s*(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    public static PgVersion ofMajor(int major) {
        return new PgVersion(major * 10000);
    }

    /** Parses "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" and the like, "17devel" and "16beta2" included. */
    public static Optional<PgVersion> fromToolOutput(String output) {
        Matcher m = TOOL_VERSION.matcher(output == null ? "" : output);
        return m.find() ? Optional.of(of(m)) : Optional.empty();
    }

    /** Parses a bare version such as "15.18 (Debian 15.18-0+deb12u1)", as pg_restore's archive header shows it. */
    public static Optional<PgVersion> fromText(String text) {
        Matcher m = PLAIN_VERSION.matcher(text == null ? "" : text);
        return m.find() ? Optional.of(of(m)) : Optional.empty();
    }

    private static PgVersion of(Matcher m) {
        int first = Integer.parseInt(m.group(1));
        int second = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int third = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return first >= 10 ? new PgVersion(first * 10000 + second) : new PgVersion(first * 10000 + second * 100 + third);
    }

    public int majorNum() {
        return num >= 100000 ? (num / 10000) * 100 : num / 100;
    }

    /** "15", or "9.6" for the old two-part majors. */
    public String major() {
        return num >= 100000 ? String.valueOf(num / 10000) : (num / 10000) + "." + (num / 100 % 100);
    }

    /** The first component of the major version: 15 for 15.18, 9 for 9.6. */
    public int majorFirst() {
        return num / 10000;
    }

    public boolean sameMajorAs(PgVersion other) {
        return majorNum() == other.majorNum();
    }

    @Override
    public int compareTo(PgVersion other) {
        return Integer.compare(num, other.num);
    }

    @Override
    public String toString() {
        return num >= 100000 ? (num / 10000) + "." + (num % 10000) : major() + "." + (num % 100);
    }
}

package io.backupdesk.backup;


import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the comment header of a plain SQL dump, gzip-compressed or not: the versions it was made with. */
final class PlainDumpHeader {
    private static final Pattern FROM = Pattern.compile("^-- Dumped from database version (.+)$");
    private static final Pattern BY = Pattern.compile("^-- Dumped by pg_dump version (.+)$");
    private static final int HEADER_LINES = 60;

    private PlainDumpHeader() { }

    static DumpImporter.DumpHeader read(Path file) throws IOException {
        return read(PlainDumpStream.open(file), PlainDumpStream.isGzip(file));
    }

    /** Reads the header from the dump's SQL text, and closes it. */
    static DumpImporter.DumpHeader read(InputStream sql, boolean gzip) throws IOException {
        String server = null;
        String dumpedBy = null;
        try (InputStream in = sql;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            for (int i = 0; i < HEADER_LINES && (line = reader.readLine()) != null; i++) {
                Matcher m;
                if ((m = FROM.matcher(line)).find()) {
                    server = m.group(1).trim();
                } else if ((m = BY.matcher(line)).find()) {
                    dumpedBy = m.group(1).trim();
                }
            }
        }
        return new DumpImporter.DumpHeader(null, server, dumpedBy, gzip ? "gzip" : "none", null, List.of());
    }
}

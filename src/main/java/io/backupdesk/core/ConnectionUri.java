package io.backupdesk.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a libpq connection URI ({@code postgresql://user:secret@host:5432/db?sslmode=require}) into a profile
 * and, separately, the password it may carry so that the caller can move it into the pgpass file.
 */
public final class ConnectionUri {
    private static final String HINT = "Write it as postgresql://USER@HOST:PORT/DATABASE, e.g. postgresql://postgres@localhost:5432/sales.";

    /** A parsed URI: the profile and the password it contained, if any. */
    public record Parsed(ConnectionProfile profile, Optional<String> password) { }

    private ConnectionUri() { }

    public static Parsed parse(String profileName, String uri, ConnectionDefaults defaults) {
        String text = uri == null ? "" : uri.trim();
        String rest = stripScheme(text);
        // user info first: a password with an unencoded '/' or '?' must not end up in the path or the query
        String userInfo = null;
        int at = rest.lastIndexOf('@', firstOf(rest, '?'));
        if (at >= 0) {
            userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        if (rest.contains(",")) {
            throw BackupDeskException.configuration("Connection URIs with several hosts are not supported.", "Create one profile per host.");
        }
        Map<String, String> params = parseQuery(query);
        String user = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = colon >= 0 ? decode(userInfo.substring(colon + 1)) : null;
        }
        String[] hostPort = splitHostPort(rest);
        String service = params.getOrDefault("service", null);
        String host = firstNonBlank(params.get("host"), decode(hostPort[0]), service == null ? defaults.host() : null);
        String portText = firstNonBlank(params.get("port"), hostPort[1], null);
        String database = firstNonBlank(params.get("dbname"), decode(path), service == null ? defaults.database() : null);
        user = firstNonBlank(params.get("user"), user, service == null ? defaults.user() : null);
        password = firstNonBlank(params.get("password"), password, null);
        SslMode sslMode = params.containsKey("sslmode") ? SslMode.parse(params.get("sslmode")) : defaults.sslMode();
        ConnectionProfile profile = new ConnectionProfile(profileName, host, parsePort(portText, defaults.port()),
                database, user, sslMode, service);
        return new Parsed(profile, Optional.ofNullable(password).filter(p -> !p.isEmpty()));
    }

    private static String stripScheme(String text) {
        for (String scheme : new String[] {"postgresql://", "postgres://"}) {
            if (text.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return text.substring(scheme.length());
            }
        }
        // the text is not echoed: it may be a keyword/value string with a password in it
        throw BackupDeskException.configuration("The connection text is not a postgresql:// URI.", HINT);
    }

    private static int firstOf(String text, char c) {
        int i = text.indexOf(c);
        return i < 0 ? text.length() : i;
    }

    private static String[] splitHostPort(String hostPort) {
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw BackupDeskException.configuration("The IPv6 address in the URI lacks its closing ']'.", HINT);
            }
            String after = hostPort.substring(close + 1);
            return new String[] {hostPort.substring(1, close), after.startsWith(":") ? after.substring(1) : null};
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0) {
            return new String[] {hostPort.substring(0, colon), hostPort.substring(colon + 1)};
        }
        return new String[] {hostPort, null};
    }

    private static int parsePort(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw BackupDeskException.configuration("The port in the URI is not a number.", HINT);
        }
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            params.put(key, eq >= 0 ? decode(pair.substring(eq + 1)) : "");
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return text == null ? null : URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // the text is not echoed: it may be the password
            throw BackupDeskException.configuration("The URI has a '%' that is not followed by two hex digits.",
                    "Write a '%' in a name or password as %25, and other special characters as %XX, e.g. '@' as %40.");
        }
    }

    private static String firstNonBlank(String a, String b, String c) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return c;
    }

    /** Drops a password from a URI before it appears in a message. */
    public static String redact(String text) {
        return text.replaceAll("(://[^:/@]*):[^@/]*@", "$1:***@");
    }
}

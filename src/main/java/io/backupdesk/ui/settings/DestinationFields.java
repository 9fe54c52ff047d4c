package io.backupdesk.ui.settings;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Destination;
import io.backupdesk.ui.Messages;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * What the destination form says under each field, and how a folder typed as a path becomes its URL. The
 * {@link Destination} record's own rules and words are used wherever it has them, so that the form and the command
 * line refuse the same things the same way.
 */
final class DestinationFields {
    private DestinationFields() { }

    /** Empty while nothing is typed, and for a stored destination, whose name stays. */
    static String nameProblem(String typed, boolean existing, Set<String> taken) {
        if (typed.isEmpty() || existing) {
            return "";
        }
        try {
            // the record's own rule and words; the URL is one that is always right, so only the name can be wrong
            new Destination(typed, "file:///", null, null, false, null, null, null, null, false, null);
        } catch (BackupDeskException e) {
            return e.getMessage() + " " + e.hint();
        }
        return taken.contains(typed) ? Messages.get("destinations.error.taken", typed) : "";
    }

    /** @param url as {@link #url} makes it from what was typed */
    static String urlProblem(String url, Destination.Kind kind) {
        if (url.isEmpty()) {
            return "";
        }
        String form = Messages.get("destinations.url.form." + kind.name().toLowerCase(Locale.ROOT));
        if (!url.contains(":")) {
            // no scheme at all: the form's own shape says more than "kind '' is not known"
            return form;
        }
        try {
            return Destination.kindOf(url) == kind ? "" : form;
        } catch (BackupDeskException e) {
            return e.getMessage() + " " + form;
        }
    }

    /** An S3 endpoint is a web address with a host; empty is AWS. */
    static String endpointProblem(String typed) {
        if (typed.isEmpty()) {
            return "";
        }
        try {
            URI uri = new URI(typed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? ""
                    : Messages.get("destinations.error.endpoint");
        } catch (URISyntaxException e) {
            return Messages.get("destinations.error.endpoint");
        }
    }

    /** A file the SSH client reads is named by its full path: the app's working folder means nothing to a user. */
    static String pathProblem(String typed) {
        try {
            return typed.isBlank() || Path.of(typed.trim()).isAbsolute() ? "" : Messages.get("destinations.error.path");
        } catch (InvalidPathException e) {
            return Messages.get("destinations.error.path");
        }
    }

    /** The URL as typed; for a folder, a full path typed as it is written is taken for its file:/// URL. */
    static String url(String typed, Destination.Kind kind) {
        if (kind == Destination.Kind.FOLDER && !typed.isEmpty() && !typed.contains(":/")) {
            try {
                Path path = Path.of(typed);
                return path.isAbsolute() ? fileUrl(path) : typed;
            } catch (InvalidPathException e) {
                return typed;
            }
        }
        return typed;
    }

    /** A folder as its file:/// URL, without a trailing slash. */
    static String fileUrl(Path folder) {
        String uri = folder.toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") && uri.length() > "file:///".length() ? uri.substring(0, uri.length() - 1) : uri;
    }
}

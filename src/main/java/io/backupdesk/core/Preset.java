package io.backupdesk.core;

import java.util.regex.Pattern;

/**
 * A named way of backing up, chosen where a backup is started: Back up now, a connection's default, a schedule. It
 * holds how to dump (format, compression, what to leave out, pg_dump's switches, the size limit), never where the
 * backup goes nor to which keys it is encrypted, which belong to the connection.
 */
public record Preset(String name, String description, BackupOptions options) {
    private static final Pattern VALID_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._ -]{0,63}");

    public Preset {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw BackupDeskException.configuration("'" + name + "' is not a valid preset name.",
                    "Use up to 64 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.");
        }
        description = description == null || description.isBlank() ? null : description.strip();
        // where a backup goes and its label belong to the run or the connection, not to a way of dumping
        options = (options == null ? BackupOptions.defaults() : options).toBuilder().encryptTo(null).copyTo(null)
                .label(null).build();
    }
}

package io.backupdesk.jobs;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ByteSizes;
import io.backupdesk.core.Compression;
import io.backupdesk.store.Settings;

/**
 * What a backup takes from the settings when it is not told otherwise: the format, its compression, and whether it is
 * read back. Read once per job from the settings, typed, so that the command line, Back up now, the tray and a new
 * schedule all start from the same defaults.
 *
 * @param format      the default format; null for the built-in one (custom)
 * @param compression the default compression of that format; null for the format's own default
 * @param verify      read each new backup back in full before it counts as done
 * @param maxSizeBytes the size a backup may grow to when its options set none; null for no limit
 */
public record BackupDefaults(BackupFormat format, Compression compression, boolean verify, Long maxSizeBytes) {

    /** The settings were checked field by field when they were loaded, so their values parse. */
    public static BackupDefaults of(Settings settings) {
        return new BackupDefaults(settings.defaultFormat() == null ? null : BackupFormat.parse(settings.defaultFormat()),
                settings.defaultCompression() == null ? null : Compression.parse(settings.defaultCompression()),
                settings.verifiesAfterBackup(),
                settings.defaultMaxSize() == null ? null : ByteSizes.parse(settings.defaultMaxSize()));
    }

    /**
     * The options as a run takes them: with the default size limit when they set none (a preset's, a connection's or
     * {@code --max-size} wins), whoever started the run.
     */
    public BackupOptions limited(BackupOptions options) {
        return options.maxSizeBytes() != null || maxSizeBytes == null ? options
                : options.toBuilder().maxSizeBytes(maxSizeBytes).build();
    }

    /** The whole database with the default format and compression and nothing else set. */
    public BackupOptions options() {
        return withDefaults(null, null, null);
    }

    /**
     * Options for what the user chose, the rest from the settings. The default compression belongs to the default
     * format: a format chosen without a compression takes that format's own default, not the setting's level (which
     * may not even fit it, as a gzip level does not fit tar).
     *
     * @param chosenFormat      the format the user chose, or null
     * @param chosenCompression the compression the user chose, or null
     * @param label             the label, or null
     */
    public BackupOptions withDefaults(BackupFormat chosenFormat, Compression chosenCompression, String label) {
        return BackupOptions.builder().format(formatFor(chosenFormat))
                .compression(compressionFor(chosenFormat, chosenCompression)).label(label).build();
    }

    /** The chosen format, else the default one. */
    public BackupFormat formatFor(BackupFormat chosen) {
        return chosen != null ? chosen : format;
    }

    /** The chosen compression; else the default one when the format is the default too, else the format's own. */
    public Compression compressionFor(BackupFormat chosenFormat, Compression chosen) {
        return chosen != null ? chosen : chosenFormat == null ? compression : null;
    }

    /** Whether to read the backup back: as the user said, else as the settings say. */
    public boolean verify(Boolean chosen) {
        return chosen != null ? chosen : verify;
    }
}

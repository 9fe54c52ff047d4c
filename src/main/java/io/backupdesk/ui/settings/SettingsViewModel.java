package io.backupdesk.ui.settings;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.ByteSizes;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Compression;
import io.backupdesk.store.Background;
import io.backupdesk.store.Settings;
import io.backupdesk.ui.CompressionChoices;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The settings: backup folder, default backup options, verify after backup, the RPO, failure alerts, the theme,
 * start at login, a folder of client programs to prefer, and where the logs are. The theme applies as soon as it is
 * chosen (Save keeps it); start at login applies on Save, which adds or removes the system's login entry; a new backup folder or client programs folder
 * applies at the next start, which the screen says. Saving changes only what the screen shows: the settings other
 * parts keep (the scheduler's, the tray's) are read again and kept as they are then.
 */
public final class SettingsViewModel {
    private static final int MAX_RPO_HOURS = Settings.MAX_RPO_HOURS;
    public static final int MAX_CONCURRENT_JOBS = Settings.MAX_CONCURRENT_JOBS;

    private final SettingsOperations settings;
    private final TaskRunner runner;
    private final StringProperty backupRoot = new SimpleStringProperty("");
    private final StringProperty defaultBackupRoot = new SimpleStringProperty("");
    private final ObjectProperty<BackupFormat> format = new SimpleObjectProperty<>(BackupFormat.CUSTOM);
    private final StringProperty compression = new SimpleStringProperty(CompressionChoices.DEFAULT);
    private final BooleanProperty newCompressions = new SimpleBooleanProperty();
    private final ObservableList<String> compressionChoices = FXCollections.observableArrayList(
            CompressionChoices.of(BackupFormat.CUSTOM, false, null));
    private final BooleanProperty verifyAfterBackup = new SimpleBooleanProperty(true);
    private final StringProperty rpoHours = new SimpleStringProperty(String.valueOf(Settings.DEFAULT_RPO_HOURS));
    private final StringProperty maxSize = new SimpleStringProperty("");
    private final StringProperty theme = new SimpleStringProperty("light");
    private final BooleanProperty startAtLogin = new SimpleBooleanProperty(false);
    private final BooleanProperty notifyOnSuccess = new SimpleBooleanProperty(false);
    private final IntegerProperty concurrentJobs = new SimpleIntegerProperty(1);
    private final StringProperty clientToolsDir = new SimpleStringProperty("");
    private final StringProperty logsDir = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringBinding rpoError;
    private final StringBinding folderError;
    private final StringBinding compressionError;
    private final StringBinding maxSizeError;
    private final AlertsFormViewModel alerts;
    private final BooleanBinding canSave;
    private Settings loaded = Settings.defaults();

    /** @param themeChanged applies a theme ("light" or "dark") to the running app */
    public SettingsViewModel(SettingsOperations settings, TaskRunner runner, Consumer<String> themeChanged) {
        this.settings = settings;
        this.runner = runner;
        rpoError = Bindings.createStringBinding(() -> rpo() == null ? Messages.get("settings.error.rpo", MAX_RPO_HOURS) : "",
                rpoHours);
        folderError = Bindings.createStringBinding(() -> isRelative(backupRoot.get()) || isRelative(clientToolsDir.get())
                ? Messages.get("settings.error.folder") : "", backupRoot, clientToolsDir);
        compressionError = Bindings.createStringBinding(() -> compressionProblem(), compression, format);
        maxSizeError = Bindings.createStringBinding(() -> maxSizeText() == null ? Messages.get("settings.error.maxSize")
                : "", maxSize);
        alerts = new AlertsFormViewModel(settings, runner);
        // the same list as Back up now's: zstd and lz4 only where pg_dump has them, and not for plain SQL
        InvalidationListener choices = o -> compressionChoices.setAll(CompressionChoices.of(format.get(),
                newCompressions.get(), compression.get()));
        format.addListener(choices);
        newCompressions.addListener(choices);
        compression.addListener(choices);
        // a theme is seen to be chosen, not only once saved
        theme.addListener((o, was, now) -> themeChanged.accept(now));
        canSave = rpoError.isEmpty().and(folderError.isEmpty()).and(compressionError.isEmpty()).and(maxSizeError.isEmpty())
                .and(alerts.valid());
    }

    /** What is read when the screen opens. */
    private record Read(Settings settings, Path defaultBackupRoot, Path logsDir, boolean smtpPasswordStored,
                        boolean newCompressions) { }

    /** What saving wrote. */
    private record Saved(Settings settings, boolean smtpPasswordStored) { }

    public void load() {
        runner.runInBackground((progress, cancel) -> new Read(settings.load(), settings.defaultBackupRoot(),
                settings.logsDir(), settings.hasSmtpPassword(), settings.newCompressions()), read -> {
            loaded = read.settings();
            defaultBackupRoot.set(read.defaultBackupRoot().toString());
            logsDir.set(read.logsDir().toString());
            backupRoot.set(nullToEmpty(loaded.backupRoot()));
            format.set(loaded.defaultFormat() == null ? BackupFormat.CUSTOM : BackupFormat.parse(loaded.defaultFormat()));
            newCompressions.set(read.newCompressions());
            compression.set(levelText(loaded.defaultCompression()));
            verifyAfterBackup.set(loaded.verifiesAfterBackup());
            rpoHours.set(String.valueOf(loaded.rpo().toHours()));
            maxSize.set(nullToEmpty(loaded.defaultMaxSize()));
            theme.set("dark".equals(loaded.theme()) ? "dark" : "light");
            startAtLogin.set(loaded.backgroundOrDefaults().startsAtLogin());
            notifyOnSuccess.set(loaded.backgroundOrDefaults().notifiesOnSuccess());
            concurrentJobs.set(loaded.backgroundOrDefaults().concurrentJobs());
            clientToolsDir.set(nullToEmpty(loaded.clientToolsDir()));
            alerts.fill(loaded.alertsOrNone(), read.smtpPasswordStored());
            message.set("");
        }, failure -> message.set(failure.getMessage()));
    }

    /**
     * Writes the settings. With start at login on, the login entry is written again each time (the app may have
     * moved since); turned off, it is removed. The entry goes first, so a failure leaves the file unchanged rather
     * than claiming an entry the system does not have.
     */
    public void save() {
        boolean atLogin = startAtLogin.get();
        Background loadedBackground = loaded.backgroundOrDefaults();
        boolean wasAtLogin = loadedBackground.startsAtLogin();
        Settings screen = new Settings(Settings.VERSION, emptyToNull(backupRoot.get()), emptyToNull(clientToolsDir.get()),
                verifyAfterBackup.get(), rpo(), theme.get(), format.get() == BackupFormat.CUSTOM ? null : format.get().cliName(),
                emptyToNull(compression.get()), loaded.background(), alerts.alerts(), emptyToNull(maxSizeText()));
        AlertsFormViewModel.PasswordChange passwordChange = alerts.passwordChange();
        String typedPassword = alerts.typedPassword();
        int jobs = Math.max(1, Math.min(MAX_CONCURRENT_JOBS, concurrentJobs.get()));
        boolean notifySuccess = notifyOnSuccess.get();
        // the scheduler takes its limit of jobs when the app starts
        boolean needsRestart = !Objects.equals(screen.backupRoot(), loaded.backupRoot())
                || !Objects.equals(screen.clientToolsDir(), loaded.clientToolsDir())
                || jobs != loadedBackground.concurrentJobs();
        runner.runInBackground((progress, cancel) -> {
            if (atLogin || wasAtLogin) {
                settings.startAtLogin(atLogin);
            }
            // the scheduler and the tray keep their group in the same file and may have changed it since the load
            // only what was changed on this screen is written over the file's group as it is now
            Background stored = settings.load().background();
            Background current = stored == null ? Background.defaults() : stored;
            boolean loginChanged = atLogin != wasAtLogin;
            boolean jobsChanged = jobs != loadedBackground.concurrentJobs();
            boolean noticeChanged = notifySuccess != loadedBackground.notifiesOnSuccess();
            Background background = !loginChanged && !jobsChanged && !noticeChanged ? stored
                    : (loginChanged ? current.withStartAtLogin(atLogin) : current).withJobsAndSuccessNotice(
                            jobsChanged ? jobs : current.concurrentJobs(),
                            noticeChanged ? notifySuccess : current.notifiesOnSuccess());
            Settings changed = screen.withBackground(background);
            settings.save(changed);
            switch (passwordChange) {
                case STORE -> settings.storeSmtpPassword(typedPassword);
                case FORGET -> settings.forgetSmtpPassword();
                case KEEP -> { }
            }
            return new Saved(changed, settings.hasSmtpPassword());
        }, saved -> {
            loaded = saved.settings();
            alerts.saved(saved.smtpPasswordStored());
            message.set(Messages.get(needsRestart ? "settings.saved.restart" : "settings.saved"));
        }, failure -> message.set(failure instanceof BackupDeskException e && !e.hint().isBlank()
                ? e.getMessage() + " " + e.hint() : failure.getMessage()));
    }

    private Integer rpo() {
        try {
            int hours = Integer.parseInt(rpoHours.get().trim());
            return hours >= 1 && hours <= MAX_RPO_HOURS ? hours : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The size limit as typed, trimmed; empty for none; null when it is no size. */
    private String maxSizeText() {
        String text = maxSize.get() == null ? "" : maxSize.get().trim();
        if (text.isEmpty()) {
            return "";
        }
        try {
            return ByteSizes.parse(text) > 0 ? text : null;
        } catch (BackupDeskException e) {
            return null;
        }
    }

    private String compressionProblem() {
        if (compression.get() == null || compression.get().isBlank()) {
            return "";
        }
        try {
            Compression level = Compression.parse(compression.get());
            BackupOptions.builder().format(format.get()).compression(level).build();
            return "";
        } catch (BackupDeskException e) {
            return e.getMessage();
        }
    }

    /** The stored default as the list shows it ("gzip:6" is "6"); a text that is no compression stays as it is. */
    private static String levelText(String stored) {
        try {
            return CompressionChoices.text(CompressionChoices.parse(stored));
        } catch (BackupDeskException e) {
            return stored;
        }
    }

    /** The folder chosen with Browse…, as a full path. */
    public void backupRootChosen(Path folder) {
        backupRoot.set(folder.toAbsolutePath().toString());
    }

    private static boolean isRelative(String folder) {
        return folder != null && !folder.isBlank() && !Path.of(folder.trim()).isAbsolute();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public AlertsFormViewModel alerts() {
        return alerts;
    }

    public StringProperty backupRootProperty() {
        return backupRoot;
    }

    public ReadOnlyStringProperty defaultBackupRootProperty() {
        return defaultBackupRoot;
    }

    public ObjectProperty<BackupFormat> formatProperty() {
        return format;
    }

    public StringProperty compressionProperty() {
        return compression;
    }

    /** The compression levels to choose from, as Back up now offers them. */
    public ObservableList<String> compressionChoices() {
        return compressionChoices;
    }

    public BooleanProperty verifyAfterBackupProperty() {
        return verifyAfterBackup;
    }

    public StringProperty maxSizeProperty() {
        return maxSize;
    }

    public StringBinding maxSizeError() {
        return maxSizeError;
    }

    public StringProperty rpoHoursProperty() {
        return rpoHours;
    }

    public StringProperty themeProperty() {
        return theme;
    }

    public BooleanProperty notifyOnSuccessProperty() {
        return notifyOnSuccess;
    }

    /** How many scheduled jobs may run at once, across databases: 1 to {@value #MAX_CONCURRENT_JOBS}. */
    public IntegerProperty concurrentJobsProperty() {
        return concurrentJobs;
    }

    public BooleanProperty startAtLoginProperty() {
        return startAtLogin;
    }

    public StringProperty clientToolsDirProperty() {
        return clientToolsDir;
    }

    public ReadOnlyStringProperty logsDirProperty() {
        return logsDir;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public StringBinding rpoError() {
        return rpoError;
    }

    public StringBinding folderError() {
        return folderError;
    }

    public StringBinding compressionError() {
        return compressionError;
    }

    public BooleanBinding canSave() {
        return canSave;
    }
}

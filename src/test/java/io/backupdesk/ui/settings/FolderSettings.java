package io.backupdesk.ui.settings;

import io.backupdesk.alert.AlertChannel;
import io.backupdesk.alert.AlertDispatcher;
import io.backupdesk.store.Alerts;
import io.backupdesk.store.Settings;
import io.backupdesk.store.SettingsStore;
import io.backupdesk.store.SmtpPasswordStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The settings screen's operations on a real settings file and SMTP password file in a folder, and real channels.
 * The login entry is recorded, not written: the entries themselves are tested in {@code LoginItemTest}.
 */
final class FolderSettings implements SettingsOperations {
    final SettingsStore store;
    final SmtpPasswordStore smtpPassword;
    /** Each start-at-login change asked for, in order. */
    final List<Boolean> loginEntries = new CopyOnWriteArrayList<>();
    /** Thrown instead of changing the login entry, when set. */
    volatile RuntimeException loginFailure;
    private final Path dir;

    FolderSettings(Path dir) {
        this.dir = dir;
        this.store = new SettingsStore(dir, w -> { });
        this.smtpPassword = new SmtpPasswordStore(dir);
    }

    @Override
    public Settings load() {
        return store.load();
    }

    @Override
    public void save(Settings settings) {
        store.save(settings);
    }

    @Override
    public void startAtLogin(boolean enabled) {
        if (loginFailure != null) {
            throw loginFailure;
        }
        loginEntries.add(enabled);
    }

    @Override
    public Path defaultBackupRoot() {
        return dir.resolve("backups");
    }

    @Override
    public Path logsDir() {
        return dir.resolve("logs");
    }

    @Override
    public boolean hasSmtpPassword() {
        return smtpPassword.read().isPresent();
    }

    @Override
    public void storeSmtpPassword(String password) {
        smtpPassword.store(password);
    }

    @Override
    public void forgetSmtpPassword() {
        smtpPassword.remove();
    }

    @Override
    public String sendTestAlert(Alerts alerts, AlertChannel.Kind channel, Optional<String> typedPassword) {
        return AlertDispatcher.of(alerts, typedPassword.isPresent() ? () -> typedPassword : smtpPassword::read)
                .sendTest(channel);
    }
}

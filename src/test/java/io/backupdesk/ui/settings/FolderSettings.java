package io.backupdesk.ui.settings;

import io.backupdesk.alert.AlertChannel;
import io.backupdesk.alert.AlertDispatcher;
import io.backupdesk.store.Alerts;
import io.backupdesk.store.Settings;
import io.backupdesk.store.SettingsStore;
import io.backupdesk.store.SmtpPasswordStore;

import java.nio.file.Path;
import java.util.Optional;

/** The settings screen's operations on a real settings file and SMTP password file in a folder, and real channels. */
final class FolderSettings implements SettingsOperations {
    final SettingsStore store;
    final SmtpPasswordStore smtpPassword;
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

package io.backupdesk.app;

import io.backupdesk.engine.Engine;
import io.backupdesk.app.login.LoginItem;

import io.backupdesk.alert.AlertChannel;
import io.backupdesk.alert.AlertDispatcher;
import io.backupdesk.store.Alerts;
import io.backupdesk.store.Settings;
import io.backupdesk.ui.settings.SettingsOperations;

import java.nio.file.Path;
import java.util.Optional;

/** The settings screen's operations on the engine's settings file, SMTP password file and alert channels. */
final class EngineSettingsOperations implements SettingsOperations {
    private final Engine engine;

    EngineSettingsOperations(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Settings load() {
        return engine.settings().load();
    }

    @Override
    public void save(Settings settings) {
        engine.settings().save(settings);
    }

    @Override
    public void startAtLogin(boolean enabled) {
        LoginItem.forCurrentUser().apply(enabled);
    }

    @Override
    public boolean newCompressions() {
        return EnginePresetOperations.newCompressions(engine);
    }

    @Override
    public Path defaultBackupRoot() {
        return engine.paths().defaultBackupRoot();
    }

    @Override
    public Path logsDir() {
        return engine.paths().logsDir();
    }

    @Override
    public boolean hasSmtpPassword() {
        return engine.smtpPassword().read().isPresent();
    }

    @Override
    public void storeSmtpPassword(String password) {
        engine.smtpPassword().store(password);
    }

    @Override
    public void forgetSmtpPassword() {
        engine.smtpPassword().remove();
    }

    @Override
    public String sendTestAlert(Alerts alerts, AlertChannel.Kind channel, Optional<String> typedPassword) {
        return AlertDispatcher.of(alerts, typedPassword.isPresent() ? () -> typedPassword : engine.smtpPassword()::read)
                .sendTest(channel);
    }
}

package io.backupdesk.app;

import io.backupdesk.engine.Engine;

import io.backupdesk.core.ConnectionDefaults;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Preset;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.pg.ConnectionCheck;
import io.backupdesk.ui.connections.ProfileOperations;

import java.util.List;
import java.util.Optional;

/** The connections screen's operations on the engine's profile store and pgpass file. */
final class EngineProfileOperations implements ProfileOperations {
    private final Engine engine;

    EngineProfileOperations(Engine engine) {
        this.engine = engine;
    }

    @Override
    public List<ConnectionProfile> list() {
        return engine.profiles().list();
    }

    @Override
    public void save(ConnectionProfile profile, String previousName, Optional<String> password) {
        engine.encryptionKeys().check(profile.encryptTo());
        engine.jobs().copy().check(profile.copyTo());
        // a preset the connection named before may be kept whatever became of it; a new choice must exist
        String before = previousName == null ? null
                : engine.profiles().find(previousName).map(ConnectionProfile::preset).orElse(null);
        if (profile.preset() != null && !profile.preset().equals(before)) {
            engine.jobs().presets().require(profile.preset());
        }
        engine.saveProfile(profile, previousName, password);
    }

    @Override
    public void remove(ConnectionProfile profile) {
        engine.removeProfile(profile.name());
    }

    @Override
    public boolean hasStoredPassword(ConnectionProfile profile) {
        return engine.credentials().storedPassword(profile).isPresent();
    }

    @Override
    public ConnectionCheck.Report test(ConnectionProfile profile, Optional<String> password) {
        return engine.connectionCheck().test(profile, password);
    }

    @Override
    public List<String> databases(ConnectionProfile profile, Optional<String> password) {
        return engine.connectionCheck().databases(profile, password);
    }

    @Override
    public List<StoredKey> keys() {
        return engine.keys().list();
    }

    @Override
    public List<Destination> destinations() {
        return engine.jobs().destinations().list();
    }

    @Override
    public List<Preset> presets() {
        return engine.jobs().presets().list();
    }

    @Override
    public ConnectionDefaults defaults() {
        return ConnectionDefaults.fromSystem();
    }
}

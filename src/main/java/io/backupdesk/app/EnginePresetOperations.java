package io.backupdesk.app;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Compression;
import io.backupdesk.core.Preset;
import io.backupdesk.engine.Engine;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.ui.settings.PresetOperations;

import java.util.List;

/** The Presets section on the engine's presets, which refuse to remove one in use. */
final class EnginePresetOperations implements PresetOperations {
    private final Engine engine;

    EnginePresetOperations(Engine engine) {
        this.engine = engine;
    }

    /**
     * Whether the newest pg_dump found compresses with zstd and lz4: the same version test the engine makes before a
     * run ({@link Compression#needsPg16()}), so a level the list offers is one a backup can take.
     */
    static boolean newCompressions(Engine engine) {
        return engine.tools().newest(ClientTool.PG_DUMP).map(c -> c.version().majorFirst() >= 16).orElse(false);
    }

    @Override
    public List<Preset> list() {
        return engine.jobs().presets().list();
    }

    @Override
    public void save(Preset preset) {
        engine.jobs().presets().save(preset);
    }

    @Override
    public void remove(String name) {
        engine.jobs().presets().remove(name);
    }

    @Override
    public BackupOptions defaults() {
        return engine.backupDefaults().options();
    }

    @Override
    public boolean newCompressions() {
        return newCompressions(engine);
    }
}

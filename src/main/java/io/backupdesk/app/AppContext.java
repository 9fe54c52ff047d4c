package io.backupdesk.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The desktop composition root: the headless engine plus what the UI owns, such as its named worker executor.
 * Closed on quit.
 */
public final class AppContext implements AutoCloseable {
    private final Engine engine;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ui-background");
        t.setDaemon(true);
        return t;
    });

    public AppContext(AppPaths paths, Consumer<String> warnings) {
        Logs.toFolder(paths.logsDir());
        this.engine = new Engine(paths, null, warnings);
    }

    public Engine engine() {
        return engine;
    }

    public ExecutorService background() {
        return background;
    }

    @Override
    public void close() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }
}

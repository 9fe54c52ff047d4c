package io.backupdesk.ui;

import io.backupdesk.core.DaemonThreads;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The real task runner for a UI test, on a thread of its own that is stopped after each test. Register it with
 * {@code @RegisterExtension}.
 */
public final class UiJobs implements AfterEachCallback {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named("ui-test-job"));
    private final FxTaskRunner runner = new FxTaskRunner(executor);

    public FxTaskRunner runner() {
        return runner;
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}

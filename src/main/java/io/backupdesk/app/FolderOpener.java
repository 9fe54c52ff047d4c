package io.backupdesk.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens a folder in the system's file manager, and says so when none can: JavaFX's {@code showDocument} fails
 * silently (a line on stderr) on a desktop without a registered file manager, which left "Show in folder" and
 * "Open log folder" doing nothing at all. The opener runs off the UI thread; a failure reaches {@code cannotOpen}
 * on whatever thread {@code report} hands it to.
 */
final class FolderOpener implements Consumer<Path> {
    private static final Logger LOG = LoggerFactory.getLogger(FolderOpener.class);
    /** xdg-open and open hand the folder over and exit; one that hangs this long did not open it either. */
    private static final long WAIT_SECONDS = 10;

    /** Runs the system's opener on a folder; true when it says it opened it. */
    @FunctionalInterface
    interface SystemOpener {
        boolean open(Path folder) throws IOException, InterruptedException;
    }

    private final SystemOpener system;
    private final Executor background;
    private final Consumer<Runnable> report;
    private final Consumer<Path> cannotOpen;

    /**
     * @param background where the opener runs (it may wait for a process)
     * @param report     hands a failure to the thread that may show it
     * @param cannotOpen tells the user the folder could not be opened and offers its path
     */
    FolderOpener(SystemOpener system, Executor background, Consumer<Runnable> report, Consumer<Path> cannotOpen) {
        this.system = system;
        this.background = background;
        this.report = report;
        this.cannotOpen = cannotOpen;
    }

    @Override
    public void accept(Path folder) {
        background.execute(() -> {
            boolean opened;
            try {
                opened = system.open(folder);
            } catch (IOException e) {
                LOG.warn("No file manager opened {}: {}", folder, e.getMessage());
                opened = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!opened) {
                report.accept(() -> cannotOpen.accept(folder));
            }
        });
    }

    /** The platform's own opener: xdg-open on Linux and the BSDs, open on macOS, explorer on Windows. */
    static SystemOpener forThisSystem() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            // explorer's exit code says nothing (1 on success), so only a failure to start it counts
            return folder -> {
                new ProcessBuilder(List.of("explorer", folder.toString())).start();
                return true;
            };
        }
        String command = os.startsWith("mac") ? "open" : "xdg-open";
        return folder -> {
            Process process = new ProcessBuilder(List.of(command, folder.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroy();
                return false;
            }
            return process.exitValue() == 0;
        };
    }
}

package io.backupdesk.ui;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Progress;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/**
 * Runs long work away from the UI thread and hands the outcome back on it. ViewModels depend on this alone: the
 * desktop runs work on named background threads ({@link FxTaskRunner}), ViewModel tests run it at once on the
 * calling thread.
 *
 * <p>Threading contract: {@code work} runs on a worker thread; {@code onDone} and {@code onFailed} run on the UI
 * thread, as do all changes to {@link #jobs()} and to a job's properties.
 */
public interface TaskRunner {

    /** Work that may take long: it reports progress and polls its cancellation. */
    @FunctionalInterface
    interface Work<T> {
        T call(Progress progress, Cancellation cancel) throws Exception;
    }

    /**
     * Starts the work and lists it in {@link #jobs()} until it ends.
     *
     * @param title what the status bar calls it, e.g. "Backing up prod/sales"
     */
    <T> RunningJob run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed);

    /**
     * Starts work the user did not ask for as a job, such as reading the catalog for a screen: the same threading,
     * but not listed in {@link #jobs()} and not cancellable from the status bar.
     */
    <T> void runInBackground(Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed);

    /** A log a job can feed from its thread, keeping the newest {@code maxLines} lines for a view. */
    LiveLog liveLog(int maxLines);

    /** The jobs running now, oldest first, for the status bar. */
    ObservableList<RunningJob> jobs();
}

package io.backupdesk.ui;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ProgressUpdate;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The desktop's task runner: each job is a JavaFX {@link Task} on the executor it is given (named and owned by the
 * app context). Progress reaches the UI coalesced: however often the work reports, the UI thread applies at most
 * the newest update, once per pulse.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService executor;
    private final ObservableList<RunningJob> jobs = FXCollections.observableArrayList();

    public FxTaskRunner(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public <T> RunningJob run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        return start(title, work, onDone, onFailed, true);
    }

    @Override
    public <T> void runInBackground(Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        start("", work, onDone, onFailed, false);
    }

    private <T> RunningJob start(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed,
                                 boolean listed) {
        Cancellation cancellation = new Cancellation();
        RunningJob job = new RunningJob(title, cancellation);
        AtomicReference<ProgressUpdate> pending = new AtomicReference<>();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call(update -> {
                    if (pending.getAndSet(update) == null) {
                        Platform.runLater(() -> job.show(pending.getAndSet(null)));
                    }
                }, cancellation);
            }
        };
        task.setOnSucceeded(e -> {
            jobs.remove(job);
            onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            jobs.remove(job);
            onFailed.accept(task.getException());
        });
        if (executor.isShutdown()) {
            // the app is quitting: a late refresh or a scheduler event after close starts nothing
            return job;
        }
        if (listed) {
            jobs.add(job);
        }
        try {
            executor.submit(task);
        } catch (RejectedExecutionException e) {
            jobs.remove(job); // shut down between the look and the submit
        }
        return job;
    }

    /** Lines are gathered from the job's thread and handed to the UI thread in batches, once per pulse. */
    @Override
    public LiveLog liveLog(int maxLines) {
        ObservableList<String> lines = FXCollections.observableArrayList();
        ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
        AtomicBoolean scheduled = new AtomicBoolean();
        return new LiveLog() {
            @Override
            public void accept(String line) {
                pending.add(line);
                if (scheduled.compareAndSet(false, true)) {
                    Platform.runLater(() -> {
                        scheduled.set(false);
                        List<String> batch = new ArrayList<>();
                        for (String next; (next = pending.poll()) != null; ) {
                            batch.add(next);
                        }
                        lines.addAll(batch);
                        if (lines.size() > maxLines) {
                            lines.remove(0, lines.size() - maxLines);
                        }
                    });
                }
            }

            @Override
            public ObservableList<String> lines() {
                return lines;
            }
        };
    }

    @Override
    public ObservableList<RunningJob> jobs() {
        return jobs;
    }
}

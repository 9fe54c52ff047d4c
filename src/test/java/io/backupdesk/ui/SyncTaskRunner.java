package io.backupdesk.ui;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ProgressUpdate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs the work at once on the calling thread: ViewModel tests need no toolkit and no waiting. */
public final class SyncTaskRunner implements TaskRunner {
    private final ObservableList<RunningJob> jobs = FXCollections.observableArrayList();
    /** Every job title run so far, for assertions. */
    public final List<String> titles = new ArrayList<>();

    @Override
    public <T> RunningJob run(String title, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        titles.add(title);
        RunningJob job = new RunningJob(title, new Cancellation());
        jobs.add(job);
        T result;
        try {
            result = work.call((ProgressUpdate update) -> job.show(update), new Cancellation());
        } catch (Exception e) {
            jobs.remove(job);
            onFailed.accept(e);
            return job;
        }
        jobs.remove(job);
        onDone.accept(result);
        return job;
    }

    @Override
    public <T> void runInBackground(Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        T result;
        try {
            result = work.call(update -> { }, new Cancellation());
        } catch (Exception e) {
            onFailed.accept(e);
            return;
        }
        onDone.accept(result);
    }

    @Override
    public LiveLog liveLog(int maxLines) {
        ObservableList<String> lines = FXCollections.observableArrayList();
        return new LiveLog() {
            @Override
            public void accept(String line) {
                lines.add(line);
                if (lines.size() > maxLines) {
                    lines.remove(0);
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

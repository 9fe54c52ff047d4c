package io.backupdesk.ui.shell;

import io.backupdesk.ui.shell.Navigation;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.RunningJob;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The main window around the screens: which screen is shown, and the status bar's view of the running jobs (the
 * oldest one in full, a count of the others).
 */
public final class ShellViewModel {
    private final Navigation navigation;
    private final TaskRunner runner;
    private final ObjectBinding<RunningJob> firstJob;
    private final StringBinding statusText;
    private final BooleanBinding busy;
    /** How the last job the user started here ended; cleared when the next one starts. */
    private final StringProperty outcome = new SimpleStringProperty("");

    public ShellViewModel(Navigation navigation, TaskRunner runner) {
        this.navigation = navigation;
        this.runner = runner;
        ObservableList<RunningJob> jobs = runner.jobs();
        this.firstJob = Bindings.createObjectBinding(() -> jobs.isEmpty() ? null : jobs.get(0), jobs);
        this.busy = Bindings.isNotEmpty(jobs);
        this.statusText = Bindings.createStringBinding(() -> jobs.isEmpty()
                ? (outcome.get().isEmpty() ? Messages.get("status.ready") : outcome.get())
                : jobs.get(0).title() + (jobs.size() > 1 ? "  " + Messages.get("status.more", jobs.size() - 1) : ""),
                jobs, outcome);
        jobs.addListener((ListChangeListener<RunningJob>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    outcome.set("");
                }
            }
        });
    }

    /** Says in the status bar how a job ended, until the next job starts. */
    public void tellOutcome(String text) {
        outcome.set(text == null ? "" : text);
    }

    public Navigation navigation() {
        return navigation;
    }

    public void go(Navigation.Screen screen) {
        navigation.go(screen);
    }

    /** The job the status bar follows; null when none runs. */
    public ObjectBinding<RunningJob> firstJob() {
        return firstJob;
    }

    public StringBinding statusText() {
        return statusText;
    }

    public BooleanBinding busy() {
        return busy;
    }

    /** Cancels the job the status bar shows. */
    public void cancelFirst() {
        RunningJob job = firstJob.get();
        if (job != null) {
            job.cancel();
        }
    }

    public TaskRunner runner() {
        return runner;
    }
}

package io.backupdesk.ui;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ProgressUpdate;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A job as the status bar shows it: title, progress (-1 while unknown), what it does now, and a way to cancel it. */
public final class RunningJob {
    private final String title;
    private final Cancellation cancellation;
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");

    public RunningJob(String title, Cancellation cancellation) {
        this.title = title;
        this.cancellation = cancellation;
    }

    public String title() {
        return title;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    /** Call on the UI thread. */
    void show(ProgressUpdate update) {
        progress.set(update.fraction());
        String eta = update.eta() == null ? "" : " · " + Formats.eta(update.eta());
        message.set(update.currentItem() + eta);
    }
}

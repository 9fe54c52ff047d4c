package io.backupdesk.ui;

import javafx.collections.ObservableList;

import java.util.function.Consumer;

/**
 * A tool's output as it comes: fed from any thread, shown as a list that changes on the UI thread only, keeping the
 * newest lines. Made by the task runner, which knows how to reach the UI thread.
 */
public interface LiveLog extends Consumer<String> {
    ObservableList<String> lines();
}

package io.backupdesk.ui;

/**
 * What {@link Confirm} asks before something is deleted, dropped or rolled back. Plain, so that a ViewModel builds it
 * and its test reads it without a toolkit.
 *
 * @param title  the dialog's title, e.g. "Delete schedule"
 * @param text   names exactly what will go: the database, the files, the schedule
 * @param action the button that does it, a verb, e.g. "Delete" or "Drop sales_before_20261206"
 */
public record Question(String title, String text, String action) { }

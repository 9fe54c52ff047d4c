package io.backupdesk.ui.schedules;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Schedule;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Question;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The schedules screen: every schedule with its next run and last result, and what can be done with one: add, edit,
 * switch on or off, run now, delete. The list is read off the UI thread, when the screen opens and whenever the app
 * hears the scheduler change (a run began or ended, a run was skipped); reads asked for while one is going on are
 * folded into one more.
 */
public final class SchedulesViewModel {
    /** What the list needs, read in one go. */
    private record Loaded(List<ScheduleOperations.Status> schedules, List<ConnectionProfile> profiles,
                          Instant pausedSince) { }

    private final ScheduleOperations operations;
    private final TaskRunner runner;
    private final ScheduleEditorViewModel editor;
    private final ObservableList<ScheduleRowViewModel> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ScheduleRowViewModel> selected = new SimpleObjectProperty<>();
    private final BooleanProperty hasProfiles = new SimpleBooleanProperty(true);
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanProperty editorOpen = new SimpleBooleanProperty();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final StringProperty editorError = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageIsWarning = new SimpleBooleanProperty();
    private final ObjectProperty<Instant> pausedSince = new SimpleObjectProperty<>();
    private final StringBinding pauseAllText;
    private final StringBinding pausedNotice;
    private final BooleanBinding canAct;
    private final BooleanBinding canSave;
    private final StringBinding toggleText;
    private boolean loading;
    private boolean again;

    public SchedulesViewModel(ScheduleOperations operations, TaskRunner runner) {
        this.operations = operations;
        this.runner = runner;
        this.editor = new ScheduleEditorViewModel(operations, runner);
        this.canAct = selected.isNotNull();
        this.canSave = editor.valid().and(saving.not());
        this.toggleText = Bindings.createStringBinding(() -> Messages.get(selected.get() != null
                && !selected.get().enabled() ? "schedules.enable" : "schedules.disable"), selected);
        this.pauseAllText = Bindings.createStringBinding(() -> Messages.get(pausedSince.get() == null
                ? "schedules.pauseAll" : "schedules.resumeAll"), pausedSince);
        this.pausedNotice = Bindings.createStringBinding(() -> pausedSince.get() == null ? ""
                : Messages.get("schedules.paused.notice", Formats.time(pausedSince.get())), pausedSince);
    }

    private Loaded load() {
        return new Loaded(operations.list(), operations.profiles(), operations.pausedSince().orElse(null));
    }

    /** Reads the list again, keeping the selected schedule selected. */
    public void refresh() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        runner.runInBackground((progress, cancel) -> load(),
                result -> {
                    apply(result);
                    done();
                }, failure -> {
                    tell(failure.getMessage(), true);
                    done();
                });
    }

    private void apply(Loaded result) {
        String keep = selected.get() == null ? null : selected.get().id();
        Map<String, ConnectionProfile> byName = result.profiles().stream()
                .collect(Collectors.toMap(ConnectionProfile::name, p -> p, (a, b) -> a));
        rows.setAll(result.schedules().stream().map(s -> new ScheduleRowViewModel(s, result.pausedSince() != null,
                byName.get(s.schedule().profile()))).toList());
        hasProfiles.set(!result.profiles().isEmpty());
        pausedSince.set(result.pausedSince());
        loaded.set(true);
        selected.set(rows.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(null));
    }

    private void done() {
        loading = false;
        if (again) {
            again = false;
            refresh();
        }
    }

    public void select(ScheduleRowViewModel row) {
        selected.set(row);
    }

    /** Opens the editor on a new schedule. */
    public void add() {
        openEditor(null);
    }

    /** Opens the editor on the selected schedule. */
    public void edit() {
        if (selected.get() != null) {
            openEditor(selected.get().schedule());
        }
    }

    private void openEditor(Schedule schedule) {
        runner.runInBackground((progress, cancel) -> new ScheduleEditorViewModel.Context(operations.profiles(),
                operations.defaultOptions(), operations.keys(), operations.destinations(), operations.presets(),
                operations.list().stream().map(ScheduleOperations.Status::schedule).toList(),
                operations.newCompressions()), context -> {
                    editorError.set("");
                    if (schedule == null) {
                        editor.startNew(context);
                    } else {
                        editor.edit(context, schedule);
                    }
                    editorOpen.set(true);
                }, failure -> tell(failure.getMessage(), true));
    }

    public void closeEditor() {
        editorOpen.set(false);
    }

    /** Saves the editor's schedule and re-arms it; the editor closes once it is stored. */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        Schedule schedule = editor.schedule();
        boolean added = editor.isNew();
        saving.set(true);
        runner.runInBackground((progress, cancel) -> {
            operations.save(schedule);
            return load();
        }, result -> {
            saving.set(false);
            editorOpen.set(false);
            apply(result);
            selected.set(rows.stream().filter(r -> r.id().equals(schedule.id())).findFirst().orElse(null));
            String words = selected.get() == null ? schedule.cron() : selected.get().when();
            String title = selected.get() == null ? schedule.profile() : selected.get().title();
            tell(Messages.get(added ? "schedules.added" : "schedules.saved", title, words), false);
        }, failure -> {
            saving.set(false);
            editorError.set(failure.getMessage());
        });
    }

    /** Switches the selected schedule on or off. */
    public void toggleEnabled() {
        ScheduleRowViewModel row = selected.get();
        if (row == null) {
            return;
        }
        Schedule changed = row.schedule().withEnabled(!row.enabled(), operations.now());
        runner.runInBackground((progress, cancel) -> {
            operations.save(changed);
            return load();
        }, result -> {
            apply(result);
            tell(Messages.get(changed.enabled() ? "schedules.enabled" : "schedules.disabled", row.title(), row.when()),
                    false);
        }, failure -> tell(failure.getMessage(), true));
    }

    /** The question before deleting the selected schedule. */
    public Question deleteQuestion() {
        ScheduleRowViewModel row = selected.get();
        return new Question(Messages.get("schedules.delete.title"),
                row == null ? "" : row.schedule().name() == null
                        ? Messages.get("schedules.delete.question", row.profile(), row.when())
                        : Messages.get("schedules.delete.question.named", row.schedule().name(), row.profile(), row.when()),
                Messages.get("schedules.delete"));
    }

    /** Deletes the selected schedule; its backups and its history stay. */
    public void delete() {
        ScheduleRowViewModel row = selected.get();
        if (row == null) {
            return;
        }
        runner.runInBackground((progress, cancel) -> {
            operations.remove(row.schedule());
            return load();
        }, result -> {
            apply(result);
            tell(row.schedule().name() == null ? Messages.get("schedules.deleted", row.profile(), row.when())
                    : Messages.get("schedules.deleted.named", row.schedule().name(), row.profile()), false);
        }, failure -> tell(failure.getMessage(), true));
    }

    /**
     * Starts a run of the selected schedule now, with its options and retention. When its database is busy with
     * another backup the run does not wait: it is recorded as skipped, and the message says so.
     */
    /**
     * Pauses every schedule, or lets them all run again, as the tray menu's Pause does. What falls into a pause is not
     * caught up.
     */
    public void togglePauseAll() {
        boolean pause = pausedSince.get() == null;
        runner.runInBackground((progress, cancel) -> {
            operations.setPaused(pause);
            return load();
        }, result -> {
            apply(result);
            tell(Messages.get(pause ? "schedules.paused.done" : "schedules.resumed.done"), false);
        }, failure -> tell(failure.getMessage(), true));
    }

    /** Warns that without a system tray the schedules run only while the window is open. */
    public void tellWindowOnly() {
        tell(Messages.get("schedules.windowOnly"), true);
    }

    public void runNow() {
        ScheduleRowViewModel row = selected.get();
        if (row == null) {
            return;
        }
        runner.runInBackground((progress, cancel) -> operations.runNow(row.schedule()), started -> {
            if (started) {
                tell(Messages.get("schedules.runNow.started", row.profile()), false);
            } else {
                tell(Messages.get("schedules.runNow.busy", row.profile()), true);
            }
            refresh();
        }, failure -> tell(failure.getMessage(), true));
    }

    private void tell(String text, boolean warning) {
        message.set(text == null ? "" : text);
        messageIsWarning.set(warning);
    }

    /** "Pause all" or "Resume all". */
    public StringBinding pauseAllText() {
        return pauseAllText;
    }

    /** Says since when the schedules are paused; empty while they run. */
    public StringBinding pausedNotice() {
        return pausedNotice;
    }

    public ObservableList<ScheduleRowViewModel> rows() {
        return rows;
    }

    public ObjectProperty<ScheduleRowViewModel> selectedProperty() {
        return selected;
    }

    public ScheduleEditorViewModel editor() {
        return editor;
    }

    /** Whether a connection exists to schedule; else the screen says to add one first. */
    public ReadOnlyBooleanProperty hasProfilesProperty() {
        return hasProfiles;
    }

    /** Whether the list was read once: before, an empty list says nothing yet. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ReadOnlyBooleanProperty editorOpenProperty() {
        return editorOpen;
    }

    public ReadOnlyStringProperty editorErrorProperty() {
        return editorError;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty messageIsWarningProperty() {
        return messageIsWarning;
    }

    /** Edit, run now, switch on or off and delete need a selected schedule. */
    public BooleanBinding canAct() {
        return canAct;
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    /** The text of the switch on/off action for the selected schedule. */
    public StringBinding toggleText() {
        return toggleText;
    }
}

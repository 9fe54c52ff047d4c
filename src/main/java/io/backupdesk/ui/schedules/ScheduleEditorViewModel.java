package io.backupdesk.ui.schedules;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Compression;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Ids;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.ui.CopyChoiceViewModel;
import io.backupdesk.ui.EncryptionChoiceViewModel;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.RetentionFormViewModel;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * The schedule editor: which connection, when (see {@link CronEditorViewModel}), the backup's format and
 * compression, what to do about missed runs, the weekly test restore, and the retention rules with a live preview
 * of what a cleanup would delete now and why. The preview is read off the UI thread whenever the connection, the
 * rules or the zone change; changes that come while one is being read are folded into one more read.
 */
public final class ScheduleEditorViewModel {
    /**
     * What opening the editor needs, read off the UI thread.
     *
     * @param keys         the key store's keys, to encrypt the schedule's backups to
     * @param destinations the destinations, to copy the schedule's backups to
     */
    record Context(List<ConnectionProfile> profiles, BackupOptions defaults, List<StoredKey> keys,
                   List<Destination> destinations) { }

    private final ScheduleOperations operations;
    private final TaskRunner runner;
    private final CronEditorViewModel when;
    private final RetentionFormViewModel retention = new RetentionFormViewModel();
    private final EncryptionChoiceViewModel encryption = new EncryptionChoiceViewModel(true);
    private final CopyChoiceViewModel copies = new CopyChoiceViewModel(true);
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<BackupFormat> format = new SimpleObjectProperty<>(BackupFormat.CUSTOM);
    private final StringProperty compression = new SimpleStringProperty(BackupLevels.DEFAULT);
    private final ObjectProperty<Schedule.CatchUp> catchUp = new SimpleObjectProperty<>(Schedule.CatchUp.RUN_ONCE);
    private final BooleanProperty testRestore = new SimpleBooleanProperty();
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringProperty title = new SimpleStringProperty("");
    private final ObservableList<PreviewRow> preview = FXCollections.observableArrayList();
    private final StringProperty previewSummary = new SimpleStringProperty("");
    private final StringBinding optionsError;
    private final StringBinding profileError;
    private final BooleanBinding valid;
    private Schedule editing;
    private boolean loading;
    private boolean previewing;
    private boolean previewAgain;

    public ScheduleEditorViewModel(ScheduleOperations operations, TaskRunner runner) {
        this.operations = operations;
        this.runner = runner;
        this.when = new CronEditorViewModel(operations::now);
        optionsError = Bindings.createStringBinding(() -> {
            try {
                options();
                return "";
            } catch (BackupDeskException e) {
                return e.getMessage();
            }
        }, format, compression);
        profileError = Bindings.createStringBinding(() -> profile.get() == null
                ? Messages.get(profiles.isEmpty() ? "schedules.editor.error.noProfiles" : "schedules.editor.error.profile")
                : "", profile, profiles);
        valid = Bindings.createBooleanBinding(() -> profileError.get().isEmpty() && optionsError.get().isEmpty()
                && when.valid().get() && retention.valid().get() && encryption.valid().get() && copies.valid().get(),
                profileError, optionsError, when.valid(), retention.valid(), encryption.valid(), copies.valid());
        // nothing chosen here means the connection's keys, which the choice shows and checks against the format
        encryption.connectionKeysProperty().bind(Bindings.createObjectBinding(() -> profile.get() == null ? List.of()
                : profile.get().encryptTo(), profile));
        encryption.directoryFormatProperty().bind(format.isEqualTo(BackupFormat.DIRECTORY));
        // and nothing chosen means the connection's destinations, which are warned about as these are
        copies.connectionDestinationsProperty().bind(Bindings.createObjectBinding(() -> profile.get() == null
                ? List.of() : profile.get().copyTo(), profile));
        copies.encryptedProperty().bind(encryption.encrypts());
        profile.addListener(o -> requestPreview());
        retention.policy().addListener(o -> requestPreview());
        when.zoneProperty().addListener(o -> requestPreview());
    }

    /** Empties the editor for a new schedule of the first connection, with the settings' format and compression. */
    void startNew(Context context) {
        load(context, null);
    }

    /** Fills the editor with a saved schedule. */
    void edit(Context context, Schedule schedule) {
        load(context, schedule);
    }

    private void load(Context context, Schedule schedule) {
        loading = true;
        try {
            editing = schedule;
            profiles.setAll(context.profiles());
            BackupOptions options = schedule == null ? context.defaults() : schedule.options();
            format.set(options.format());
            compression.set(BackupLevels.text(options.compression()));
            encryption.load(context.keys(), schedule == null ? List.of() : schedule.options().encryptTo());
            copies.load(context.destinations(), schedule == null ? List.of() : schedule.options().copyTo());
            if (schedule == null) {
                title.set(Messages.get("schedules.editor.new"));
                profile.set(profiles.isEmpty() ? null : profiles.get(0));
                when.load(null, null);
                catchUp.set(Schedule.CatchUp.RUN_ONCE);
                testRestore.set(false);
                enabled.set(true);
                retention.load(RetentionFormViewModel.NEW);
            } else {
                title.set(Messages.get("schedules.editor.edit", schedule.profile()));
                profile.set(profiles.stream().filter(p -> p.name().equals(schedule.profile())).findFirst().orElse(null));
                when.load(schedule.cron(), schedule.zone());
                catchUp.set(schedule.catchUp());
                testRestore.set(schedule.testRestore());
                enabled.set(schedule.enabled());
                retention.load(schedule.retention());
            }
        } finally {
            loading = false;
        }
        requestPreview();
    }

    /**
     * The options to save: the format, compression, keys and destinations chosen, anything else as the schedule had
     * it.
     */
    private BackupOptions options() {
        BackupOptions base = editing == null ? BackupOptions.defaults() : editing.options();
        Compression level = BackupLevels.parse(compression.get());
        int jobs = format.get() == BackupFormat.DIRECTORY && base.format() == BackupFormat.DIRECTORY ? base.jobs() : 0;
        return base.toBuilder().format(format.get()).compression(level).jobs(jobs).encryptTo(encryption.encryptTo())
                .copyTo(copies.copyTo()).build();
    }

    /** The schedule the editor makes; call only while {@link #valid()}. */
    Schedule schedule() {
        String zone = when.zoneText();
        // a schedule that followed the system's zone keeps following it unless another zone is chosen
        if (editing != null && editing.zone() == null && zone.equals(ZoneId.systemDefault().getId())) {
            zone = null;
        }
        Schedule.Builder edited = editing == null
                ? Schedule.builder().id(Ids.newId()).createdAt(operations.now())
                : editing.toBuilder();
        Schedule made = edited.profile(profile.get().name()).cron(when.expression()).zone(zone).options(options())
                .retention(retention.policy().get()).catchUp(catchUp.get()).testRestore(testRestore.get()).build();
        // a new schedule counts from its creation; one switched on again here, from now
        return editing == null ? made.withEnabled(enabled.get(), null) : made.withEnabled(enabled.get(), operations.now());
    }

    /** Reads the preview again for the fields as they are now; at most one read at a time. */
    void requestPreview() {
        if (loading) {
            return;
        }
        ConnectionProfile chosen = profile.get();
        RetentionPolicy policy = retention.policy().get();
        if (chosen == null || policy == null || !when.zoneError().get().isEmpty()) {
            preview.clear();
            previewSummary.set(chosen == null ? "" : Messages.get("schedules.preview.invalid"));
            return;
        }
        if (chosen.wholeServer()) {
            // a set is kept or deleted whole; a preview of one database's backups would show members as if pruned alone
            preview.clear();
            previewSummary.set(Messages.get("schedules.preview.server", chosen.name()));
            return;
        }
        if (previewing) {
            previewAgain = true;
            return;
        }
        previewing = true;
        String id = editing == null ? null : editing.id();
        ZoneId zone = ZoneId.of(when.zoneText());
        runner.runInBackground((progress, cancel) -> operations.preview(chosen.name(), policy, id, zone), this::show,
                failure -> {
                    preview.clear();
                    previewSummary.set(Messages.get("schedules.preview.failed", String.valueOf(failure.getMessage())));
                    previewed();
                });
    }

    private void show(ScheduleOperations.Preview result) {
        preview.setAll(result.entries().stream()
                .sorted(Comparator.comparing(ScheduleOperations.PreviewEntry::createdAt,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .map(PreviewRow::new).toList());
        long going = result.entries().stream().filter(ScheduleOperations.PreviewEntry::delete).count();
        long bytes = result.entries().stream().filter(ScheduleOperations.PreviewEntry::delete)
                .mapToLong(ScheduleOperations.PreviewEntry::sizeBytes).sum();
        String summary = result.entries().isEmpty() ? Messages.get("schedules.preview.empty", result.database())
                : going == 0 ? Messages.get("schedules.preview.keepsAll", result.entries().size(), result.database())
                : Messages.get("schedules.preview.deletes", going, result.entries().size(), result.database(),
                        Formats.bytes(bytes));
        if (result.otherRules() > 0) {
            summary += " " + Messages.get("schedules.preview.others", result.otherRules());
        }
        previewSummary.set(summary);
        previewed();
    }

    private void previewed() {
        previewing = false;
        if (previewAgain) {
            previewAgain = false;
            requestPreview();
        }
    }

    boolean isNew() {
        return editing == null;
    }

    public CronEditorViewModel when() {
        return when;
    }

    public RetentionFormViewModel retention() {
        return retention;
    }

    /** The keys the schedule's backups are encrypted to; none chosen, the connection's. */
    public EncryptionChoiceViewModel encryption() {
        return encryption;
    }

    /** The destinations the schedule's backups are copied to; none chosen, the connection's. */
    public CopyChoiceViewModel copies() {
        return copies;
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ConnectionProfile> profileProperty() {
        return profile;
    }

    public ObjectProperty<BackupFormat> formatProperty() {
        return format;
    }

    /** The compression as {@link BackupLevels} writes it; empty for the format's default. */
    public StringProperty compressionProperty() {
        return compression;
    }

    public ObjectProperty<Schedule.CatchUp> catchUpProperty() {
        return catchUp;
    }

    public BooleanProperty testRestoreProperty() {
        return testRestore;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** The database's backups, newest first, each with whether a cleanup would delete it now and why. */
    public ObservableList<PreviewRow> preview() {
        return preview;
    }

    public ReadOnlyStringProperty previewSummaryProperty() {
        return previewSummary;
    }

    public StringBinding optionsError() {
        return optionsError;
    }

    public StringBinding profileError() {
        return profileError;
    }

    public BooleanBinding valid() {
        return valid;
    }
}

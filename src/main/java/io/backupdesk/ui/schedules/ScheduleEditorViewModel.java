package io.backupdesk.ui.schedules;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Preset;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.core.Schedule;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.jobs.Schedules;
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
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The schedule editor: its name, which connection, when (see {@link CronEditorViewModel}), how it dumps (see
 * {@link ScheduleOptionsViewModel}) and the command that makes, what to do about missed runs, the weekly test restore,
 * and the retention rules with a live preview of what a cleanup would delete now and why. The preview is read off the
 * UI thread whenever the connection, the rules or the zone change; changes that come while one is being read are
 * folded into one more read.
 */
public final class ScheduleEditorViewModel {
    /**
     * What opening the editor needs, read off the UI thread.
     *
     * @param keys            the key store's keys, to encrypt the schedule's backups to
     * @param destinations    the destinations, to copy the schedule's backups to
     * @param presets         the presets a schedule can dump as
     * @param taken           every schedule's name and id, which a name may not repeat
     * @param newCompressions whether the newest pg_dump here has zstd and lz4
     */
    record Context(List<ConnectionProfile> profiles, BackupOptions defaults, List<StoredKey> keys,
                   List<Destination> destinations, List<Preset> presets, List<Schedule> taken,
                   boolean newCompressions) {
        Context(List<ConnectionProfile> profiles, BackupOptions defaults, List<StoredKey> keys,
                List<Destination> destinations) {
            this(profiles, defaults, keys, destinations, List.of(), List.of(), false);
        }
    }

    private final ScheduleOperations operations;
    private final TaskRunner runner;
    private final CronEditorViewModel when;
    private final RetentionFormViewModel retention = new RetentionFormViewModel();
    private final EncryptionChoiceViewModel encryption = new EncryptionChoiceViewModel(true);
    private final CopyChoiceViewModel copies = new CopyChoiceViewModel(true);
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> profile = new SimpleObjectProperty<>();
    private final ScheduleOptionsViewModel how;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringBinding nameError;
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
    /** A new schedule as the jobs layer starts one; its id and creation are kept until it is saved. */
    private Schedule fresh;
    /** The names and ids of the other schedules. */
    private List<String> others = List.of();
    /** The name last suggested, which follows the connection until one is typed. */
    private String suggested;
    private boolean loading;
    private boolean previewing;
    private boolean previewAgain;

    public ScheduleEditorViewModel(ScheduleOperations operations, TaskRunner runner) {
        this.operations = operations;
        this.runner = runner;
        this.when = new CronEditorViewModel(operations::now);
        this.how = new ScheduleOptionsViewModel(operations, runner);
        how.profileProperty().bind(profile);
        nameError = Bindings.createStringBinding(() -> switch (Schedules.nameProblem(name.get(), others)) {
            case EMPTY -> Messages.get("schedules.editor.error.name.empty");
            case INVALID -> Messages.get("schedules.editor.error.name.invalid");
            case TAKEN -> Messages.get("schedules.editor.error.name.taken", name.get().strip());
            case NONE -> "";
        }, name);
        optionsError = Bindings.createStringBinding(() -> {
            if (profile.get() == null) {
                return ""; // what a connection dumps with waits for one; the line under the connection says so
            }
            try {
                how.dumpsWith(label(), encryption.encryptTo(), copies.copyTo());
                return "";
            } catch (BackupDeskException e) {
                return e.getMessage();
            }
        }, how.choiceProperty(), how.formatProperty(), how.compressionProperty(), profile, encryption.summary(),
                copies.summary());
        profileError = Bindings.createStringBinding(() -> profile.get() == null
                ? Messages.get(profiles.isEmpty() ? "schedules.editor.error.noProfiles" : "schedules.editor.error.profile")
                : "", profile, profiles);
        valid = Bindings.createBooleanBinding(() -> profileError.get().isEmpty() && optionsError.get().isEmpty()
                && nameError.get().isEmpty() && when.valid().get() && retention.valid().get()
                && encryption.valid().get() && copies.valid().get(), profileError, optionsError, nameError,
                when.valid(), retention.valid(), encryption.valid(), copies.valid());
        // nothing chosen here means the connection's keys, which the choice shows and checks against the format
        encryption.connectionKeysProperty().bind(Bindings.createObjectBinding(() -> profile.get() == null ? List.of()
                : profile.get().encryptTo(), profile));
        encryption.directoryFormatProperty().bind(how.formatProperty().isEqualTo(BackupFormat.DIRECTORY));
        // and nothing chosen means the connection's destinations, which are warned about as these are
        copies.connectionDestinationsProperty().bind(Bindings.createObjectBinding(() -> profile.get() == null
                ? List.of() : profile.get().copyTo(), profile));
        copies.encryptedProperty().bind(encryption.encrypts());
        profile.addListener(o -> requestPreview());
        retention.policy().addListener(o -> requestPreview());
        when.zoneProperty().addListener(o -> requestPreview());
        // a suggested name follows the connection until another is typed
        profile.addListener((o, was, now) -> {
            if (!loading && now != null && name.get().equals(suggested)) {
                suggested = Schedules.suggestName(now.name(), others);
                name.set(suggested);
            }
        });
        optionsError.addListener(o -> requestCommand());
        how.choiceProperty().addListener(o -> requestCommand());
        how.formatProperty().addListener(o -> requestCommand());
        how.compressionProperty().addListener(o -> requestCommand());
        profile.addListener(o -> requestCommand());
    }

    /** Asks for the command of the schedule as it is now, unless a schedule is being loaded. */
    private void requestCommand() {
        if (!loading) {
            how.refreshCommand(this::draft, optionsError.get());
        }
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
            others = context.taken().stream().filter(s -> schedule == null || !s.id().equals(schedule.id()))
                    .flatMap(s -> Stream.of(s.id(), s.name())).filter(Objects::nonNull).toList();
            profiles.setAll(context.profiles());
            String first = profiles.isEmpty() ? "-" : profiles.get(0).name();
            // what a new schedule is, the jobs layer says: named after its connection, dumping as the connection does
            fresh = schedule != null ? null : Schedules.newSchedule(first, others, operations.now()).toBuilder()
                    .options(context.defaults()).build();
            Schedule shown = schedule == null ? fresh : schedule;
            // a schedule stored before schedules had names is offered one, as a new one is
            suggested = shown.name() == null ? Schedules.suggestName(shown.profile(), others) : shown.name();
            name.set(shown.name() == null ? suggested : shown.name());
            nameError.invalidate();
            how.load(shown, context.presets(), context.defaults(), context.newCompressions());
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
                title.set(schedule.name() == null ? Messages.get("schedules.editor.edit", schedule.profile())
                        : Messages.get("schedules.editor.edit.named", schedule.name(), schedule.profile()));
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
        requestCommand();
    }

    /** The label its backups get: the schedule's own, which the editor has no field for. */
    private String label() {
        return editing == null ? null : editing.options().label();
    }

    /** The schedule the editor makes; call only while {@link #valid()}. */
    Schedule schedule() {
        return draft();
    }

    /** The schedule as the fields make it now, valid or not, with its profile chosen. */
    private Schedule draft() {
        String zone = when.zoneText();
        // a schedule that followed the system's zone keeps following it unless another zone is chosen
        if (editing != null && editing.zone() == null && zone.equals(ZoneId.systemDefault().getId())) {
            zone = null;
        }
        Schedule.Builder edited = editing == null ? fresh.toBuilder() : editing.toBuilder();
        Schedule made = edited.profile(profile.get().name()).name(name.get().strip()).cron(when.expression())
                .zone(zone).optionsFrom(how.from()).preset(how.preset())
                .options(how.stored(label(), encryption.encryptTo(), copies.copyTo()))
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

    /** How it dumps: as its connection does, as a preset says, or with options of its own; and the command. */
    public ScheduleOptionsViewModel how() {
        return how;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringBinding nameError() {
        return nameError;
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

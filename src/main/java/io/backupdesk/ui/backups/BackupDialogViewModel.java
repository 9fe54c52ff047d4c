package io.backupdesk.ui.backups;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Preset;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.pg.TableInfo;
import io.backupdesk.ui.CopyChoiceViewModel;
import io.backupdesk.ui.DumpOptionsFormViewModel;
import io.backupdesk.ui.EncryptionChoiceViewModel;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Outcomes;
import io.backupdesk.ui.Notifier;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.TreeSet;

/**
 * "Back up now": profile, a preset to start from, how to dump (the shared {@link DumpOptionsFormViewModel}: format,
 * compression, jobs, content, the roles file and pg_dump's switches), a label, the keys to encrypt to and the
 * destinations to copy to (by default the connection's), what to dump from the server's list of schemas and tables,
 * and the pg_dump command all that makes. Start hands the backup to the task runner, so it goes on in the status bar
 * after the dialog closes; a password the server asks for is asked then.
 */
public final class BackupDialogViewModel {
    /** In the preset list: no preset chosen, so the connection's preset, else the settings' defaults. */
    public static final String CONNECTIONS_PRESET = "";
    private static final int LABEL_MAX = 40;

    private final BackupOperations backups;
    private final TaskRunner runner;
    private final Notifier notifier;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> profile = new SimpleObjectProperty<>();
    private final ObservableList<String> presets = FXCollections.observableArrayList(CONNECTIONS_PRESET);
    private final StringProperty preset = new SimpleStringProperty(CONNECTIONS_PRESET);
    private final DumpOptionsFormViewModel form = new DumpOptionsFormViewModel();
    private final StringProperty label = new SimpleStringProperty("");
    private final ObservableList<ScopeItem> scope = FXCollections.observableArrayList();
    private final BooleanProperty loadingTables = new SimpleBooleanProperty();
    private final StringProperty tablesMessage = new SimpleStringProperty("");
    private final StringProperty command = new SimpleStringProperty("");
    private final StringProperty commandProblem = new SimpleStringProperty("");
    private final StringProperty presetMessage = new SimpleStringProperty("");
    private final EncryptionChoiceViewModel encryption = new EncryptionChoiceViewModel(true);
    private final CopyChoiceViewModel copies = new CopyChoiceViewModel(true);
    private final StringBinding labelError;
    private final BooleanBinding canStart;
    private final Set<String> presetNames = new HashSet<>();
    /** Which starting point the form was last filled from, so that choosing the same again keeps what was changed. */
    private String filledFrom;
    /** Only the newest command asked for is shown: an older answer that comes later is dropped. */
    private long commandAsked;

    public BackupDialogViewModel(BackupOperations backups, TaskRunner runner, Notifier notifier) {
        this.backups = backups;
        this.runner = runner;
        this.notifier = notifier;
        labelError = Bindings.createStringBinding(() -> label.get().length() > LABEL_MAX
                ? Messages.get("backup.error.label", LABEL_MAX) : "", label);
        canStart = profile.isNotNull().and(labelError.isEmpty()).and(encryption.valid()).and(copies.valid())
                .and(form.problem().isEmpty());
        profile.addListener((o, was, now) -> {
            scope.clear();
            fillFromStartingPoint();
        });
        preset.addListener((o, was, now) -> fillFromStartingPoint());
        // nothing chosen here means the connection's keys: the choice shows them, and checks them against the format
        encryption.connectionKeysProperty().bind(Bindings.createObjectBinding(() -> profile.get() == null ? List.of()
                : profile.get().encryptTo(), profile));
        encryption.directoryFormatProperty().bind(form.formatProperty().isEqualTo(BackupFormat.DIRECTORY));
        copies.connectionDestinationsProperty().bind(Bindings.createObjectBinding(() -> profile.get() == null
                ? List.of() : profile.get().copyTo(), profile));
        copies.encryptedProperty().bind(encryption.encrypts());
        InvalidationListener commandChanged = o -> refreshCommand();
        for (Observable dependency : form.dependencies()) {
            dependency.addListener(commandChanged);
        }
        profile.addListener(commandChanged);
        label.addListener(commandChanged);
        encryption.summary().addListener(commandChanged);
        scope.addListener((ListChangeListener<ScopeItem>) c -> {
            scope.forEach(i -> i.chosenProperty().addListener(commandChanged));
            refreshCommand();
        });
    }

    /**
     * Reads the profiles, the presets, the stored keys, the destinations and whether pg_dump has zstd; the profile
     * given is chosen, else the first. No key and no destination is ticked: the backup gets its connection's unless
     * others are chosen.
     */
    public void open(String preferredProfile) {
        record Opened(List<ConnectionProfile> profiles, List<Preset> presets, List<StoredKey> keys,
                      List<Destination> destinations, boolean newCompressions) { }
        runner.runInBackground((progress, cancel) -> new Opened(backups.profiles(), backups.presets(), backups.keys(),
                        backups.destinations(), backups.newCompressions()), opened -> {
                    List<ConnectionProfile> loaded = opened.profiles();
                    form.newCompressionsProperty().set(opened.newCompressions());
                    encryption.load(opened.keys(), List.of());
                    copies.load(opened.destinations(), List.of());
                    showPresets(opened.presets());
                    profiles.setAll(loaded);
                    profile.set(loaded.stream().filter(p -> p.name().equals(preferredProfile)).findFirst()
                            .orElse(loaded.isEmpty() ? null : loaded.get(0)));
                }, failure -> notifier.error(Messages.get("backup.title"), failure));
    }

    private void showPresets(List<Preset> listed) {
        presetNames.clear();
        listed.forEach(p -> presetNames.add(p.name()));
        List<String> names = new ArrayList<>(List.of(CONNECTIONS_PRESET));
        listed.stream().map(Preset::name).sorted().forEach(names::add);
        presets.setAll(names);
    }

    /**
     * Fills the form from the preset chosen, else the connection's, else the defaults, as the engine resolves it; only
     * when that starting point changed, so that switching between two connections on the defaults keeps the form.
     */
    private void fillFromStartingPoint() {
        ConnectionProfile chosen = profile.get();
        if (chosen == null) {
            return;
        }
        String named = preset.get() == null || preset.get().isEmpty() ? null : preset.get();
        String source = named != null ? named : chosen.preset() != null ? chosen.preset() : "";
        if (source.equals(filledFrom)) {
            return;
        }
        filledFrom = source;
        runner.runInBackground((progress, cancel) -> backups.startingPoint(chosen, named), form::fill,
                failure -> notifier.error(Messages.get("backup.title"), failure));
    }

    /** What the preset list says for no preset: the connection's preset by name, or the settings' defaults. */
    public String connectionsPresetText() {
        ConnectionProfile chosen = profile.get();
        return chosen != null && chosen.preset() != null ? Messages.get("backup.preset.connections", chosen.preset())
                : Messages.get("backup.preset.defaults");
    }

    /** Lists the chosen profile's schemas and tables to pick from. */
    public void loadTables() {
        ConnectionProfile chosen = profile.get();
        if (chosen == null) {
            return;
        }
        loadingTables.set(true);
        tablesMessage.set(Messages.get("backup.scope.loading"));
        runner.runInBackground((progress, cancel) -> backups.tables(chosen, Optional.empty()), tables -> {
            loadingTables.set(false);
            scope.setAll(items(tables));
            tablesMessage.set(Messages.get("backup.scope.hint"));
        }, failure -> {
            loadingTables.set(false);
            tablesMessage.set(failure.getMessage());
        });
    }

    private static List<ScopeItem> items(List<TableInfo> tables) {
        List<ScopeItem> items = new ArrayList<>();
        for (String schema : new TreeSet<>(tables.stream().map(TableInfo::schema).toList())) {
            items.add(new ScopeItem(schema, true, Messages.get("backup.scope.schema", schema)));
        }
        tables.forEach(t -> items.add(new ScopeItem(t.qualifiedName(), false,
                t.qualifiedName() + "  (" + Formats.bytes(t.sizeBytes()) + ")")));
        return items;
    }

    /** The options as chosen; throws the configuration error when they do not fit together. */
    BackupOptions options() {
        List<String> schemas = scope.stream().filter(i -> i.isSchema() && i.chosenProperty().get()).map(ScopeItem::name).toList();
        List<String> tables = scope.stream().filter(i -> !i.isSchema() && i.chosenProperty().get())
                .map(ScopeItem::name).toList();
        BackupOptions how = form.options();
        // ticks in the server's list replace what the preset names; with none ticked, the preset's stand
        return how.toBuilder().schemas(scope.isEmpty() ? how.schemas() : schemas)
                .tables(scope.isEmpty() ? how.tables() : tables).label(label.get().isBlank() ? null : label.get().trim())
                .encryptTo(encryption.encryptTo()).copyTo(copies.copyTo()).build().checked();
    }

    /** Asks again for the pg_dump command the options make; what does not fit is said instead of a command. */
    private void refreshCommand() {
        ConnectionProfile target = profile.get();
        long asked = ++commandAsked;
        if (target == null) {
            command.set("");
            commandProblem.set("");
            return;
        }
        BackupOptions options;
        try {
            options = options();
        } catch (BackupDeskException e) {
            command.set("");
            commandProblem.set(e.getMessage());
            return;
        }
        runner.runInBackground((progress, cancel) -> backups.commandLine(target, options), line -> {
            if (asked == commandAsked) {
                command.set(line);
                commandProblem.set("");
            }
        }, failure -> {
            if (asked == commandAsked) {
                command.set("");
                commandProblem.set(failure.getMessage());
            }
        });
    }

    /**
     * Saves how this backup dumps as a preset (not its label, keys or destinations, which belong to the run and the
     * connection), then chooses it here.
     */
    public void saveAsPreset(String name, String description) {
        Preset saved;
        try {
            saved = new Preset(name == null ? null : name.strip(), description, options());
        } catch (BackupDeskException e) {
            presetMessage.set(e.getMessage() + " " + e.hint());
            return;
        }
        runner.runInBackground((progress, cancel) -> {
            backups.savePreset(saved);
            return backups.presets();
        }, listed -> {
            showPresets(listed);
            filledFrom = saved.name();
            preset.set(saved.name());
            presetMessage.set(Messages.get("backup.preset.saved", saved.name()));
        }, failure -> presetMessage.set(failure.getMessage()));
    }

    /** Whether a preset of that name is kept already: saving replaces it, which the dialog asks about first. */
    public boolean presetExists(String name) {
        return name != null && presetNames.contains(name.strip());
    }

    /** What the choice of scope means, in words, for the dialog's summary line. */
    public String scopeSummary() {
        long schemas = scope.stream().filter(i -> i.isSchema() && i.chosenProperty().get()).count();
        long tables = scope.stream().filter(i -> !i.isSchema() && i.chosenProperty().get()).count();
        return schemas + tables == 0 ? Messages.get("backup.scope.whole")
                : Messages.get("backup.scope.some", schemas, tables);
    }

    /** Starts the backup as a job; returns false, with the reason told, when the options do not fit together. */
    public boolean start() {
        BackupOptions options;
        try {
            options = options();
        } catch (BackupDeskException e) {
            notifier.error(Messages.get("backup.title"), e);
            return false;
        }
        run(profile.get(), options, Optional.empty());
        return true;
    }

    private void run(ConnectionProfile target, BackupOptions options, Optional<String> password) {
        String what = target.wholeServer() ? Messages.get("backup.set.what", target.name())
                : target.name() + "/" + target.database();
        runner.run(Messages.get("backup.job", what), (progress, cancel) -> target.wholeServer()
                ? Optional.ofNullable(backups.backupSet(target, options, password, progress, cancel))
                        .map(Outcomes::set).orElse(null)
                : Optional.ofNullable(backups.backup(target, options, password, progress, cancel))
                        .map(made -> Outcomes.backup(made, made.status())).orElse(null), done -> {
                    if (done != null) {
                        notifier.done(done);
                    }
                }, failure -> {
                    if (failure instanceof BackupDeskException e && e.kind() == ErrorKind.PASSWORD_REQUIRED) {
                        notifier.askPassword(target).ifPresent(typed -> run(target, options, Optional.of(typed)));
                    } else if (!(failure instanceof BackupDeskException e && e.kind() == ErrorKind.CANCELLED)) {
                        // the status bar keeps saying it once the dialog is closed
                        notifier.done(Outcomes.failed(what, failure));
                        notifier.error(Messages.get("backup.failed", what), failure);
                    }
                });
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ConnectionProfile> profileProperty() {
        return profile;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public ObservableList<ScopeItem> scope() {
        return scope;
    }

    public BooleanProperty loadingTablesProperty() {
        return loadingTables;
    }

    public StringProperty tablesMessageProperty() {
        return tablesMessage;
    }

    /** The keys this backup is encrypted to; none chosen, the connection's. */
    public EncryptionChoiceViewModel encryption() {
        return encryption;
    }

    /** The destinations this backup is copied to; none chosen, the connection's. */
    public CopyChoiceViewModel copies() {
        return copies;
    }

    public StringBinding labelError() {
        return labelError;
    }

    public BooleanBinding canStart() {
        return canStart;
    }

    /** How to dump: the form Back up now shares with the preset editor. */
    public DumpOptionsFormViewModel form() {
        return form;
    }

    public ObservableList<String> presets() {
        return presets;
    }

    /** The preset chosen; {@link #CONNECTIONS_PRESET} for the connection's. */
    public StringProperty presetProperty() {
        return preset;
    }

    /** The pg_dump command the backup would run, without secrets; empty while the options do not fit. */
    public ReadOnlyStringProperty commandProperty() {
        return command;
    }

    /** Why there is no command to show: what in the options does not fit. */
    public ReadOnlyStringProperty commandProblemProperty() {
        return commandProblem;
    }

    /** What saving a preset did. */
    public ReadOnlyStringProperty presetMessageProperty() {
        return presetMessage;
    }
}

package io.backupdesk.ui.backups;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Compression;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.DumpScope;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.pg.TableInfo;
import io.backupdesk.ui.CopyChoiceViewModel;
import io.backupdesk.ui.EncryptionChoiceViewModel;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Notifier;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * "Back up now": profile, format, compression, jobs, what to dump (whole database, schema only or data only, or
 * chosen schemas and tables from the server's list), the roles file, a label, the keys to encrypt to and the
 * destinations to copy to (by default the connection's). Start hands the backup to the task
 * runner, so it goes on in the status bar after the dialog closes; a password the server asks for is asked then.
 */
public final class BackupDialogViewModel {
    /** "Default" in the compression list: the format's default level. */
    public static final String DEFAULT_LEVEL = "";
    private static final int LABEL_MAX = 40;

    private final BackupOperations backups;
    private final TaskRunner runner;
    private final Notifier notifier;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<BackupFormat> format = new SimpleObjectProperty<>(BackupFormat.CUSTOM);
    private final StringProperty compression = new SimpleStringProperty(DEFAULT_LEVEL);
    private final IntegerProperty jobs = new SimpleIntegerProperty(BackupOptions.defaultJobs());
    private final ObjectProperty<DumpScope> content = new SimpleObjectProperty<>(DumpScope.ALL);
    private final BooleanProperty globals = new SimpleBooleanProperty();
    private final StringProperty label = new SimpleStringProperty("");
    private final ObservableList<ScopeItem> scope = FXCollections.observableArrayList();
    private final BooleanProperty loadingTables = new SimpleBooleanProperty();
    private final StringProperty tablesMessage = new SimpleStringProperty("");
    private final EncryptionChoiceViewModel encryption = new EncryptionChoiceViewModel(true);
    private final CopyChoiceViewModel copies = new CopyChoiceViewModel(true);
    private final StringBinding labelError;
    private final BooleanBinding canStart;
    private final BooleanBinding jobsApply;

    public BackupDialogViewModel(BackupOperations backups, TaskRunner runner, Notifier notifier) {
        this.backups = backups;
        this.runner = runner;
        this.notifier = notifier;
        labelError = Bindings.createStringBinding(() -> label.get().length() > LABEL_MAX
                ? Messages.get("backup.error.label", LABEL_MAX) : "", label);
        canStart = profile.isNotNull().and(labelError.isEmpty()).and(encryption.valid()).and(copies.valid());
        jobsApply = format.isEqualTo(BackupFormat.DIRECTORY);
        profile.addListener((o, was, now) -> scope.clear());
        // nothing chosen here means the connection's keys: the choice shows them, and checks them against the format
        encryption.connectionKeysProperty().bind(Bindings.createObjectBinding(() -> profile.get() == null ? List.of()
                : profile.get().encryptTo(), profile));
        encryption.directoryFormatProperty().bind(format.isEqualTo(BackupFormat.DIRECTORY));
        copies.connectionDestinationsProperty().bind(Bindings.createObjectBinding(() -> profile.get() == null
                ? List.of() : profile.get().copyTo(), profile));
        copies.encryptedProperty().bind(encryption.encrypts());
    }

    /**
     * Reads the profiles, the default options, the stored keys and the destinations; the first profile is chosen, or
     * the one given. No key and no destination is ticked: the backup gets its connection's unless others are chosen.
     */
    public void open(String preferredProfile) {
        record Opened(List<ConnectionProfile> profiles, BackupOptions defaults, List<StoredKey> keys,
                      List<Destination> destinations) { }
        runner.runInBackground((progress, cancel) -> new Opened(backups.profiles(), backups.defaults(), backups.keys(),
                        backups.destinations()), opened -> {
                    List<ConnectionProfile> loaded = opened.profiles();
                    format.set(opened.defaults().format());
                    compression.set(levelText(opened.defaults().compression()));
                    encryption.load(opened.keys(), List.of());
                    copies.load(opened.destinations(), List.of());
                    profiles.setAll(loaded);
                    profile.set(loaded.stream().filter(p -> p.name().equals(preferredProfile)).findFirst()
                            .orElse(loaded.isEmpty() ? null : loaded.get(0)));
                }, failure -> notifier.error(Messages.get("backup.title"), failure));
    }

    /** The compression as the level list shows it: empty for the default, a digit for gzip, else as typed. */
    private static String levelText(Compression c) {
        if (c.equals(Compression.DEFAULT)) {
            return DEFAULT_LEVEL;
        }
        return c.isNone() ? "0" : c.method() == Compression.Method.GZIP ? String.valueOf(c.level()) : c.toString();
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
        Compression level = compression.get() == null || compression.get().isBlank() ? null : Compression.parse(compression.get());
        List<String> schemas = scope.stream().filter(i -> i.isSchema() && i.chosenProperty().get()).map(ScopeItem::name).toList();
        List<String> tables = scope.stream().filter(i -> !i.isSchema() && i.chosenProperty().get())
                .map(ScopeItem::name).toList();
        return BackupOptions.builder().format(format.get()).compression(level)
                .jobs(format.get() == BackupFormat.DIRECTORY ? jobs.get() : 1).schemas(schemas).tables(tables)
                .scope(content.get()).globals(globals.get()).label(label.get().isBlank() ? null : label.get().trim())
                .encryptTo(encryption.encryptTo()).copyTo(copies.copyTo()).build();
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
        runner.run(Messages.get("backup.job", target.name() + "/" + target.database()), (progress, cancel) ->
                backups.backup(target, options, password, progress, cancel), done -> {
                    if (done != null) {
                        notifier.done(outcome(target, done));
                    }
                }, failure -> {
                    if (failure instanceof BackupDeskException e && e.kind() == ErrorKind.PASSWORD_REQUIRED) {
                        notifier.askPassword(target).ifPresent(typed -> run(target, options, Optional.of(typed)));
                    } else if (!(failure instanceof BackupDeskException e && e.kind() == ErrorKind.CANCELLED)) {
                        notifier.error(Messages.get("backup.failed", target.name() + "/" + target.database()), failure);
                    }
                });
    }

    /** "prod/shop: 2.3 MB, verified in 4 s": what the backup made, whether it was read back, and how long it took. */
    static String outcome(ConnectionProfile target, BackupRecord made) {
        boolean verified = made.verification() != null
                && made.verification().status() == BackupStatus.VERIFIED;
        return Messages.get(verified ? "backup.done.verified" : "backup.done", target.name() + "/" + target.database(),
                Formats.bytes(made.sizeBytes()), Formats.duration(Duration.ofMillis(made.durationMillis())));
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

    public StringProperty compressionProperty() {
        return compression;
    }

    public IntegerProperty jobsProperty() {
        return jobs;
    }

    public ObjectProperty<DumpScope> contentProperty() {
        return content;
    }

    public BooleanProperty globalsProperty() {
        return globals;
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

    /** Parallel jobs apply to the directory format only. */
    public BooleanBinding jobsApply() {
        return jobsApply;
    }
}

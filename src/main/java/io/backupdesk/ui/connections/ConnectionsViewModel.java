package io.backupdesk.ui.connections;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.Preset;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ConnectionCheck;
import io.backupdesk.pg.DatabaseScope;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Question;
import io.backupdesk.ui.TaskRunner;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The connections screen: the saved profiles, the form of the one being edited or made, saving and removing, and
 * "Test connection" off the UI thread with what it found or why it failed.
 */
public final class ConnectionsViewModel {
    private final ProfileOperations profiles;
    private final TaskRunner runner;
    private final ObservableList<ConnectionProfile> list = FXCollections.observableArrayList();
    private final ConnectionFormViewModel form;
    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>();
    private final BooleanProperty formOpen = new SimpleBooleanProperty();
    private final BooleanProperty passwordStored = new SimpleBooleanProperty();
    private final BooleanProperty testing = new SimpleBooleanProperty();
    private final ObjectProperty<TestOutcome> outcome = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<FoundDatabase> found = FXCollections.observableArrayList();
    private final StringProperty foundSummary = new SimpleStringProperty("");
    private final BooleanBinding canSave;
    private final BooleanBinding canTest;
    private final BooleanBinding canFind;
    /** The server's databases as last found, kept so that the list follows the patterns as they are typed. */
    private List<String> serverDatabases;
    /** The key store as last read; read again each time the form opens, since keys are made on another screen. */
    private List<StoredKey> keys = List.of();
    /** The destinations as last read; read again each time the form opens, as the keys are. */
    private List<Destination> destinations = List.of();

    public ConnectionsViewModel(ProfileOperations profiles, TaskRunner runner) {
        this.profiles = profiles;
        this.runner = runner;
        this.form = new ConnectionFormViewModel(() -> list.stream().map(ConnectionProfile::name).toList());
        this.canSave = formOpen.and(form.valid());
        this.canTest = canSave.and(testing.not());
        this.canFind = canTest.and(form.wholeServerProperty());
        form.includeProperty().addListener((o, was, now) -> showFound());
        form.excludeProperty().addListener((o, was, now) -> showFound());
        form.wholeServerProperty().addListener((o, was, now) -> showFound());
    }

    /**
     * Reads the profiles, the stored keys and the destinations; with no profile saved yet, opens the form for the
     * first one.
     */
    public void load() {
        record Loaded(List<ConnectionProfile> profiles, List<StoredKey> keys, List<Destination> destinations,
                      List<Preset> presets) { }
        runner.runInBackground((progress, cancel) -> new Loaded(profiles.list(), profiles.keys(),
                profiles.destinations(), profiles.presets()), loaded -> {
            keys = loaded.keys();
            destinations = loaded.destinations();
            form.refreshPresets(loaded.presets());
            list.setAll(loaded.profiles());
            if (loaded.profiles().isEmpty()) {
                newProfile();
            }
        }, failure -> message.set(failure.getMessage()));
    }

    /** Whether there are no profiles yet: the app then opens on this screen. */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    public void newProfile() {
        selected.set(null);
        form.startNew(profiles.defaults(), suggestedName(), keys, destinations);
        passwordStored.set(false);
        outcome.set(null);
        message.set("");
        forgetFound();
        formOpen.set(true);
        refreshKeys();
    }

    /**
     * Reads the key store, the destinations and the presets again off the UI thread (they are made on other screens);
     * the form keeps what is ticked and chosen.
     */
    private void refreshKeys() {
        record Read(List<StoredKey> keys, List<Destination> destinations, List<Preset> presets) { }
        runner.runInBackground((progress, cancel) -> new Read(profiles.keys(), profiles.destinations(),
                profiles.presets()), read -> {
            keys = read.keys();
            destinations = read.destinations();
            form.encryption().refreshKeys(read.keys());
            form.copies().refresh(read.destinations());
            form.refreshPresets(read.presets());
        }, failure -> message.set(failure.getMessage()));
    }

    private String suggestedName() {
        String base = form.hostProperty().get().isBlank() ? "local" : "server";
        List<String> taken = list.stream().map(ConnectionProfile::name).toList();
        String name = taken.isEmpty() ? "local" : base + "-" + (taken.size() + 1);
        return taken.contains(name) ? name + "-new" : name;
    }

    public void select(ConnectionProfile profile) {
        selected.set(profile);
        outcome.set(null);
        message.set("");
        forgetFound();
        if (profile == null) {
            formOpen.set(false);
            return;
        }
        form.edit(profile, keys, destinations);
        passwordStored.set(false);
        formOpen.set(true);
        refreshKeys();
        // the pgpass file is read off the UI thread
        runner.runInBackground((progress, cancel) -> profiles.hasStoredPassword(profile), stored -> {
            if (profile.equals(selected.get())) {
                passwordStored.set(stored);
            }
        }, failure -> message.set(failure.getMessage()));
    }

    /** Saves the form; the typed password goes to the pgpass file only when "save password" is ticked. */
    public void save() {
        ConnectionProfile profile = form.profile();
        Optional<String> password = form.savePasswordProperty().get() ? form.typedPassword() : Optional.empty();
        String previous = form.editing();
        runner.runInBackground((progress, cancel) -> {
            profiles.save(profile, previous, password);
            return profiles.list();
        }, loaded -> {
            list.setAll(loaded);
            select(loaded.stream().filter(p -> p.name().equals(profile.name())).findFirst().orElse(null));
            message.set(Messages.get("connections.saved", profile.name()));
        }, failure -> message.set(failure.getMessage()));
    }

    /** Removes the selected profile and its stored password; its backups stay where they are. */
    public void delete() {
        ConnectionProfile profile = selected.get();
        if (profile == null) {
            return;
        }
        runner.runInBackground((progress, cancel) -> {
            profiles.remove(profile);
            return profiles.list();
        }, loaded -> {
            list.setAll(loaded);
            select(null);
            message.set(Messages.get("connections.removed", profile.name()));
        }, failure -> message.set(failure.getMessage()));
    }

    /** The question before removing the selected profile. */
    public Question deleteQuestion() {
        return new Question(Messages.get("connections.delete.title"),
                selected.get() == null ? "" : Messages.get("connections.delete.question", selected.get().name()),
                Messages.get("connections.delete"));
    }

    /**
     * Logs in with the form as it is (the typed password, else the stored one) and reports what it found; a server
     * connection's test also finds its databases, since that is what its backups depend on.
     */
    public void test() {
        ConnectionProfile profile = form.profile();
        Optional<String> password = form.typedPassword();
        record Tested(ConnectionCheck.Report report, List<String> databases) { }
        testing.set(true);
        outcome.set(null);
        runner.run(Messages.get("connections.job.test", profile.describe()), (progress, cancel) ->
                new Tested(profiles.test(profile, password), profile.wholeServer()
                        ? profiles.databases(profile, password) : null), tested -> {
                    testing.set(false);
                    outcome.set(describe(tested.report()));
                    if (tested.databases() != null) {
                        serverDatabases = tested.databases();
                        showFound();
                    }
                }, failure -> {
                    testing.set(false);
                    outcome.set(failed(failure));
                });
    }

    /** Lists the server's databases and which of them the patterns leave out; the list follows the patterns. */
    public void findDatabases() {
        ConnectionProfile profile = form.profile();
        Optional<String> password = form.typedPassword();
        testing.set(true);
        foundSummary.set("");
        runner.run(Messages.get("connections.job.find", profile.describe()), (progress, cancel) ->
                profiles.databases(profile, password), databases -> {
                    testing.set(false);
                    serverDatabases = databases;
                    showFound();
                }, failure -> {
                    testing.set(false);
                    forgetFound();
                    // said beside the button, where the eyes are, rather than in the test's outcome
                    foundSummary.set(Messages.get("connections.found.failed", failure.getMessage()));
                });
    }

    private void forgetFound() {
        serverDatabases = null;
        found.clear();
        foundSummary.set("");
    }

    private void showFound() {
        if (serverDatabases == null || !form.wholeServerProperty().get()) {
            found.clear();
            foundSummary.set("");
            return;
        }
        if (!form.patternsError().get().isEmpty()) {
            // the patterns as typed cannot be applied; the error under them says why
            found.setAll(serverDatabases.stream().map(d -> new FoundDatabase(d, false)).toList());
            foundSummary.set(Messages.get("connections.found.unapplied", serverDatabases.size()));
            return;
        }
        DatabaseScope.Choice choice = DatabaseScope.choose(serverDatabases, form.scope());
        found.setAll(serverDatabases.stream().map(d -> new FoundDatabase(d, choice.excluded().contains(d))).toList());
        foundSummary.set(serverDatabases.isEmpty() ? Messages.get("connections.found.none")
                : Messages.get("connections.found.summary", serverDatabases.size(), choice.chosen().size(),
                choice.excluded().size()));
    }

    /**
     * The line under a connection's name in the list: where it logs in; a server connection's without its login
     * database, which is not what it backs up.
     */
    public static String where(ConnectionProfile profile) {
        if (!profile.wholeServer()) {
            return profile.describe();
        }
        String server = profile.host() == null ? "service " + profile.service() : profile.host() + ":" + profile.port();
        return (profile.user() == null ? "" : profile.user() + "@") + server;
    }

    /** A server connection's databases in words: "Every database except test_*"; empty for one database. */
    public static String scope(ConnectionProfile profile) {
        if (!profile.wholeServer()) {
            return "";
        }
        List<String> include = profile.server().include();
        List<String> exclude = profile.server().exclude();
        String which = include.isEmpty() ? Messages.get("connections.list.every")
                : Messages.get("connections.list.matching", String.join(", ", include));
        return exclude.isEmpty() ? which : Messages.get("connections.list.except", which, String.join(", ", exclude));
    }

    private static TestOutcome describe(ConnectionCheck.Report report) {
        List<String> lines = new ArrayList<>();
        lines.add(Messages.get("connections.test.server", report.serverVersionText()));
        lines.add(Messages.get("connections.test.size", Formats.bytes(report.databaseSizeBytes())));
        lines.add(tool("pg_dump", report.pgDump()));
        lines.add(tool("pg_restore", report.pgRestore()));
        lines.addAll(report.problems());
        return new TestOutcome(report.compatible(), Messages.get(report.compatible() ? "connections.test.ok"
                : "connections.test.incompatible", report.target()), lines, "");
    }

    private static String tool(String name, Optional<ClientInstallation> installation) {
        return installation.map(i -> Messages.get("connections.test.tool", name, i.version(), i.binDir()))
                .orElse(Messages.get("connections.test.noTool", name));
    }

    private static TestOutcome failed(Throwable failure) {
        if (failure instanceof BackupDeskException e) {
            return new TestOutcome(false, e.getMessage(), e.details(), e.hint());
        }
        return new TestOutcome(false, String.valueOf(failure.getMessage()), List.of(), "");
    }

    public ObservableList<ConnectionProfile> profiles() {
        return list;
    }

    /** The databases "Find databases" (or a server connection's test) found, each with whether it is left out. */
    public ObservableList<FoundDatabase> found() {
        return found;
    }

    /** "Found 5 databases: 4 in each set, 1 left out"; empty until the databases are found. */
    public ReadOnlyStringProperty foundSummaryProperty() {
        return foundSummary;
    }

    public BooleanBinding canFind() {
        return canFind;
    }

    public ConnectionFormViewModel form() {
        return form;
    }

    public ReadOnlyObjectProperty<ConnectionProfile> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty formOpenProperty() {
        return formOpen;
    }

    public ReadOnlyBooleanProperty passwordStoredProperty() {
        return passwordStored;
    }

    public ReadOnlyObjectProperty<TestOutcome> outcomeProperty() {
        return outcome;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    public BooleanBinding canTest() {
        return canTest;
    }

    /** Applies the URI in the form's URI field. */
    public void applyUri() {
        form.applyUri(profiles.defaults());
    }
}

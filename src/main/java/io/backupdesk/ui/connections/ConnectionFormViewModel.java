package io.backupdesk.ui.connections;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionDefaults;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ConnectionUri;
import io.backupdesk.core.Preset;
import io.backupdesk.core.Destination;
import io.backupdesk.core.ServerScope;
import io.backupdesk.core.SslMode;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.pg.DatabaseScope;
import io.backupdesk.ui.CopyChoiceViewModel;
import io.backupdesk.ui.EncryptionChoiceViewModel;
import io.backupdesk.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The profile form: its fields as text, the validation message of each (empty when fine), and the profile they make.
 * Validated as the user types; the profile record checks the same rules again when it is built.
 */
public final class ConnectionFormViewModel {
    /**
     * One entry of the default backup options: a preset, or the settings' defaults ({@code name} null).
     *
     * @param missing a preset the connection names that is not among the presets (an edited file): kept, not lost
     */
    public record PresetChoice(String name, String description, boolean missing) {
        static final PresetChoice DEFAULTS = new PresetChoice(null, null, false);
    }

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");
    /** The database a server connection logs in to unless told otherwise, as pg_dumpall does. */
    static final String LOGIN_DATABASE = "postgres";

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty(String.valueOf(ConnectionProfile.DEFAULT_PORT));
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final ObjectProperty<SslMode> sslMode = new SimpleObjectProperty<>(SslMode.PREFER);
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty savePassword = new SimpleBooleanProperty(true);
    private final StringProperty uri = new SimpleStringProperty("");
    private final StringProperty uriError = new SimpleStringProperty("");
    private final EncryptionChoiceViewModel encryption = new EncryptionChoiceViewModel(false);
    private final CopyChoiceViewModel copies = new CopyChoiceViewModel(false);
    private final BooleanProperty wholeServer = new SimpleBooleanProperty();
    private final StringProperty include = new SimpleStringProperty("");
    private final StringProperty exclude = new SimpleStringProperty("");
    private final ObservableList<PresetChoice> presetChoices = FXCollections.observableArrayList(PresetChoice.DEFAULTS);
    private final ObjectProperty<PresetChoice> preset = new SimpleObjectProperty<>(PresetChoice.DEFAULTS);
    private final StringBinding patternsError;
    private final StringBinding nameError;
    private final StringBinding hostError;
    private final StringBinding portError;
    private final StringBinding databaseError;
    private final StringBinding userError;
    private final BooleanBinding valid;
    private String editing;
    /** The pg_service.conf service of the profile being edited; the form has no field for it, so it is carried. */
    private String service;
    /** The presets as last read, to choose the connection's default backup options from. */
    private List<Preset> presets = List.of();
    /** Set while a profile is loaded into the fields, when the toggle follows the profile and changes no field. */
    private boolean loading;
    private String databaseBeforeServer;

    /** @param otherNames the names taken by other profiles, asked when validating */
    public ConnectionFormViewModel(Supplier<Collection<String>> otherNames) {
        nameError = Bindings.createStringBinding(() -> name.get().isBlank() ? Messages.get("connections.error.name.empty")
                : !NAME.matcher(name.get()).matches() ? Messages.get("connections.error.name.invalid")
                : !name.get().equals(editing) && otherNames.get().contains(name.get())
                ? Messages.get("connections.error.name.taken") : "", name);
        hostError = required(host, "connections.error.host");
        databaseError = Bindings.createStringBinding(() -> !database.get().isBlank() ? ""
                : Messages.get(wholeServer.get() ? "connections.error.loginDatabase" : "connections.error.database"),
                database, wholeServer);
        userError = required(user, "connections.error.user");
        portError = Bindings.createStringBinding(() -> portNumber().isPresent() ? ""
                : Messages.get("connections.error.port"), port);
        patternsError = Bindings.createStringBinding(this::checkPatterns, wholeServer, include, exclude);
        valid = Bindings.createBooleanBinding(() -> nameError.get().isEmpty() && hostError.get().isEmpty()
                && portError.get().isEmpty() && databaseError.get().isEmpty() && userError.get().isEmpty()
                && patternsError.get().isEmpty() && encryption.valid().get() && copies.valid().get(), nameError,
                hostError, portError, databaseError, userError, patternsError, encryption.valid(), copies.valid());
        // a server connection logs in somewhere to list the databases, and postgres is there on every server; the
        // database typed before is given back when the toggle goes off again
        wholeServer.addListener((o, was, now) -> {
            if (loading) {
                return;
            }
            if (now) {
                databaseBeforeServer = database.get();
                database.set(LOGIN_DATABASE);
            } else if (databaseBeforeServer != null) {
                database.set(databaseBeforeServer);
                databaseBeforeServer = null;
            }
        });
        // a destination that takes only encrypted backups is warned about while this connection's are not encrypted
        copies.encryptedProperty().bind(encryption.encrypts());
    }

    private static StringBinding required(StringProperty field, String key) {
        return Bindings.createStringBinding(() -> field.get().isBlank() ? Messages.get(key) : "", field);
    }

    private String checkPatterns() {
        if (!wholeServer.get()) {
            return "";
        }
        try {
            DatabaseScope.check(scope());
            return "";
        } catch (BackupDeskException e) {
            return e.getMessage();
        }
    }

    /**
     * The include and exclude fields as a scope. Patterns are separated by commas, since a quoted name may hold a
     * space but a comma in a database name is rare enough to leave out.
     */
    ServerScope scope() {
        return new ServerScope(patterns(include.get()), patterns(exclude.get()));
    }

    private static List<String> patterns(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    private Optional<Integer> portNumber() {
        try {
            int n = Integer.parseInt(port.get().trim());
            return n > 0 && n <= 65535 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Empties the form for a new profile, filled with the libpq environment's defaults; its backups are not
     * encrypted until keys are chosen, and stay on this desk until destinations are.
     */
    void startNew(ConnectionDefaults defaults, String suggestedName, List<StoredKey> keys,
                  List<Destination> destinations) {
        editing = null;
        service = null;
        choosePreset(null);
        name.set(suggestedName);
        host.set(defaults.host() == null ? "localhost" : defaults.host());
        port.set(String.valueOf(defaults.port()));
        database.set(defaults.database() == null ? "" : defaults.database());
        user.set(defaults.user() == null ? "" : defaults.user());
        sslMode.set(defaults.sslMode() == null ? SslMode.PREFER : defaults.sslMode());
        password.set("");
        uri.set("");
        uriError.set("");
        encryption.load(keys, List.of());
        copies.load(destinations, List.of());
        loading = true;
        wholeServer.set(false);
        loading = false;
        databaseBeforeServer = null;
        include.set("");
        exclude.set("");
        nameError.invalidate();
    }

    /** Fills the form with a saved profile, the keys its backups are encrypted to and where they are copied included. */
    void edit(ConnectionProfile profile, List<StoredKey> keys, List<Destination> destinations) {
        editing = profile.name();
        service = profile.service();
        choosePreset(profile.preset());
        name.set(profile.name());
        host.set(profile.host() == null ? "" : profile.host());
        port.set(String.valueOf(profile.port()));
        database.set(profile.database() == null ? "" : profile.database());
        user.set(profile.user() == null ? "" : profile.user());
        sslMode.set(profile.sslMode());
        password.set("");
        uri.set("");
        uriError.set("");
        encryption.load(keys, profile.encryptTo());
        copies.load(destinations, profile.copyTo());
        loading = true;
        wholeServer.set(profile.wholeServer());
        loading = false;
        databaseBeforeServer = null;
        include.set(profile.wholeServer() ? String.join(", ", profile.server().include()) : "");
        exclude.set(profile.wholeServer() ? String.join(", ", profile.server().exclude()) : "");
        nameError.invalidate();
    }

    /** The presets, read again; the choice stays, a preset that went missing included. */
    void refreshPresets(List<Preset> read) {
        presets = List.copyOf(read);
        choosePreset(preset.get() == null ? null : preset.get().name());
    }

    /** Lists the settings' defaults, then every preset, and chooses the one named; null for the defaults. */
    private void choosePreset(String name) {
        List<PresetChoice> all = new ArrayList<>();
        all.add(PresetChoice.DEFAULTS);
        presets.forEach(p -> all.add(new PresetChoice(p.name(), p.description(), false)));
        PresetChoice chosen = all.stream().filter(c -> Objects.equals(c.name(), name)).findFirst()
                .orElseGet(() -> new PresetChoice(name, null, true));
        if (!all.contains(chosen)) {
            all.add(chosen);
        }
        presetChoices.setAll(all);
        preset.set(chosen);
    }

    /** Fills the fields from the pasted {@code postgresql://} URI, its password included; says what is wrong with it. */
    public void applyUri(ConnectionDefaults defaults) {
        try {
            ConnectionUri.Parsed parsed = ConnectionUri.parse(name.get().isBlank() ? "new" : name.get(), uri.get().trim(), defaults);
            ConnectionProfile p = parsed.profile();
            host.set(p.host() == null ? "" : p.host());
            port.set(String.valueOf(p.port()));
            database.set(p.database() == null ? "" : p.database());
            user.set(p.user() == null ? "" : p.user());
            sslMode.set(p.sslMode());
            parsed.password().ifPresent(password::set);
            uri.set("");
            uriError.set("");
        } catch (BackupDeskException e) {
            uriError.set(e.getMessage());
        }
    }

    /**
     * The profile the fields make; call only when {@link #valid()}. Every component comes from a field: one left out
     * here would be dropped from the profile at its next save.
     */
    ConnectionProfile profile() {
        return new ConnectionProfile(name.get().trim(), host.get().trim(), portNumber().orElseThrow(), database.get().trim(),
                user.get().trim(), sslMode.get(), service, encryption.encryptTo(), copies.copyTo(),
                wholeServer.get() ? scope() : null, preset.get() == null ? null : preset.get().name());
    }

    /** The name the form was loaded with; null for a new profile. */
    String editing() {
        return editing;
    }

    Optional<String> typedPassword() {
        return password.get().isEmpty() ? Optional.empty() : Optional.of(password.get());
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<SslMode> sslModeProperty() {
        return sslMode;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty savePasswordProperty() {
        return savePassword;
    }

    public StringProperty uriProperty() {
        return uri;
    }

    public StringProperty uriErrorProperty() {
        return uriError;
    }

    /** The settings' defaults, then each preset: what a backup of this connection starts from when none is chosen. */
    public ObservableList<PresetChoice> presetChoices() {
        return presetChoices;
    }

    public ObjectProperty<PresetChoice> presetProperty() {
        return preset;
    }

    /** The keys every backup of this connection is encrypted to. */
    public EncryptionChoiceViewModel encryption() {
        return encryption;
    }

    /** The destinations every backup of this connection is copied to. */
    public CopyChoiceViewModel copies() {
        return copies;
    }

    /** On: a server connection, backing up every database in its scope as a set; the database is the login one. */
    public BooleanProperty wholeServerProperty() {
        return wholeServer;
    }

    /** Comma-separated patterns a database must match one of; empty for every database. */
    public StringProperty includeProperty() {
        return include;
    }

    /** Comma-separated patterns of databases never backed up, even when an include pattern matches. */
    public StringProperty excludeProperty() {
        return exclude;
    }

    /** Why the patterns would be refused (pg_dumpall's rules); empty when they are fine or this is one database. */
    public StringBinding patternsError() {
        return patternsError;
    }

    public StringBinding nameError() {
        return nameError;
    }

    public StringBinding hostError() {
        return hostError;
    }

    public StringBinding portError() {
        return portError;
    }

    public StringBinding databaseError() {
        return databaseError;
    }

    public StringBinding userError() {
        return userError;
    }

    public BooleanBinding valid() {
        return valid;
    }
}

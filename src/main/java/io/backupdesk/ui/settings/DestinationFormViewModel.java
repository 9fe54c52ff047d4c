package io.backupdesk.ui.settings;

import io.backupdesk.core.Destination;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.offsite.DestinationCredentials;
import io.backupdesk.offsite.HostKeyOffer;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.RetentionFormViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Add and Edit dialog of one destination kind: its fields as text, the message under each (empty when fine), the
 * destination and secrets they make, and where saving and testing stand. A secret field left empty keeps the secret
 * stored. The dialog stays open while its work runs, asks about an SFTP server's host key when one is offered, shows
 * what a test found, and closes when {@link #doneProperty()} turns true.
 */
public final class DestinationFormViewModel {
    /** What follows when the user answers the question about a host key. */
    enum Next { FINISH, TEST }

    private final Destination.Kind kind;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringProperty region = new SimpleStringProperty("");
    private final BooleanProperty pathStyle = new SimpleBooleanProperty();
    private final ObjectProperty<Destination.S3Checksums> checksums =
            new SimpleObjectProperty<>(Destination.S3Checksums.SHA256);
    private final StringProperty accessKeyId = new SimpleStringProperty("");
    private final StringProperty secretAccessKey = new SimpleStringProperty("");
    private final StringProperty identityFile = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty knownHosts = new SimpleStringProperty("");
    private final BooleanProperty requireEncryption = new SimpleBooleanProperty();
    private final RetentionFormViewModel retention = new RetentionFormViewModel();
    private final BooleanProperty existing = new SimpleBooleanProperty();
    private final BooleanProperty secretsStored = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final BooleanProperty outcomeOk = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty done = new SimpleBooleanProperty();
    private final ObjectProperty<HostKeyOffer> offer = new SimpleObjectProperty<>();
    private final StringBinding nameError;
    private final StringBinding urlError;
    private final StringBinding endpointError;
    private final StringBinding keysError;
    private final StringBinding identityFileError;
    private final StringBinding knownHostsError;
    private final BooleanBinding canSave;
    private final StringBinding retentionNote;
    private final StringBinding title;
    private Destination editing;
    private Next next = Next.FINISH;

    /** @param taken the names of the destinations there are, which a new one may not take */
    DestinationFormViewModel(Destination.Kind kind, Set<String> taken) {
        this.kind = kind;
        nameError = Bindings.createStringBinding(() -> DestinationFields.nameProblem(name.get().trim(), existing.get(),
                taken), name, existing);
        urlError = Bindings.createStringBinding(() -> DestinationFields.urlProblem(typedUrl(), kind), url);
        endpointError = Bindings.createStringBinding(() -> kind != Destination.Kind.S3 ? ""
                : DestinationFields.endpointProblem(endpoint.get().trim()), endpoint);
        keysError = Bindings.createStringBinding(() -> accessKeyId.get().isBlank() == secretAccessKey.get().isEmpty()
                ? "" : Messages.get("destinations.error.s3Keys"), accessKeyId, secretAccessKey);
        identityFileError = Bindings.createStringBinding(() -> DestinationFields.pathProblem(identityFile.get()),
                identityFile);
        knownHostsError = Bindings.createStringBinding(() -> DestinationFields.pathProblem(knownHosts.get()),
                knownHosts);
        canSave = Bindings.createBooleanBinding(() -> !name.get().isBlank() && !url.get().isBlank()
                        && nameError.get().isEmpty() && urlError.get().isEmpty() && endpointError.get().isEmpty()
                        && keysError.get().isEmpty() && identityFileError.get().isEmpty()
                        && knownHostsError.get().isEmpty() && retention.valid().get(),
                name, url, nameError, urlError, endpointError, keysError, identityFileError, knownHostsError,
                retention.valid()).and(busy.not()).and(offer.isNull());
        retentionNote = Bindings.createStringBinding(() -> {
            RetentionPolicy policy = retention.policy().get();
            return policy == null ? "" : policy.isNone() ? Messages.get("destinations.retention.none")
                    : !policy.selects() ? Messages.get("destinations.retention.ageOnly") : "";
        }, retention.policy());
        title = Bindings.createStringBinding(() -> editing == null
                ? Messages.get("destinations.add.title." + kindKey())
                : Messages.get("destinations.edit.title", editing.name()), existing);
        retention.load(RetentionPolicy.none());
    }

    /** Fills the form with a saved destination; its name stays, its secrets stay unless new ones are typed. */
    void edit(Destination destination, boolean hasSecrets) {
        editing = destination;
        existing.set(true);
        secretsStored.set(hasSecrets);
        name.set(destination.name());
        url.set(destination.url());
        endpoint.set(text(destination.endpoint()));
        region.set(text(destination.region()));
        pathStyle.set(destination.pathStyle());
        checksums.set(destination.s3Checksums());
        identityFile.set(text(destination.identityFile()));
        knownHosts.set(text(destination.knownHosts()));
        requireEncryption.set(destination.requireEncryption());
        retention.load(destination.retention());
    }

    /** A folder chosen in the file chooser, as the file:/// URL it stands for. */
    public void folderChosen(Path folder) {
        url.set(DestinationFields.fileUrl(folder));
    }

    public void identityFileChosen(Path file) {
        identityFile.set(file.toAbsolutePath().toString());
    }

    public void knownHostsChosen(Path file) {
        knownHosts.set(file.toAbsolutePath().toString());
    }

    /** The destination the fields make; call only while {@link #canSave()}. Fields of other kinds are left out. */
    Destination destination() {
        boolean s3 = kind == Destination.Kind.S3;
        boolean sftp = kind == Destination.Kind.SFTP;
        return new Destination(name.get().trim(), typedUrl(), s3 ? orNull(endpoint) : null,
                s3 ? orNull(region) : null, s3 && pathStyle.get(), s3 ? checksums.get() : null,
                sftp ? orNull(identityFile) : null, sftp ? orNull(knownHosts) : null, retention.policy().get(),
                requireEncryption.get(), editing == null ? null : editing.createdAt());
    }

    /** The secrets typed; empty when none were, which keeps those stored (a new destination then has none). */
    Optional<DestinationCredentials> credentials() {
        return switch (kind) {
            case FOLDER -> Optional.empty();
            case S3 -> accessKeyId.get().isBlank() ? Optional.empty()
                    : Optional.of(new DestinationCredentials(accessKeyId.get().trim(), secretAccessKey.get(), null));
            case SFTP -> password.get().isEmpty() ? Optional.empty()
                    : Optional.of(new DestinationCredentials(null, null, password.get()));
        };
    }

    /** The destination is stored: from now on the form edits it, and what was typed is kept there, not here. */
    void saved(Destination destination, boolean secretsNowStored) {
        editing = destination;
        existing.set(true);
        secretsStored.set(secretsStored.get() || secretsNowStored);
        accessKeyId.set("");
        secretAccessKey.set("");
        password.set("");
    }

    void started() {
        busy.set(true);
        error.set("");
        outcome.set("");
    }

    void failed(String message) {
        busy.set(false);
        error.set(message);
    }

    /** Waits for the user to trust or refuse the server's host key; then {@code then} follows. */
    void ask(HostKeyOffer offered, Next then) {
        busy.set(false);
        next = then;
        offer.set(offered);
    }

    /** The question is answered: what was to follow, and the key the user saw. */
    Next answered() {
        offer.set(null);
        return next;
    }

    void tested(boolean ok, String text) {
        busy.set(false);
        outcomeOk.set(ok);
        outcome.set(text);
    }

    void finished() {
        busy.set(false);
        done.set(true);
    }

    private String typedUrl() {
        return DestinationFields.url(url.get().trim(), kind);
    }

    private String kindKey() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String orNull(StringProperty field) {
        return field.get().isBlank() ? null : field.get().trim();
    }

    public Destination.Kind kind() {
        return kind;
    }

    /** "Add an S3 bucket", then "Edit nas" once it is saved. */
    public StringBinding title() {
        return title;
    }

    /** The example the URL field shows while empty. */
    public String urlPrompt() {
        return Messages.get("destinations.url.prompt." + kindKey());
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public BooleanProperty pathStyleProperty() {
        return pathStyle;
    }

    public ObjectProperty<Destination.S3Checksums> checksumsProperty() {
        return checksums;
    }

    public StringProperty accessKeyIdProperty() {
        return accessKeyId;
    }

    public StringProperty secretAccessKeyProperty() {
        return secretAccessKey;
    }

    public StringProperty identityFileProperty() {
        return identityFile;
    }

    /** The SFTP login password, or the passphrase of the identity file. */
    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty knownHostsProperty() {
        return knownHosts;
    }

    public BooleanProperty requireEncryptionProperty() {
        return requireEncryption;
    }

    public RetentionFormViewModel retention() {
        return retention;
    }

    /** What the rules as a whole mean for the copies there, when that is not obvious. */
    public StringBinding retentionNote() {
        return retentionNote;
    }

    /** Whether the form edits a stored destination, whose name then stays. */
    public ReadOnlyBooleanProperty existingProperty() {
        return existing;
    }

    /** Whether secrets are stored for it: empty secret fields then keep them. */
    public ReadOnlyBooleanProperty secretsStoredProperty() {
        return secretsStored;
    }

    /** Why the last save failed; empty before. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** What the last test found, or why it failed ({@link #outcomeOkProperty()}); empty before. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }

    public ReadOnlyBooleanProperty outcomeOkProperty() {
        return outcomeOk;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done;
    }

    /** The host key the SFTP server offers on a first connection, to compare and trust; null while none is asked. */
    public ReadOnlyObjectProperty<HostKeyOffer> offerProperty() {
        return offer;
    }

    public StringBinding nameError() {
        return nameError;
    }

    public StringBinding urlError() {
        return urlError;
    }

    public StringBinding endpointError() {
        return endpointError;
    }

    /** S3: an access key id without its secret, or the other way round. */
    public StringBinding keysError() {
        return keysError;
    }

    public StringBinding identityFileError() {
        return identityFileError;
    }

    public StringBinding knownHostsError() {
        return knownHostsError;
    }

    /** Save and Test: every field right, nothing running, no question open. */
    public BooleanBinding canSave() {
        return canSave;
    }
}

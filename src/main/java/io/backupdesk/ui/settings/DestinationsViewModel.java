package io.backupdesk.ui.settings;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Destination;
import io.backupdesk.offsite.DestinationCredentials;
import io.backupdesk.offsite.HostKeyOffer;
import io.backupdesk.ui.Messages;
import io.backupdesk.ui.Question;
import io.backupdesk.ui.TaskRunner;
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

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Destinations section of the settings: the places backups are copied to, and what is done with them: add or
 * change one with its secrets, test it, trust an SFTP server's host key on the first connection, remove one. Every
 * call to the destinations runs off the UI thread; a host key is trusted only after the user compared it.
 */
public final class DestinationsViewModel {
    private final DestinationOperations destinations;
    private final TaskRunner runner;
    private final ObservableList<DestinationRowViewModel> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private final BooleanProperty warned = new SimpleBooleanProperty(false);
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final BooleanProperty testing = new SimpleBooleanProperty(false);
    /** The host key a test from the list met, asked about in the section; null while none is. */
    private final ObjectProperty<HostKeyOffer> offer = new SimpleObjectProperty<>();
    private String offerOf;

    /** What a save or a test reached: a host key to ask about, or what the test found. */
    private record Step(HostKeyOffer offer, String found, String problem) {
        static Step asking(HostKeyOffer offer) {
            return new Step(offer, null, null);
        }
    }

    public DestinationsViewModel(DestinationOperations destinations, TaskRunner runner) {
        this.destinations = destinations;
        this.runner = runner;
    }

    /** Reads the destinations again. */
    public void load() {
        runner.runInBackground((progress, cancel) -> destinations.list(), listed -> {
            rows.setAll(listed.stream().map(l -> new DestinationRowViewModel(l.destination(), l.hasSecrets())).toList());
            loaded.set(true);
        }, this::fail);
    }

    /** An empty Add form of the kind, which checks its name against the destinations listed now. */
    public DestinationFormViewModel newForm(Destination.Kind kind) {
        return new DestinationFormViewModel(kind, names());
    }

    public DestinationFormViewModel editForm(DestinationRowViewModel row) {
        DestinationFormViewModel form = new DestinationFormViewModel(row.kind(), names());
        form.edit(row.destination(), row.hasSecrets());
        return form;
    }

    /**
     * Saves the form. For SFTP the server is asked for its host key next: an untrusted one is shown in the form to
     * compare, and the form closes once it is answered. A server that cannot be asked does not stop the save.
     */
    public void save(DestinationFormViewModel form) {
        store(form, false);
    }

    /** Saves the form and tests the destination as saved; the form stays open and shows what was found. */
    public void saveAndTest(DestinationFormViewModel form) {
        store(form, true);
    }

    private void store(DestinationFormViewModel form, boolean test) {
        Destination destination = form.destination();
        Optional<DestinationCredentials> credentials = form.credentials();
        form.started();
        runner.runInBackground((progress, cancel) -> {
            destinations.save(destination, credentials);
            if (destination.kind() != Destination.Kind.SFTP) {
                return test ? tested(destination.name()) : new Step(null, null, null);
            }
            try {
                Optional<HostKeyOffer> offered = destinations.untrustedHostKey(destination.name());
                if (offered.isPresent()) {
                    return Step.asking(offered.get());
                }
            } catch (RuntimeException e) {
                return new Step(null, null, text(e));
            }
            return test ? tested(destination.name()) : new Step(null, null, null);
        }, step -> {
            form.saved(destination, credentials.isPresent());
            load();
            if (step.offer() != null) {
                form.ask(step.offer(), test ? DestinationFormViewModel.Next.TEST : DestinationFormViewModel.Next.FINISH);
            } else if (test) {
                showTest(form, step);
            } else {
                form.finished();
                if (step.problem() == null) {
                    said(Messages.get("destinations.saved", destination.name()));
                } else {
                    warn(Messages.get("destinations.saved.keyUnchecked", destination.name(), step.problem()));
                }
            }
        }, failure -> form.failed(text(failure)));
    }

    /** The user compared the offered host key and trusts it: it is stored, and what was asked goes on. */
    public void trust(DestinationFormViewModel form) {
        HostKeyOffer trusted = form.offerProperty().get();
        DestinationFormViewModel.Next then = form.answered();
        String name = form.destination().name();
        form.started();
        runner.runInBackground((progress, cancel) -> {
            destinations.trust(name, trusted);
            return then == DestinationFormViewModel.Next.TEST ? tested(name) : new Step(null, null, null);
        }, step -> {
            if (then == DestinationFormViewModel.Next.TEST) {
                showTest(form, step);
            } else {
                form.finished();
                said(Messages.get("destinations.saved.keyTrusted", name));
            }
        }, failure -> form.failed(text(failure)));
    }

    /** What the form's test found; the destination is saved either way, and the words say so. */
    private static void showTest(DestinationFormViewModel form, Step step) {
        form.tested(step.problem() == null, step.problem() == null
                ? Messages.get("destinations.savedAndTested", step.found())
                : Messages.get("destinations.savedButFailed", step.problem()));
    }

    /** The user does not trust the offered key: nothing is sent to that server, and the form says so. */
    public void refuse(DestinationFormViewModel form) {
        String name = form.destination().name();
        if (form.answered() == DestinationFormViewModel.Next.TEST) {
            form.tested(false, Messages.get("destinations.key.refused.test"));
        } else {
            form.finished();
            warn(Messages.get("destinations.key.refused.saved", name));
        }
    }

    /** Tests a listed destination; an SFTP server's untrusted key is asked about first, in the section. */
    public void test(DestinationRowViewModel row) {
        testing.set(true);
        said(Messages.get("destinations.testing", row.name()));
        runner.runInBackground((progress, cancel) -> {
            if (row.kind() == Destination.Kind.SFTP) {
                Optional<HostKeyOffer> offered = destinations.untrustedHostKey(row.name());
                if (offered.isPresent()) {
                    return Step.asking(offered.get());
                }
            }
            return tested(row.name());
        }, step -> {
            testing.set(false);
            if (step.offer() != null) {
                offerOf = row.name();
                offer.set(step.offer());
                said(Messages.get("destinations.key.asked", row.name()));
            } else {
                report(row.name(), step);
            }
        }, failure -> {
            testing.set(false);
            fail(Messages.get("destinations.tested.failed", row.name(), text(failure)));
        });
    }

    /** The key asked about in the section is trusted; the test it stopped goes on. */
    public void trustOffered() {
        HostKeyOffer trusted = offer.get();
        String name = offerOf;
        offer.set(null);
        testing.set(true);
        runner.runInBackground((progress, cancel) -> {
            destinations.trust(name, trusted);
            return tested(name);
        }, step -> {
            testing.set(false);
            report(name, step);
        }, failure -> {
            testing.set(false);
            fail(Messages.get("destinations.tested.failed", name, text(failure)));
        });
    }

    public void refuseOffered() {
        String name = offerOf;
        offer.set(null);
        fail(Messages.get("destinations.key.refused.list", name));
    }

    private void report(String name, Step step) {
        if (step.problem() == null) {
            said(Messages.get("destinations.tested", name, step.found()));
        } else {
            fail(Messages.get("destinations.tested.failed", name, step.problem()));
        }
    }

    /** Runs the test, off the UI thread; a failure is what it found, not an error of the section. */
    private Step tested(String name) {
        try {
            return new Step(null, destinations.test(name), null);
        } catch (RuntimeException e) {
            return new Step(null, null, text(e));
        }
    }

    /** What is asked before a destination is removed: the copies already there stay there. */
    public Question removeQuestion(DestinationRowViewModel row) {
        return new Question(Messages.get("destinations.remove.title"),
                Messages.get("destinations.remove.question", row.name(), row.url()),
                Messages.get("destinations.remove.action", row.name()));
    }

    public void remove(DestinationRowViewModel row) {
        runner.runInBackground((progress, cancel) -> {
            destinations.remove(row.name());
            return row.name();
        }, name -> {
            said(Messages.get("destinations.removed", name));
            load();
        }, this::fail);
    }

    /** The words that say what a host key offer is, for the question the section and the dialog ask. */
    public static String offerText(HostKeyOffer offer) {
        return Messages.get("destinations.key.offer", offer.host() + ":" + offer.port(), offer.type());
    }

    private Set<String> names() {
        return rows.stream().map(DestinationRowViewModel::name).collect(Collectors.toUnmodifiableSet());
    }

    private void said(String text) {
        failed.set(false);
        warned.set(false);
        message.set(text);
    }

    /** Done, but not all of it: saved, yet its server's key is not trusted. */
    private void warn(String text) {
        failed.set(false);
        warned.set(true);
        message.set(text);
    }

    private void fail(Throwable failure) {
        fail(text(failure));
    }

    private void fail(String text) {
        failed.set(true);
        warned.set(false);
        message.set(text);
    }

    private static String text(Throwable failure) {
        return failure instanceof BackupDeskException e && !e.hint().isBlank() ? e.getMessage() + " " + e.hint()
                : String.valueOf(failure.getMessage());
    }

    public ObservableList<DestinationRowViewModel> rows() {
        return rows;
    }

    /** What the last action did, or why it failed ({@link #failedProperty()}). */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }

    /** Whether the last action was done only in part ({@link #messageProperty()} says what is left). */
    public ReadOnlyBooleanProperty warnedProperty() {
        return warned;
    }

    /** Whether the destinations were read once, so that an empty list means "none" rather than "not read yet". */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    /** Whether a test from the list runs now: the list's Test buttons wait for it. */
    public ReadOnlyBooleanProperty testingProperty() {
        return testing;
    }

    /** The host key a test from the list met, to compare and trust; null while none is asked about. */
    public ReadOnlyObjectProperty<HostKeyOffer> offerProperty() {
        return offer;
    }
}

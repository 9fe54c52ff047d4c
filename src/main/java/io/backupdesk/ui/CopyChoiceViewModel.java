package io.backupdesk.ui;

import io.backupdesk.core.Destination;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "Copy to", as the connection form, the schedule editor and Back up now offer it: the destinations to tick, where a
 * backup will be copied in words, a warning when a chosen destination takes only encrypted backups and the backup
 * will not be encrypted, and what is wrong with the choice.
 * <p>
 * In the schedule editor and Back up now, choosing nothing means the connection's destinations, as the jobs decide
 * ({@code CopyJob.forRun}); the connection form has no such fallback: nothing chosen stays on this desk.
 */
public final class CopyChoiceViewModel {
    private final boolean fallsBackToConnection;
    private final ObservableList<DestinationOption> destinations = FXCollections.observableArrayList();
    private final ObjectProperty<List<String>> connectionDestinations = new SimpleObjectProperty<>(List.of());
    private final BooleanProperty encrypted = new SimpleBooleanProperty();
    /** Bumped whenever a destination is ticked or unticked, so that the bindings below follow the ticks. */
    private final IntegerProperty ticks = new SimpleIntegerProperty();
    /** Which destinations take only encrypted backups, by name, kept for those of the connection too. */
    private Map<String, Boolean> onlyEncrypted = Map.of();
    private final StringBinding summary;
    private final StringBinding warning;
    private final StringBinding error;
    private final BooleanBinding valid;

    /** @param fallsBackToConnection whether choosing nothing means the connection's destinations (a run, a schedule) */
    public CopyChoiceViewModel(boolean fallsBackToConnection) {
        this.fallsBackToConnection = fallsBackToConnection;
        Observable[] inputs = {destinations, ticks, connectionDestinations, encrypted};
        summary = Bindings.createStringBinding(this::describe, inputs);
        warning = Bindings.createStringBinding(this::unencryptedWarning, inputs);
        error = Bindings.createStringBinding(this::problem, inputs);
        valid = error.isEmpty();
    }

    /**
     * Shows the choice as stored: the destinations kept now, those named ticked, a name no longer kept ticked and
     * marked missing.
     *
     * @param kept   the destinations as now
     * @param copyTo the connection's or schedule's own names; empty for none
     */
    public void load(List<Destination> kept, List<String> copyTo) {
        show(kept, copyTo);
    }

    /** Shows the destinations as they are now (they may have changed since {@link #load}), keeping what is ticked. */
    public void refresh(List<Destination> kept) {
        show(kept, copyTo());
    }

    private void show(List<Destination> kept, List<String> chosen) {
        onlyEncrypted = kept.stream().collect(Collectors.toMap(Destination::name, Destination::requireEncryption,
                (a, b) -> a));
        List<DestinationOption> options = new ArrayList<>(kept.stream().map(DestinationOption::of).toList());
        chosen.stream().filter(name -> !onlyEncrypted.containsKey(name)).distinct().map(DestinationOption::missing)
                .forEach(options::add);
        for (DestinationOption option : options) {
            option.chosenProperty().set(chosen.contains(option.name()));
            option.chosenProperty().addListener((o, was, now) -> ticks.set(ticks.get() + 1));
        }
        destinations.setAll(options);
    }

    /** What this choice stores: the ticked destinations' names, in the list's order; empty for none. */
    public List<String> copyTo() {
        return destinations.stream().filter(d -> d.chosenProperty().get()).map(DestinationOption::name).toList();
    }

    /** The destinations a backup goes to: those chosen here, else (for a run or schedule) the connection's. */
    private List<String> effective() {
        List<String> own = copyTo();
        return own.isEmpty() && fallsBackToConnection ? connectionDestinations.get() : own;
    }

    private String describe() {
        List<String> own = copyTo();
        if (own.isEmpty() && fallsBackToConnection && !connectionDestinations.get().isEmpty()) {
            return Messages.get("copy.summary.connection", Formats.names(connectionDestinations.get()));
        }
        return own.isEmpty() ? Messages.get("copy.summary.none") : Messages.get("copy.summary.destinations",
                Formats.names(own));
    }

    private String unencryptedWarning() {
        if (encrypted.get()) {
            return "";
        }
        List<String> refusing = effective().stream().filter(name -> onlyEncrypted.getOrDefault(name, false)).toList();
        return refusing.isEmpty() ? "" : Messages.get("copy.warning.unencrypted", Formats.names(refusing),
                refusing.size());
    }

    private String problem() {
        Set<String> missing = destinations.stream().filter(d -> d.isMissing() && d.chosenProperty().get())
                .map(DestinationOption::name).collect(Collectors.toCollection(LinkedHashSet::new));
        return missing.isEmpty() ? "" : Messages.get("copy.error.missing", Formats.names(List.copyOf(missing)),
                missing.size());
    }

    /** The destinations to tick, and any the choice names that are no longer kept. */
    public ObservableList<DestinationOption> destinations() {
        return destinations;
    }

    /** The destinations of the connection a run or schedule falls back to; set by the screen as the connection changes. */
    public ObjectProperty<List<String>> connectionDestinationsProperty() {
        return connectionDestinations;
    }

    /** Whether the backup will be encrypted; bound by the screen to its encryption choice. */
    public BooleanProperty encryptedProperty() {
        return encrypted;
    }

    public boolean fallsBackToConnection() {
        return fallsBackToConnection;
    }

    /** "Copied to nas and offsite-s3 after the backup is verified", "Stays on this desk". */
    public StringBinding summary() {
        return summary;
    }

    /** That a chosen destination will refuse the backup because it is not encrypted; empty when none will. */
    public StringBinding warning() {
        return warning;
    }

    /** What is wrong with the choice; empty when nothing is. */
    public StringBinding error() {
        return error;
    }

    public BooleanBinding valid() {
        return valid;
    }
}

package io.backupdesk.ui;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ByteSizes;
import io.backupdesk.core.DumpFlags;
import io.backupdesk.core.DumpScope;
import javafx.beans.InvalidationListener;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How to dump, as Back up now and a preset's editor both show it: format, compression, jobs, what to dump, the roles
 * file, and pg_dump's own switches with the size limit. One form, so the two screens cannot drift apart. What the
 * form does not show (chosen schemas and tables, timeouts) is kept from the options it was filled with.
 */
public final class DumpOptionsFormViewModel {
    /** Large objects: pg_dump's choice (with the whole database, yes), always, or never. */
    public enum LargeObjects { DEFAULT, INCLUDE, LEAVE_OUT }

    /** How rows are written: COPY (pg_dump's default), INSERT, or INSERT naming its columns. */
    public enum RowsAs { COPY, INSERTS, COLUMN_INSERTS }

    private final ObjectProperty<BackupFormat> format = new SimpleObjectProperty<>(BackupFormat.CUSTOM);
    private final StringProperty compression = new SimpleStringProperty(CompressionChoices.DEFAULT);
    private final IntegerProperty jobs = new SimpleIntegerProperty(BackupOptions.defaultJobs());
    private final ObjectProperty<DumpScope> content = new SimpleObjectProperty<>(DumpScope.ALL);
    private final BooleanProperty globals = new SimpleBooleanProperty();
    private final BooleanProperty preData = new SimpleBooleanProperty();
    private final BooleanProperty data = new SimpleBooleanProperty();
    private final BooleanProperty postData = new SimpleBooleanProperty();
    private final BooleanProperty noOwner = new SimpleBooleanProperty();
    private final BooleanProperty noPrivileges = new SimpleBooleanProperty();
    private final BooleanProperty noTablespaces = new SimpleBooleanProperty();
    private final StringProperty excludeTableData = new SimpleStringProperty("");
    private final ObjectProperty<LargeObjects> largeObjects = new SimpleObjectProperty<>(LargeObjects.DEFAULT);
    private final StringProperty encoding = new SimpleStringProperty("");
    private final StringProperty role = new SimpleStringProperty("");
    private final ObjectProperty<RowsAs> rowsAs = new SimpleObjectProperty<>(RowsAs.COPY);
    private final StringProperty rowsPerInsert = new SimpleStringProperty("");
    private final BooleanProperty quoteAllIdentifiers = new SimpleBooleanProperty();
    private final BooleanProperty create = new SimpleBooleanProperty();
    private final BooleanProperty clean = new SimpleBooleanProperty();
    private final BooleanProperty ifExists = new SimpleBooleanProperty();
    private final StringProperty maxSize = new SimpleStringProperty("");
    private final BooleanProperty newCompressions = new SimpleBooleanProperty();
    private final ObservableList<String> compressionChoices = FXCollections.observableArrayList(
            CompressionChoices.of(BackupFormat.CUSTOM, false, null));
    private final BooleanBinding plain = format.isEqualTo(BackupFormat.PLAIN);
    private final BooleanBinding jobsApply = format.isEqualTo(BackupFormat.DIRECTORY);
    private final BooleanBinding insertsApply = rowsAs.isNotEqualTo(RowsAs.COPY);
    private final StringBinding problem;
    private BackupOptions base = BackupOptions.defaults();

    public DumpOptionsFormViewModel() {
        InvalidationListener choices = o -> compressionChoices.setAll(CompressionChoices.of(format.get(),
                newCompressions.get(), compression.get()));
        format.addListener(choices);
        newCompressions.addListener(choices);
        compression.addListener((o, was, now) -> {
            if (now != null && !compressionChoices.contains(now)) {
                choices.invalidated(o);
            }
        });
        problem = Bindings.createStringBinding(() -> {
            try {
                options();
                return "";
            } catch (BackupDeskException e) {
                return e.getMessage() + (e.hint().isBlank() ? "" : " " + e.hint());
            }
        }, dependencies());
    }

    /** Everything a change of which changes the options: for a view of them to follow, as the shown command does. */
    public Observable[] dependencies() {
        return new Observable[] {format, compression, jobs, content, globals, preData, data, postData, noOwner,
                noPrivileges, noTablespaces, excludeTableData, largeObjects, encoding, role, rowsAs, rowsPerInsert,
                quoteAllIdentifiers, create, clean, ifExists, maxSize};
    }

    /** Shows these options; what the form has no field for is kept for {@link #options()}. */
    public void fill(BackupOptions options) {
        base = options;
        format.set(options.format());
        compression.set(CompressionChoices.text(options.compression()));
        if (options.format() == BackupFormat.DIRECTORY) {
            jobs.set(options.jobs());
        }
        content.set(options.scope());
        globals.set(options.globals());
        DumpFlags flags = options.dump();
        preData.set(flags.sections().contains("pre-data"));
        data.set(flags.sections().contains("data"));
        postData.set(flags.sections().contains("post-data"));
        noOwner.set(flags.noOwner());
        noPrivileges.set(flags.noPrivileges());
        noTablespaces.set(flags.noTablespaces());
        excludeTableData.set(String.join(", ", flags.excludeTableData()));
        largeObjects.set(flags.largeObjects() == null ? LargeObjects.DEFAULT
                : flags.largeObjects() ? LargeObjects.INCLUDE : LargeObjects.LEAVE_OUT);
        encoding.set(orEmpty(flags.encoding()));
        role.set(orEmpty(flags.role()));
        rowsAs.set(flags.columnInserts() ? RowsAs.COLUMN_INSERTS : flags.insertsData() ? RowsAs.INSERTS : RowsAs.COPY);
        rowsPerInsert.set(flags.rowsPerInsert() == null ? "" : String.valueOf(flags.rowsPerInsert()));
        quoteAllIdentifiers.set(flags.quoteAllIdentifiers());
        create.set(flags.create());
        clean.set(flags.clean());
        ifExists.set(flags.ifExists());
        maxSize.set(options.maxSizeBytes() == null ? "" : exactSize(options.maxSizeBytes()));
    }

    /**
     * The options as the form has them, over those it was filled with, checked as a backup checks them.
     *
     * @throws BackupDeskException saying what does not fit, as a backup would refuse it
     */
    public BackupOptions options() {
        BackupFormat chosen = format.get();
        boolean isPlain = chosen == BackupFormat.PLAIN;
        List<String> sections = new ArrayList<>();
        if (preData.get()) {
            sections.add("pre-data");
        }
        if (data.get()) {
            sections.add("data");
        }
        if (postData.get()) {
            sections.add("post-data");
        }
        RowsAs rows = rowsAs.get();
        // what does not apply to the format is greyed out, not refused: it is left out of the options
        DumpFlags flags = new DumpFlags(sections, noOwner.get(), noPrivileges.get(), noTablespaces.get(),
                patterns(excludeTableData.get()), largeObjects.get() == LargeObjects.DEFAULT ? null
                : largeObjects.get() == LargeObjects.INCLUDE, encoding.get(), role.get(), rows == RowsAs.INSERTS,
                rows == RowsAs.COLUMN_INSERTS, rows == RowsAs.COPY ? null : rowsPerInsert(), quoteAllIdentifiers.get(),
                isPlain && create.get(), isPlain && clean.get(), isPlain && clean.get() && ifExists.get());
        return base.toBuilder().format(chosen).compression(CompressionChoices.parse(compression.get()))
                .jobs(chosen == BackupFormat.DIRECTORY ? jobs.get() : 1).scope(content.get()).globals(globals.get())
                .dump(flags).maxSizeBytes(maxSize()).build().checked();
    }

    private Integer rowsPerInsert() {
        String text = rowsPerInsert.get() == null ? "" : rowsPerInsert.get().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw BackupDeskException.configuration(Messages.get("dumpOptions.error.rows", text),
                    Messages.get("dumpOptions.error.rows.hint"));
        }
    }

    private Long maxSize() {
        String text = maxSize.get() == null ? "" : maxSize.get().trim();
        return text.isEmpty() ? null : ByteSizes.parse(text);
    }

    /** pg_dump's table patterns, separated by commas or spaces (a pattern with a space is quoted by pg_dump's rules). */
    static List<String> patterns(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** The largest unit that keeps the size exact, so a limit filled in and saved again stays the same. */
    static String exactSize(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int unit = 0;
        long value = bytes;
        while (unit < units.length - 1 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + " " + units[unit];
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Set once the newest pg_dump here is known: zstd and lz4 join the compression list. */
    public BooleanProperty newCompressionsProperty() {
        return newCompressions;
    }

    public ObservableList<String> compressionChoices() {
        return compressionChoices;
    }

    /** Why the options cannot be used as they are; empty when they can. */
    public StringBinding problem() {
        return problem;
    }

    /** --create, --clean and --if-exists shape plain SQL only. */
    public BooleanBinding plain() {
        return plain;
    }

    public BooleanBinding jobsApply() {
        return jobsApply;
    }

    public BooleanBinding insertsApply() {
        return insertsApply;
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

    public BooleanProperty preDataProperty() {
        return preData;
    }

    public BooleanProperty dataProperty() {
        return data;
    }

    public BooleanProperty postDataProperty() {
        return postData;
    }

    public BooleanProperty noOwnerProperty() {
        return noOwner;
    }

    public BooleanProperty noPrivilegesProperty() {
        return noPrivileges;
    }

    public BooleanProperty noTablespacesProperty() {
        return noTablespaces;
    }

    public StringProperty excludeTableDataProperty() {
        return excludeTableData;
    }

    public ObjectProperty<LargeObjects> largeObjectsProperty() {
        return largeObjects;
    }

    public StringProperty encodingProperty() {
        return encoding;
    }

    public StringProperty roleProperty() {
        return role;
    }

    public ObjectProperty<RowsAs> rowsAsProperty() {
        return rowsAs;
    }

    public StringProperty rowsPerInsertProperty() {
        return rowsPerInsert;
    }

    public BooleanProperty quoteAllIdentifiersProperty() {
        return quoteAllIdentifiers;
    }

    public BooleanProperty createProperty() {
        return create;
    }

    public BooleanProperty cleanProperty() {
        return clean;
    }

    public BooleanProperty ifExistsProperty() {
        return ifExists;
    }

    public StringProperty maxSizeProperty() {
        return maxSize;
    }
}

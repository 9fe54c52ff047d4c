package io.backupdesk.cli;

import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.ByteSizes;
import io.backupdesk.core.DumpFlags;
import io.backupdesk.core.Preset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;

/** {@code backupdesk presets}: named ways of backing up, for backups, connections and schedules to start from. */
@Command(name = "presets", description = "Named backup options that backups, connections and schedules start from.")
public final class PresetsCommand {
    @ParentCommand
    BackupDeskCli root;

    @Command(name = "add", description = "Add a preset, or replace the one with the same name (connections and"
            + " schedules naming it then back up as it now says).")
    int add(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--description", paramLabel = "TEXT", description = "What it is for, shown in the lists.")
            String description,
            @Mixin DumpChoiceOptions dump) {
        Preset preset = new Preset(name, description, dump.over(root.engine().backupDefaults().options()).build());
        boolean replaced = root.engine().jobs().presets().list().stream().anyMatch(p -> p.name().equals(name));
        root.engine().jobs().presets().save(preset);
        root.out().println("Preset '" + preset.name() + "' " + (replaced ? "replaced" : "saved") + ": "
                + describe(preset.options()));
        return 0;
    }

    @Command(name = "list", description = "List the presets.")
    int list(@Option(names = "--json", description = "Print a JSON array.") boolean json) {
        List<Preset> presets = root.engine().jobs().presets().list();
        if (json) {
            // the record as it is stored: every option under the name the settings files use
            root.out().println(CliJson.write(presets));
            return 0;
        }
        if (presets.isEmpty()) {
            root.out().println("No presets. Add one with 'backupdesk presets add NAME --format ...'.");
        }
        presets.forEach(p -> root.out().println(p.name() + (p.description() == null ? "" : " (" + p.description() + ")")
                + ": " + describe(p.options())));
        return 0;
    }

    @Command(name = "remove", description = "Remove a preset no connection or schedule names.")
    int remove(@Parameters(paramLabel = "NAME") String name) {
        root.engine().jobs().presets().remove(name);
        root.out().println("Preset '" + name + "' removed.");
        return 0;
    }

    /** The options in a line, as pg_dump's switches where they are: what a DBA reads fastest. */
    static String describe(BackupOptions o) {
        List<String> words = new ArrayList<>();
        words.add(o.format().cliName() + (o.format().name().equals("TAR") ? "" : ", " + o.compression()));
        if (o.jobs() > 1) {
            words.add(o.jobs() + " jobs");
        }
        o.schemas().forEach(s -> words.add("--schema " + s));
        o.excludeSchemas().forEach(s -> words.add("--exclude-schema " + s));
        o.tables().forEach(t -> words.add("--table " + t));
        o.excludeTables().forEach(t -> words.add("--exclude-table " + t));
        switch (o.scope()) {
            case SCHEMA_ONLY -> words.add("--schema-only");
            case DATA_ONLY -> words.add("--data-only");
            default -> { }
        }
        if (o.globals()) {
            words.add("--globals");
        }
        words.addAll(switches(o.dump()));
        if (o.maxSizeBytes() != null) {
            words.add("at most " + ByteSizes.format(o.maxSizeBytes()));
        }
        return String.join(", ", words);
    }

    /** pg_dump's switches that are set, as they would be typed. */
    static List<String> switches(DumpFlags f) {
        List<String> on = new ArrayList<>();
        f.sections().forEach(s -> on.add("--section " + s));
        f.excludeTableData().forEach(t -> on.add("--exclude-table-data " + t));
        addIf(on, f.noOwner(), "--no-owner");
        addIf(on, f.noPrivileges(), "--no-privileges");
        addIf(on, f.noTablespaces(), "--no-tablespaces");
        if (f.largeObjects() != null) {
            on.add(f.largeObjects() ? "--large-objects" : "--no-large-objects");
        }
        addIf(on, f.encoding() != null, "--encoding " + f.encoding());
        addIf(on, f.role() != null, "--role " + f.role());
        addIf(on, f.inserts(), "--inserts");
        addIf(on, f.columnInserts(), "--column-inserts");
        addIf(on, f.rowsPerInsert() != null, "--rows-per-insert " + f.rowsPerInsert());
        addIf(on, f.quoteAllIdentifiers(), "--quote-all-identifiers");
        addIf(on, f.create(), "--create");
        addIf(on, f.clean(), "--clean");
        addIf(on, f.ifExists(), "--if-exists");
        return on;
    }

    private static void addIf(List<String> on, boolean set, String words) {
        if (set) {
            on.add(words);
        }
    }
}

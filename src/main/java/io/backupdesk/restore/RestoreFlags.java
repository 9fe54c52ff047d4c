package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * pg_restore's own switches that a DBA sets in pgAdmin's restore dialog, passed through under pg_restore's names.
 * They shape how an archive is restored; plain SQL is run by psql, which has none of them. How they combine with the
 * restore modes is decided by {@link PlanRules} (decision 0047).
 *
 * @param role                  the role pg_restore runs as after logging in ({@code SET ROLE}); null for the login's
 * @param schemaOnly            definitions only, no rows: the sections pre-data and post-data
 * @param dataOnly              rows only: the section data, into tables that exist
 * @param sections              only these sections, as pg_restore's {@code --section} (empty: as the two above say)
 * @param disableTriggers       triggers and foreign keys off while rows are loaded (needs a superuser)
 * @param noDataForFailedTables a table whose creation failed (it existed) gets no rows, rather than a second copy
 * @param create                a new database with what the database itself carried in the archive: its encoding
 *                              and locale, owner, settings, comment and grants
 * @param excludeSchemas        schemas left out, each an exact name, with everything in them and on them
 */
public record RestoreFlags(String role, boolean schemaOnly, boolean dataOnly, List<RestoreSection> sections,
                           boolean noTablespaces, boolean disableTriggers, boolean noDataForFailedTables,
                           boolean create, List<String> excludeSchemas) {
    public static final RestoreFlags NONE = builder().build();

    public RestoreFlags {
        role = role == null || role.isBlank() ? null : role.strip();
        if (role != null && role.codePoints().anyMatch(Character::isISOControl)) {
            throw BackupDeskException.configuration("The role name holds a control character.",
                    "Give the role's name as PostgreSQL shows it.");
        }
        sections = sections == null ? List.of() : sections.stream().distinct().sorted().toList();
        excludeSchemas = excludeSchemas == null ? List.of() : excludeSchemas.stream().distinct().toList();
        if (excludeSchemas.stream().anyMatch(String::isEmpty)) {
            throw BackupDeskException.configuration("A schema to leave out has no name.",
                    "Give each schema's name exactly as PostgreSQL shows it.");
        }
        if (schemaOnly && dataOnly) {
            throw BackupDeskException.configuration("Schema only and data only together restore nothing.",
                    "Choose one of them, or neither for the whole backup.")
                    .withCommandLineHint("Use --schema-only or --data-only, not both.");
        }
        if (!sections.isEmpty() && (schemaOnly || dataOnly)) {
            throw BackupDeskException.configuration("Sections cannot be combined with schema only or data only.",
                    "Choose sections (pre-data and post-data are the schema, data the rows) or one of the two.")
                    .withCommandLineHint("Use --section, or --schema-only or --data-only, not both.");
        }
    }

    /** The sections restored: all three unless narrowed by schema only, data only or sections. */
    public Set<RestoreSection> restored() {
        if (schemaOnly) {
            return EnumSet.of(RestoreSection.PRE_DATA, RestoreSection.POST_DATA);
        }
        if (dataOnly) {
            return EnumSet.of(RestoreSection.DATA);
        }
        return sections.isEmpty() ? EnumSet.allOf(RestoreSection.class) : EnumSet.copyOf(sections);
    }

    /** Whether every section is restored, as without any of these switches. */
    public boolean whole() {
        return restored().size() == RestoreSection.values().length;
    }

    public boolean restores(RestoreSection section) {
        return restored().contains(section);
    }

    public boolean any() {
        return !equals(NONE);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().role(role).schemaOnly(schemaOnly).dataOnly(dataOnly).sections(sections)
                .noTablespaces(noTablespaces).disableTriggers(disableTriggers)
                .noDataForFailedTables(noDataForFailedTables).create(create).excludeSchemas(excludeSchemas);
    }

    /** Builds the switches by name; what is not set is pg_restore's default. */
    public static final class Builder {
        private String role;
        private boolean schemaOnly;
        private boolean dataOnly;
        private List<RestoreSection> sections = new ArrayList<>();
        private boolean noTablespaces;
        private boolean disableTriggers;
        private boolean noDataForFailedTables;
        private boolean create;
        private List<String> excludeSchemas = new ArrayList<>();

        private Builder() { }

        public Builder role(String value) {
            role = value;
            return this;
        }

        public Builder schemaOnly(boolean value) {
            schemaOnly = value;
            return this;
        }

        public Builder dataOnly(boolean value) {
            dataOnly = value;
            return this;
        }

        public Builder sections(List<RestoreSection> value) {
            sections = new ArrayList<>(value == null ? List.of() : value);
            return this;
        }

        public Builder noTablespaces(boolean value) {
            noTablespaces = value;
            return this;
        }

        public Builder disableTriggers(boolean value) {
            disableTriggers = value;
            return this;
        }

        public Builder noDataForFailedTables(boolean value) {
            noDataForFailedTables = value;
            return this;
        }

        public Builder create(boolean value) {
            create = value;
            return this;
        }

        public Builder excludeSchemas(List<String> value) {
            excludeSchemas = new ArrayList<>(value == null ? List.of() : value);
            return this;
        }

        public RestoreFlags build() {
            return new RestoreFlags(role, schemaOnly, dataOnly, sections, noTablespaces, disableTriggers,
                    noDataForFailedTables, create, excludeSchemas);
        }
    }
}

package io.backupdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupSet;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Verification;
import io.backupdesk.store.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON the CLI prints: a stable shape for scripts, separate from the sidecar's internal one. */
final class CliJson {
    private CliJson() { }

    static Map<String, Object> backup(BackupCatalog.Entry entry, List<CopyState> copies) {
        BackupRecord r = entry.record();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "backup");
        m.put("id", r.id());
        m.put("set", r.set());
        m.put("profile", r.profile());
        m.put("database", r.database());
        m.put("host", r.host());
        m.put("port", r.port());
        // a backup only at a destination has no file here; its copies say where it is
        m.put("path", entry.status() == BackupStatus.REMOTE ? null : entry.archive().toString());
        m.put("format", r.format().cliName());
        m.put("compression", r.compression());
        m.put("createdAt", r.createdAt());
        m.put("durationMillis", r.durationMillis());
        m.put("sizeBytes", r.sizeBytes());
        m.put("databaseSizeBytes", r.databaseSizeBytes());
        m.put("sha256", r.sha256());
        m.put("status", entry.status().name().toLowerCase(Locale.ROOT));
        m.put("verification", r.verification() == null ? null : verification(r.verification()));
        m.put("pinned", r.pinned());
        m.put("encrypted", r.encrypted());
        m.put("recipients", r.recipients());
        m.put("label", r.label());
        m.put("origin", r.origin());
        m.put("serverVersion", r.serverVersion());
        m.put("pgDumpVersion", r.pgDumpVersion());
        m.put("globalsPath", entry.status() == BackupStatus.REMOTE ? null
                : entry.globals().map(Object::toString).orElse(null));
        m.put("copies", copies.stream().map(CliJson::copy).toList());
        m.put("tables", r.tables().stream().map(t -> {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("schema", t.schema());
            table.put("name", t.name());
            table.put("rows", t.rows());
            return table;
        }).toList());
        return m;
    }

    /**
     * A whole-server set: its members with their backup ids or why they failed, what the scope left out, the roles
     * file. Its status is worked out from what is there (complete, partial, failed), never read from the manifest.
     */
    static Map<String, Object> set(BackupSets.SetEntry entry) {
        BackupSet s = entry.set();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "set");
        m.put("id", s.id());
        m.put("profile", s.profile());
        m.put("host", s.host());
        m.put("port", s.port());
        m.put("manifest", entry.manifest().toString());
        m.put("format", s.format() == null ? null : s.format().cliName());
        m.put("createdAt", s.createdAt());
        m.put("durationMillis", s.durationMillis());
        m.put("sizeBytes", entry.sizeBytes());
        m.put("status", s.status().name().toLowerCase(Locale.ROOT));
        m.put("pinned", s.pinned());
        m.put("encrypted", s.encrypted());
        m.put("recipients", s.recipients());
        m.put("label", s.label());
        m.put("origin", s.origin());
        m.put("serverVersion", s.serverVersion());
        m.put("members", s.members().stream().map(member -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("database", member.database());
            one.put("backupId", member.backupId());
            one.put("error", member.error());
            return one;
        }).toList());
        m.put("excluded", s.excluded());
        m.put("rolesPath", entry.roles().map(Object::toString).orElse(null));
        m.put("rolesSha256", s.globalsSha256());
        m.put("rolesError", s.globalsError());
        return m;
    }

    /** A manifest the catalog could not use, as {@link #refused} shows a sidecar. */
    static Map<String, Object> refused(BackupSets.Refused refused) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "set");
        m.put("id", refused.claimedId());
        m.put("status", "unreadable");
        m.put("manifest", refused.manifest().toString());
        m.put("reason", refused.reason());
        return m;
    }

    /** One copy of a backup: no secret, only where it is and how it was confirmed. */
    static Map<String, Object> copy(CopyState c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backupId", c.backupId());
        m.put("destination", c.destination());
        m.put("status", c.status().word());
        m.put("sha256", c.sha256());
        m.put("confirmedBy", c.confirmedBy());
        m.put("at", c.at());
        m.put("attempts", c.attempts());
        m.put("nextAttemptAt", c.nextAttemptAt());
        m.put("error", c.error());
        m.put("remoteKey", c.remoteKey());
        return m;
    }

    /** Metadata the catalog could not use: status "unreadable", its file and the reason; id only if it claims one. */
    static Map<String, Object> refused(BackupCatalog.Refused refused) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "backup");
        m.put("id", refused.claimedId());
        m.put("status", "unreadable");
        m.put("sidecar", refused.sidecar().toString());
        m.put("reason", refused.reason());
        return m;
    }

    static Map<String, Object> verification(Verification v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", v.status().name().toLowerCase(Locale.ROOT));
        m.put("at", v.at());
        m.put("message", v.message());
        return m;
    }

    static Map<String, Object> profile(ConnectionProfile p, boolean passwordStored) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("host", p.host());
        m.put("port", p.port());
        m.put("database", p.database());
        m.put("user", p.user());
        m.put("sslMode", p.sslMode().libpqName());
        m.put("service", p.service());
        m.put("passwordStored", passwordStored);
        m.put("encryptTo", p.encryptTo());
        m.put("copyTo", p.copyTo());
        m.put("allDatabases", p.wholeServer());
        m.put("includeDatabases", p.wholeServer() ? p.server().include() : List.of());
        m.put("excludeDatabases", p.wholeServer() ? p.server().exclude() : List.of());
        return m;
    }

    static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("our own maps always serialize", e);
        }
    }

    static String writeList(List<?> values) {
        return write(values);
    }
}

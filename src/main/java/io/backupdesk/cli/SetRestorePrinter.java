package io.backupdesk.cli;

import io.backupdesk.jobs.SetDatabaseOutcome;
import io.backupdesk.jobs.SetRestorePreview;
import io.backupdesk.jobs.SetRestoreReport;
import io.backupdesk.restore.DatabaseLevelReport;
import io.backupdesk.restore.roles.RolesMode;
import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.restore.roles.RolesReport;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a set restore's preview and report, step by step and database by database, for people or as JSON. */
final class SetRestorePrinter {
    private SetRestorePrinter() { }

    static void preview(PrintWriter out, SetRestorePreview p, RolesMode mode, boolean json) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("set", p.setId());
            m.put("target", p.target());
            m.put("rolesMode", mode.cliName());
            m.put("roles", p.roles());
            m.put("databases", p.databases().stream().map(d -> {
                Map<String, Object> db = new LinkedHashMap<>();
                db.put("database", d.database());
                db.put("targetName", d.targetName());
                db.put("databaseLevel", d.databaseLevel());
                db.put("checks", d.checks().stream().map(RestorePrinter::check).toList());
                return db;
            }).toList());
            out.println(CliJson.write(m));
            return;
        }
        out.println("Set " + p.setId() + " onto " + p.target());
        roles(out, p.roles(), mode);
        for (SetRestorePreview.Database d : p.databases()) {
            out.println();
            out.println("Database " + d.database() + (d.database().equals(d.targetName()) ? "" : " as " + d.targetName())
                    + " (then its own settings: " + d.databaseLevel() + ")");
            RestorePrinter.checks(out, d.checks(), false);
        }
    }

    /** With roles skipped, what would be created is shown as missing: nothing is created. */
    static void roles(PrintWriter out, RolesPreview r, RolesMode mode) {
        boolean skip = mode == RolesMode.SKIP;
        out.println(skip ? "Roles (skip: no role is created or changed):" : "Roles (create-missing):");
        for (RolesPreview.RoleLine role : r.roles()) {
            String action = skip && role.action() == RolesPreview.RoleAction.CREATE ? "MISSING" : role.action().name();
            out.printf("  %-13s %-24s %s%s%n", action, role.name(), String.join(" ", role.attributes()),
                    role.note().isBlank() ? "" : "  (" + role.note() + ")");
        }
        for (RolesPreview.MembershipLine m : r.memberships()) {
            String action = skip && m.action() == RolesPreview.MembershipAction.ADD ? "MISSING" : m.action().name();
            out.printf("  %-13s %s in %s%s%s%n", action, m.member(), m.role(), m.admin() ? " with admin option" : "",
                    m.note().isBlank() ? "" : "  (" + m.note() + ")");
        }
        for (RolesPreview.SettingLine s : r.settings()) {
            String action = skip && s.action() == RolesPreview.SettingAction.SET ? "MISSING" : s.action().name();
            out.printf("  %-13s %s: %s = %s%s%s%n", action, s.role(), s.name(), s.value(),
                    s.database() == null ? "" : " in " + s.database(), s.note().isBlank() ? "" : "  (" + s.note() + ")");
        }
        for (RolesPreview.TablespaceLine t : r.tablespaces()) {
            out.printf("  %-13s tablespace %s%s%n", t.action().name(), t.name(),
                    t.note().isBlank() ? "" : "  (" + t.note() + ")");
        }
        r.skipped().forEach(s -> out.println("  NOT READ      line " + s.line() + ": " + s.text() + " (" + s.reason() + ")"));
        if (!skip) {
            r.blockers().forEach(b -> out.println("  BLOCK         " + b));
        }
    }

    static void report(PrintWriter out, SetRestoreReport r, boolean json) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("set", r.setId());
            m.put("target", r.target());
            m.put("succeeded", r.succeeded());
            m.put("summary", r.summary());
            m.put("roles", r.roles());
            m.put("databases", r.databases().stream().map(SetRestorePrinter::outcome).toList());
            out.println(CliJson.write(m));
            return;
        }
        out.println(r.summary());
        rolesDone(out, r.roles());
        for (SetDatabaseOutcome d : r.databases()) {
            out.println();
            out.println("Database " + d.database() + (d.database().equals(d.targetName()) ? "" : " as " + d.targetName())
                    + ": " + d.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (d.report() != null) {
                RestorePrinter.report(out, d.report(), false);
            }
            if (d.error() != null) {
                out.println("  " + d.error());
            }
            if (d.level() != null) {
                level(out, d.level());
            }
        }
    }

    static void rolesDone(PrintWriter out, RolesReport roles) {
        list(out, "created", roles.created());
        list(out, "left as they were", roles.leftAsTheyWere());
        roles.failures().forEach(f -> out.println("  refused: " + f));
    }

    private static void level(PrintWriter out, DatabaseLevelReport level) {
        if (level.note() != null) {
            out.println("  own settings: " + level.note());
            return;
        }
        out.println("  own settings and grants: " + level.given().size() + " given"
                + (level.failed().isEmpty() ? "" : ", " + level.failed().size() + " refused by the server")
                + (level.refused().isEmpty() ? "" : ", " + level.refused().size() + " not run (not a database's own)"));
        level.failed().forEach(f -> out.println("    " + f));
        level.refused().forEach(f -> out.println("    not run: " + f));
    }

    private static void list(PrintWriter out, String what, List<String> names) {
        if (!names.isEmpty()) {
            out.println("  " + what + ": " + String.join(", ", names));
        }
    }

    private static Map<String, Object> outcome(SetDatabaseOutcome d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", d.database());
        m.put("targetName", d.targetName());
        m.put("status", d.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("complete", d.complete());
        m.put("error", d.error());
        m.put("restore", d.report() == null ? null : RestorePrinter.reportMap(d.report()));
        m.put("databaseLevel", d.level());
        return m;
    }
}

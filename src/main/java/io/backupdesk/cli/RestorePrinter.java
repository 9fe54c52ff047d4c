package io.backupdesk.cli;

import io.backupdesk.jobs.RestoreCheck;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.restore.TableComparison;
import io.backupdesk.restore.roles.RolesMode;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints pre-flight checks and restore reports, for people or (with --json) for scripts. */
final class RestorePrinter {
    private static final int SHOWN_ERRORS = 10;

    private RestorePrinter() { }

    static void checks(PrintWriter out, List<PreflightCheck> checks, boolean json) {
        if (json) {
            out.println(CliJson.writeList(checks.stream().map(RestorePrinter::check).toList()));
            return;
        }
        for (PreflightCheck c : checks) {
            out.printf("%-5s %-15s %s%n", c.level(), c.id().cliName(), c.message());
            if (!c.fix().isBlank()) {
                out.printf("%-21s fix: %s%n", "", fix(c));
            }
        }
    }

    /** The checks, after what restoring the backup's roles file first would do when it is asked for. */
    static void check(PrintWriter out, RestoreCheck check, boolean json) {
        if (check.roles().isEmpty()) {
            checks(out, check.checks(), json);
            return;
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rolesMode", RolesMode.CREATE_MISSING.cliName());
            m.put("roles", check.roles().get());
            m.put("checks", check.checks().stream().map(RestorePrinter::check).toList());
            out.println(CliJson.write(m));
            return;
        }
        SetRestorePrinter.roles(out, check.roles().get(), RolesMode.CREATE_MISSING);
        out.println();
        checks(out, check.checks(), false);
    }

    static void report(PrintWriter out, RestoreReport r, boolean json) {
        if (json) {
            out.println(CliJson.write(reportMap(r)));
            return;
        }
        out.println(r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + r.summary());
        out.printf("  %-40s %12s %12s%n", "TABLE", "BACKUP", "RESTORED");
        for (TableComparison t : r.tables()) {
            out.printf("  %-40s %12s %12s%s%n", t.qualifiedName(), t.expected() == null ? "-" : t.expected(),
                    t.actual() == null ? "missing" : t.actual(), t.matches() ? "" : "  <- differs");
        }
        if (r.roles() != null) {
            SetRestorePrinter.rolesDone(out, r.roles());
        }
        errors(out, "real errors", r.realErrors());
        errors(out, "harmless errors", r.harmlessErrors());
        out.println("Restore " + r.restoreId() + (r.outcome() == RestoreReport.Outcome.FAILED ? "."
                : ". Undo it with: backupdesk rollback " + r.restoreId()
                + (r.asideDatabase() == null ? "" : "; drop the old copy with: backupdesk rollback --drop-old " + r.restoreId())));
    }

    private static void errors(PrintWriter out, String title, List<String> errors) {
        if (errors.isEmpty()) {
            return;
        }
        out.println("  " + errors.size() + " " + title + ":");
        errors.stream().limit(SHOWN_ERRORS).forEach(e -> out.println("    " + e));
    }

    /**
     * The fix with the options that apply it: the pre-flight words them for every front, and here they can be typed.
     */
    static String fix(PreflightCheck c) {
        return switch (c.id()) {
            case SESSIONS -> c.fix().replace("let the restore end them.", "let the restore end them (--terminate-sessions).");
            case ROLES -> c.fix().replace("(no-owner)", "(--no-owner)").replace("(no-privileges)", "(--no-privileges)")
                    .replace("(create the missing roles)", "(--roles create-missing)");
            default -> c.fix();
        };
    }

    static Map<String, Object> check(PreflightCheck c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", c.id().cliName());
        m.put("level", c.level().name().toLowerCase(Locale.ROOT));
        m.put("message", c.message());
        m.put("fix", fix(c));
        return m;
    }

    static Map<String, Object> reportMap(RestoreReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("restoreId", r.restoreId());
        m.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("summary", r.summary());
        m.put("database", r.database());
        m.put("asideDatabase", r.asideDatabase());
        m.put("safetyBackupId", r.safetyBackupId());
        m.put("tables", r.tables().stream().map(t -> {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("schema", t.schema());
            table.put("name", t.name());
            table.put("backupRows", t.expected());
            table.put("restoredRows", t.actual());
            table.put("matches", t.matches());
            return table;
        }).toList());
        m.put("realErrors", r.realErrors());
        m.put("harmlessErrors", r.harmlessErrors());
        if (r.roles() != null) {
            m.put("roles", r.roles());
        }
        return m;
    }
}

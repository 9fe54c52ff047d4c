package io.backupdesk.restore;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.pg.ToolErrors;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.ArrayList;

/** Decides whether a restore is complete, from how the tool ended, the errors it printed and the row counts. */
final class Judgement {
    private static final int NAMED_TABLES = 5;

    private Judgement() { }

    static RestoreReport of(String id, RestorePlan plan, String database, ToolRestore.Outcome outcome,
                            List<TableComparison> tables, String safetyBackupId) {
        ToolOutput output = outcome.output();
        boolean plain = plan.source().record().format() == BackupFormat.PLAIN;
        String tool = plain ? "psql" : "pg_restore";
        boolean ignoredErrors = output.log().stream().anyMatch(l -> l.contains("errors ignored on restore"));
        boolean finished = outcome.exitCode() == 0 || (!plan.exitOnError() && !plain && outcome.exitCode() == 1 && ignoredErrors);
        List<String> harmless = new ArrayList<>(output.harmless());
        List<String> real = new ArrayList<>(output.real());
        if (!finished) {
            // the error the tool stopped at is never harmless, whatever its words: it ended the restore
            output.log().stream().filter(l -> l.toLowerCase(Locale.ROOT).contains("error:"))
                    .reduce((first, second) -> second).map(String::trim)
                    .filter(harmless::remove).ifPresent(stopper -> real.add(0, stopper));
        }
        List<TableComparison> wrong = tables.stream().filter(t -> !t.matches()).toList();
        long rows = tables.stream().map(TableComparison::actual).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        RestoreReport.Outcome verdict;
        String summary;
        if (!finished) {
            verdict = RestoreReport.Outcome.FAILED;
            String cause = real.isEmpty() ? ToolErrors.errorLine(output.log()) : real.get(0);
            summary = tool + " stopped at an error (exit code " + outcome.exitCode() + "): " + cause;
        } else if (!wrong.isEmpty()) {
            verdict = RestoreReport.Outcome.FAILED;
            summary = "The restore is incomplete: " + wrong.size() + " of " + count(tables.size(), "table")
                    + (wrong.size() == 1 ? " differs" : " differ") + " from the backup: "
                    + wrong.stream().limit(NAMED_TABLES).map(Judgement::difference).collect(Collectors.joining(", ")) + ".";
        } else {
            boolean clean = real.isEmpty() && harmless.isEmpty();
            verdict = clean ? RestoreReport.Outcome.COMPLETE : RestoreReport.Outcome.COMPLETE_WITH_WARNINGS;
            boolean counted = tables.stream().anyMatch(t -> t.expected() != null);
            String there = everyTable(tables.size()) + " " + (tables.size() == 1 ? "is" : "are") + " there, with "
                    + count(rows, "row");
            String checked = counted ? everyTable(tables.size()) + " and " + count(rows, "row") + " match the backup"
                    : !plan.restoresRows() ? there + "; no rows were restored (only "
                    + PlanRules.names(plan.flags().restored()) + ")"
                    : there + "; the backup recorded no row counts to compare them with";
            summary = "The restore of " + database + " is complete: " + checked + (clean ? "." : ", with "
                    + real.size() + " real and " + harmless.size() + " harmless error"
                    + (real.size() + harmless.size() == 1 ? "" : "s") + " (see below).");
        }
        return new RestoreReport(id, verdict, summary, database, tables, harmless, real, null, safetyBackupId,
                output.log());
    }

    private static String everyTable(int n) {
        return n == 1 ? "the one table" : "all " + n + " tables";
    }

    /** "1 row", "305,000 rows": grouped as the tables of the screens show their counts. */
    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
    }

    private static String difference(TableComparison t) {
        return t.actual() == null ? t.qualifiedName() + " is missing"
                : t.qualifiedName() + " has " + t.actual() + " rows instead of " + t.expected();
    }
}

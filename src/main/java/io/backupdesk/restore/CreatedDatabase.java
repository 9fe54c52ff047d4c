package io.backupdesk.restore;

import io.backupdesk.pg.TargetServer;

import java.util.ArrayList;
import java.util.List;

/**
 * A restore with {@code --create}: once the new database holds the backup, it is given what the database itself
 * carried in the archive (owner, settings, connection limit, comment, grants, its roles' settings in it), as a set
 * restore gives each of its databases ({@link DatabaseLevel}, decision 0041). A statement the server refuses (a role
 * the target lacks) is a real error of the restore, as a grant on one of its objects would be.
 */
final class CreatedDatabase {
    private CreatedDatabase() { }

    static RestoreReport giveItsOwn(RestoreReport report, TargetServer server, ArchiveContents contents,
                                    RestorePlan plan) {
        String dumpedAs = contents.dumpedAs() != null ? contents.dumpedAs() : plan.source().record().database();
        DatabaseLevel level = DatabaseLevel.of(dumpedAs, contents.entries());
        DatabaseLevelReport given = level.giveTo(server, plan.database(), plan.noOwner(), plan.noPrivileges());
        List<String> real = new ArrayList<>(report.realErrors());
        given.failed().forEach(f -> real.add("The database's own " + f));
        given.refused().forEach(f -> real.add("Not run, not a statement of the database itself: " + f));
        String said = " It was created as the backup made it (" + level.summary() + ")"
                + (given.succeeded() ? "." : ", but " + (given.failed().size() + given.refused().size())
                + " of its own statements did not go through (see the real errors).");
        RestoreReport.Outcome outcome = report.outcome() == RestoreReport.Outcome.COMPLETE && !given.succeeded()
                ? RestoreReport.Outcome.COMPLETE_WITH_WARNINGS : report.outcome();
        return new RestoreReport(report.restoreId(), outcome, report.summary() + said, report.database(),
                report.tables(), report.harmlessErrors(), real, report.asideDatabase(), report.safetyBackupId(),
                report.log());
    }
}

package io.backupdesk.restore.roles;

import io.backupdesk.restore.roles.RolesPreview.MembershipLine;
import io.backupdesk.restore.roles.RolesPreview.SettingLine;

import java.util.ArrayList;
import java.util.List;

/**
 * What the roles step did. Plain values for the command line, its JSON and a screen; never a password.
 *
 * @param created            roles this step created
 * @param leftAsTheyWere     roles of the file that existed, left exactly as they were (with those created by someone
 *                           else between the preview and the apply)
 * @param membershipsAdded   memberships granted to the created roles
 * @param settingsSet        settings given to the created roles
 * @param settingsLater      settings of created roles in databases not restored yet: give them with
 *                           {@link RolesStep#applyLaterSettings} once the databases are there
 * @param failures           settings the server refused, one sentence each; the rest of the step stands
 * @param missingTablespaces tablespaces of the source that the target lacks; none is ever created
 */
public record RolesReport(RolesMode mode, List<String> created, List<String> leftAsTheyWere,
                          List<MembershipLine> membershipsAdded, List<SettingLine> settingsSet,
                          List<SettingLine> settingsLater, List<String> failures, List<String> missingTablespaces) {
    public RolesReport {
        created = List.copyOf(created);
        leftAsTheyWere = List.copyOf(leftAsTheyWere);
        membershipsAdded = List.copyOf(membershipsAdded);
        settingsSet = List.copyOf(settingsSet);
        settingsLater = List.copyOf(settingsLater);
        failures = List.copyOf(failures);
        missingTablespaces = List.copyOf(missingTablespaces);
    }

    static RolesReport skipped() {
        return new RolesReport(RolesMode.SKIP, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /** This report with the later settings given now and those still waiting. */
    RolesReport withLaterSettings(List<SettingLine> nowSet, List<SettingLine> stillLater, List<String> newFailures) {
        List<SettingLine> set = new ArrayList<>(settingsSet);
        set.addAll(nowSet);
        List<String> allFailures = new ArrayList<>(failures);
        allFailures.addAll(newFailures);
        return new RolesReport(mode, created, leftAsTheyWere, membershipsAdded, set, stillLater, allFailures,
                missingTablespaces);
    }

    /** One sentence for a log line or a job's message. */
    public String summary() {
        if (mode == RolesMode.SKIP) {
            return "Roles were not restored (skip): no role, membership or setting was changed.";
        }
        String text = "Roles: " + count(created.size(), "role") + " created, " + leftAsTheyWere.size()
                + " left as they were, " + count(membershipsAdded.size(), "membership") + " and "
                + count(settingsSet.size(), "setting") + " added.";
        if (!failures.isEmpty()) {
            text += " " + count(failures.size(), "setting") + " refused by the server.";
        }
        if (!missingTablespaces.isEmpty()) {
            text += " Missing tablespaces (not created): " + String.join(", ",
                    missingTablespaces.stream().map(RolesPlanner::quoted).toList()) + ".";
        }
        return text;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}

package io.backupdesk.ui.restorewizard;

import io.backupdesk.jobs.SetDatabaseOutcome;
import io.backupdesk.jobs.SetRestorePreview;
import io.backupdesk.jobs.SetRestoreReport;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.roles.RolesPreview;
import io.backupdesk.restore.roles.RolesReport;
import io.backupdesk.ui.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * A set restore's preview and report as the wizard shows them: sections of lines, each section a heading and what
 * falls under it, so that the page draws them and a test reads them without a toolkit.
 */
final class SetRestoreTexts {
    /**
     * One part of a page.
     *
     * @param tone what colours the heading: fine, worth reading, or stopping the restore
     */
    record Section(String id, String title, List<String> lines, Tone tone) { }

    enum Tone { GOOD, WARN, BAD, PLAIN }

    private SetRestoreTexts() { }

    /** The roles' preview: what would be created, what is there and stays as it is, what is added, what stops it. */
    static List<Section> roles(RolesPreview p, boolean creating) {
        List<Section> sections = new ArrayList<>();
        if (!p.blockers().isEmpty()) {
            sections.add(new Section("roles-blockers", Messages.get("restore.set.roles.blockers"), p.blockers(), Tone.BAD));
        }
        List<String> created = p.roles().stream().filter(r -> r.action() == RolesPreview.RoleAction.CREATE)
                .map(r -> (r.attributes().isEmpty() ? r.name() : r.name() + " (" + String.join(", ", r.attributes()) + ")")
                        + (r.note() == null || r.note().isBlank() ? "" : ": " + r.note()))
                .toList();
        sections.add(new Section("roles-create", Messages.get(creating ? "restore.set.roles.create"
                : "restore.set.roles.missing", created.size()), none(created), creating ? Tone.GOOD : Tone.WARN));
        List<String> cannot = p.roles().stream().filter(r -> r.action() == RolesPreview.RoleAction.CANNOT_CREATE)
                .map(r -> r.name() + ": " + r.note()).toList();
        if (!cannot.isEmpty()) {
            sections.add(new Section("roles-cannot", Messages.get("restore.set.roles.cannot"), cannot, Tone.BAD));
        }
        sections.add(new Section("roles-existing", Messages.get("restore.set.roles.existing", p.existingRoles().size()),
                none(p.existingRoles()), Tone.PLAIN));
        List<String> memberships = p.memberships().stream().map(m -> Messages.get("restore.set.roles.membership",
                m.member(), m.role(), word(m.action().name()) + (m.note() == null || m.note().isBlank() ? ""
                        : ": " + m.note()))).toList();
        sections.add(new Section("roles-memberships", Messages.get("restore.set.roles.memberships"), none(memberships),
                Tone.PLAIN));
        List<String> settings = p.settings().stream().map(s -> Messages.get("restore.set.roles.setting", s.role(),
                s.name(), s.value(), s.database() == null ? Messages.get("restore.set.roles.everyDatabase") : s.database(),
                word(s.action().name()))).toList();
        sections.add(new Section("roles-settings", Messages.get("restore.set.roles.settings"), none(settings),
                Tone.PLAIN));
        if (!p.missingTablespaces().isEmpty()) {
            sections.add(new Section("roles-tablespaces", Messages.get("restore.set.roles.tablespaces"),
                    p.missingTablespaces(), Tone.WARN));
        }
        return sections;
    }

    /** Each database's pre-flight: what is checked, and what would stop it. */
    static List<Section> databases(SetRestorePreview preview) {
        return preview.databases().stream().map(d -> {
            List<String> lines = new ArrayList<>();
            d.checks().stream().filter(c -> c.level() != PreflightCheck.Level.OK)
                    .forEach(c -> lines.add(c.message() + (c.fix() == null || c.fix().isBlank() ? "" : " " + c.fix())));
            lines.add(Messages.get("restore.set.databaseLevel", d.databaseLevel()));
            boolean blocked = d.checks().stream().anyMatch(c -> c.level() == PreflightCheck.Level.BLOCK);
            boolean warned = d.checks().stream().anyMatch(c -> c.level() == PreflightCheck.Level.WARN);
            String title = d.database().equals(d.targetName()) ? d.database()
                    : Messages.get("restore.set.as", d.database(), d.targetName());
            return new Section("database-" + d.database(), title, lines,
                    blocked ? Tone.BAD : warned ? Tone.WARN : Tone.GOOD);
        }).toList();
    }

    /** The report: the roles step, then each database as it went. */
    static List<Section> report(SetRestoreReport report) {
        List<Section> sections = new ArrayList<>();
        RolesReport r = report.roles();
        List<String> roles = new ArrayList<>();
        roles.add(r.summary());
        if (!r.created().isEmpty()) {
            roles.add(Messages.get("restore.set.report.created", String.join(", ", r.created())));
        }
        if (!r.leftAsTheyWere().isEmpty()) {
            roles.add(Messages.get("restore.set.report.left", String.join(", ", r.leftAsTheyWere())));
        }
        roles.addAll(r.failures());
        sections.add(new Section("report-roles", Messages.get("restore.set.report.roles"), roles,
                r.failures().isEmpty() ? Tone.GOOD : Tone.WARN));
        for (SetDatabaseOutcome d : report.databases()) {
            List<String> lines = new ArrayList<>();
            if (d.report() != null) {
                lines.add(d.report().summary());
            }
            if (d.level() != null) {
                lines.add(Messages.get("restore.set.report.level", d.level().given().size()));
                d.level().failed().forEach(lines::add);
                if (d.level().note() != null) {
                    lines.add(d.level().note());
                }
            }
            if (d.error() != null) {
                lines.add(d.error());
            }
            Tone tone = d.complete() ? Tone.GOOD : d.status() == SetDatabaseOutcome.Status.RESTORED ? Tone.WARN : Tone.BAD;
            sections.add(new Section("report-" + d.database(), Messages.get("restore.set.report.database",
                    d.targetName(), word(d.status().name())), lines, tone));
        }
        return sections;
    }

    private static List<String> none(List<String> lines) {
        return lines.isEmpty() ? List.of(Messages.get("restore.set.none")) : lines;
    }

    private static String word(String constant) {
        return constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}

package io.backupdesk.cli;

import io.backupdesk.backup.RetentionPlan;
import io.backupdesk.backup.RetentionService;
import io.backupdesk.backup.SetRetention;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.jobs.CleanupJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code backupdesk cleanup}: applies the schedules' retention policies now. */
@Command(name = "cleanup", description = "Delete the backups the retention policies of the schedules let go, and say why"
        + " each backup goes or stays.",
        footer = {"", "Each schedule's rules prune only the backups that schedule made; backups made by hand or imported",
                "are kept. Never deleted: pinned backups, files without our sidecar, the newest verified and the",
                "newest good backup, damaged or missing ones, and anything of a database whose latest run failed.",
                "A server connection's sets are kept or deleted whole, never one database at a time, and a set that",
                "holds the newest good backup of any of its databases is kept.",
                "Exit code 1 when a backup could not be deleted."})
public final class CleanupCommand implements Callable<Integer> {
    private static final String ROW = "  %-7s  %-12s  %-19s  %9s  %s%n";

    @ParentCommand
    BackupDeskCli root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROFILE", description = "Only this profile's backups.")
    String profile;

    @Option(names = "--dry-run", description = "Only show what would be deleted.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the decisions as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<ConnectionProfile> profiles = profile == null ? root.engine().profiles().list()
                : List.of(root.engine().profiles().require(profile));
        List<Map<String, Object>> report = new ArrayList<>();
        boolean failed = false;
        boolean anyBackups = false;
        for (ConnectionProfile p : profiles) {
            CleanupJob.Outcome outcome = root.engine().jobs().cleanup().cleanUp(p, dryRun);
            if (outcome.sets() != null && !outcome.sets().plan().decisions().isEmpty()) {
                anyBackups = true;
                failed |= !outcome.sets().failures().isEmpty();
                if (json) {
                    report.add(json(p, outcome.policies(), outcome.sets()));
                } else {
                    print(p, outcome.policies(), outcome.sets());
                }
            }
            if (outcome.plan().decisions().isEmpty()) {
                continue;
            }
            anyBackups = true;
            failed |= !outcome.cleanup().failures().isEmpty();
            if (json) {
                report.add(json(p, outcome.policies(), outcome.cleanup()));
            } else {
                print(p, outcome.policies(), outcome.cleanup());
            }
        }
        if (json) {
            root.out().println(CliJson.writeList(report));
        } else if (!anyBackups) {
            root.out().println("No backups" + (profile == null ? "" : " of profile " + profile) + " to clean up.");
        }
        return failed ? 1 : 0;
    }

    private void print(ConnectionProfile p, List<RetentionPolicy> policies, RetentionService.Cleanup cleanup) {
        RetentionPlan plan = cleanup.plan();
        root.out().println(p.name() + " / " + p.database() + (policies.isEmpty()
                ? ": no schedule of this profile sets a retention policy, so nothing is deleted."
                : dryRun ? ": would delete " + plan.toDelete().size() + " of " + plan.decisions().size() + " backup(s)."
                : ": deleted " + cleanup.deleted().size() + " of " + plan.decisions().size() + " backup(s), "
                + Format.bytes(cleanup.freedBytes()) + " freed."));
        for (RetentionPlan.Decision d : plan.decisions()) {
            root.out().printf(ROW, d.delete() ? (dryRun ? "GO" : "DELETED") : "KEEP", d.entry().record().id(),
                    Format.time(d.entry().record().createdAt()), Format.bytes(d.entry().record().sizeBytes()), d.reason());
        }
        cleanup.failures().forEach(f -> root.err().println("error: " + f));
    }

    /** A server connection's sets, each kept or deleted whole. */
    private void print(ConnectionProfile p, List<RetentionPolicy> policies, SetRetention.Cleanup cleanup) {
        SetRetention.Plan plan = cleanup.plan();
        root.out().println(p.name() + " (sets)" + (policies.isEmpty()
                ? ": no schedule of this profile sets a retention policy, so nothing is deleted."
                : dryRun ? ": would delete " + plan.toDelete().size() + " of " + plan.decisions().size() + " set(s)."
                : ": deleted " + cleanup.deleted().size() + " of " + plan.decisions().size() + " set(s), "
                + Format.bytes(cleanup.freedBytes()) + " freed."));
        for (SetRetention.Decision d : plan.decisions()) {
            root.out().printf(ROW, d.delete() ? (dryRun ? "GO" : "DELETED") : "KEEP", d.set().set().id(),
                    Format.time(d.set().set().createdAt()), Format.bytes(d.set().sizeBytes()), d.reason());
        }
        cleanup.failures().forEach(f -> root.err().println("error: " + f));
    }

    private Map<String, Object> json(ConnectionProfile p, List<RetentionPolicy> policies, SetRetention.Cleanup cleanup) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", p.name());
        m.put("sets", true);
        m.put("policies", policies);
        m.put("dryRun", dryRun);
        m.put("decisions", cleanup.plan().decisions().stream().map(d -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", d.set().set().id());
            one.put("createdAt", d.set().set().createdAt());
            one.put("sizeBytes", d.set().sizeBytes());
            one.put("delete", d.delete() && !policies.isEmpty());
            one.put("deleted", cleanup.deleted().contains(d.set()));
            one.put("reason", d.reason());
            return one;
        }).toList());
        m.put("failures", cleanup.failures());
        return m;
    }

    private Map<String, Object> json(ConnectionProfile p, List<RetentionPolicy> policies, RetentionService.Cleanup cleanup) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", p.name());
        m.put("database", p.database());
        m.put("policies", policies);
        m.put("dryRun", dryRun);
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (RetentionPlan.Decision d : cleanup.plan().decisions()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", d.entry().record().id());
            one.put("createdAt", d.entry().record().createdAt());
            one.put("sizeBytes", d.entry().record().sizeBytes());
            one.put("delete", d.delete() && !policies.isEmpty());
            one.put("deleted", cleanup.deleted().contains(d.entry()));
            one.put("reason", d.reason());
            decisions.add(one);
        }
        m.put("decisions", decisions);
        m.put("failures", cleanup.failures());
        return m;
    }
}

package io.backupdesk.cli;

import io.backupdesk.alert.Alert;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Compression;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobRun;
import io.backupdesk.offsite.CopyState;
import io.backupdesk.core.Schedule;
import io.backupdesk.jobs.Schedules;
import io.backupdesk.stats.DatabaseHealth;
import io.backupdesk.schedule.CronSchedule;
import io.backupdesk.schedule.DueRuns;
import io.backupdesk.schedule.ScheduleTimes;
import io.backupdesk.schedule.SchedulerLock;
import io.backupdesk.schedule.StoredSchedules;
import io.backupdesk.store.ScheduleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.time.DateTimeException;
import java.nio.file.Path;

/** {@code backupdesk schedule ...}: the backup schedules the app runs, and a way to run them from the OS scheduler. */
@Command(name = "schedule", description = "Manage backup schedules, or run the ones that are due.")
public final class ScheduleCommand {
    private static final String ROW = "%-12s  %-16s  %-14s  %-16s  %-24s  %-8s  %-19s  %-20s  %-22s  %s%n";

    @ParentCommand
    BackupDeskCli root;

    @Command(name = "list", description = "List the schedules with their next run and last result.")
    int list(@Option(names = "--json", description = "Print a JSON array.") boolean json) {
        List<Schedule> schedules = root.engine().schedules().list();
        List<JobRun> history = root.engine().history().readAll();
        Instant now = root.engine().clock().instant();
        if (json) {
            boolean paused = root.engine().schedules().pausedSince().isPresent();
            root.out().println(CliJson.writeList(schedules.stream().map(s -> json(s, history, now, paused,
                    s.options().encryptTo().isEmpty() ? profileKeys(s) : s.options().encryptTo(), dumpsWith(s)))
                    .toList()));
            return 0;
        }
        if (schedules.isEmpty()) {
            root.out().println("No schedules. Add one with 'backupdesk schedule add PROFILE --cron \"30 2 * * *\"'"
                    + " or on the Schedules screen.");
            return 0;
        }
        Optional<Instant> paused = root.engine().schedules().pausedSince();
        paused.ifPresent(since -> root.out().println("All schedules are paused since " + Format.time(since)
                + "; 'backupdesk schedule resume' lets them run again."));
        root.out().printf(ROW, "ID", "NAME", "PROFILE", "CRON", "ZONE", "ENABLED", "NEXT RUN", "OPTIONS", "ENCRYPTED TO",
                "LAST RESULT");
        for (Schedule s : schedules) {
            Optional<JobRun> last = StoredSchedules.lastRun(s, history);
            root.out().printf(ROW, s.id(), s.name() == null ? "-" : s.name(), s.profile(), s.cron(), zoneText(s),
                    s.enabled() ? "yes" : "no", !s.enabled() ? "-" : paused.isPresent() ? "paused"
                            : ScheduleTimes.of(s).nextRunAfter(now).map(Format::time).orElse("never"),
                    optionsText(s, root.engine().profiles().find(s.profile())), encryptionText(s),
                    last.map(r -> r.status().name().toLowerCase(Locale.ROOT) + " " + Format.time(r.startedAt())).orElse("-"));
        }
        return 0;
    }

    @Command(name = "add", description = "Add a schedule for a profile's database. Without --preset or dump options"
            + " each run dumps as its profile does then: the profile's preset, else the settings' defaults.")
    int add(@Parameters(paramLabel = "PROFILE") String profile,
            @Option(names = "--cron", required = true, paramLabel = "EXPR",
                    description = "Five UNIX cron fields: minute hour day-of-month month day-of-week, e.g. '30 2 * * *'.") String cron,
            @Option(names = "--name", paramLabel = "NAME", description = "What to call it, e.g. nightly: unique, up to 64"
                    + " letters, digits, spaces, '.', '_' or '-'. Default: the profile's name, numbered when taken.")
            String name,
            @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the cron, e.g. Europe/Berlin. Default: the system's.") String zone,
            @Mixin DumpChoiceOptions dump,
            @Option(names = "--preset", paramLabel = "NAME", description = "Each run dumps as this preset says when it"
                    + " runs ('presets list'); not with the options above.") String preset,
            @Option(names = "--label", paramLabel = "TEXT", description = "A label for each backup.") String label,
            @Mixin RetentionOptions retentionOptions,
            @Option(names = "--catch-up", paramLabel = "POLICY", description = "run-once (default) or skip: what to do once about runs missed while the app was closed.") String catchUp,
            @Option(names = "--test-restore", description = "Once a week, restore the newest backup into a scratch database and drop it again.") boolean testRestore,
            @Option(names = "--encrypt-to", paramLabel = "KEY", description = "Encrypt each backup to this key instead"
                    + " of the profile's: a stored key's name ('keys list') or an age1... public key. Repeatable."
                    + " Default: the profile's keys, if any.") List<String> encryptTo,
            @Option(names = "--copy-to", paramLabel = "DESTINATION", description = "Copy each backup to this"
                    + " destination once it is verified, instead of to the profile's ('destinations list')."
                    + " Repeatable. Default: the profile's destinations, if any.") List<String> copyTo,
            @Option(names = "--disabled", description = "Save it switched off.") boolean disabled) {
        ConnectionProfile target = root.engine().profiles().require(profile);
        ZoneId zoneId = zone(zone);
        // new input: read once here, where a wrong one is said before anything is saved
        CronSchedule parsed = CronSchedule.parse(cron, zoneId);
        if (preset != null && dump.anyGiven()) {
            throw BackupDeskException.configuration("A schedule with a preset dumps as the preset says.",
                    "Change the preset ('presets add' replaces it), or leave out --preset.");
        }
        Schedules schedules = root.engine().jobs().schedules();
        // what a new schedule is (named after its profile, dumping as its profile does) is the jobs layer's to say
        Schedule draft = schedules.draft(target.name());
        if (name != null) {
            schedules.checkName(name, draft.id());
        }
        Schedule.OptionsFrom from = preset != null ? Schedule.OptionsFrom.PRESET
                : dump.anyGiven() ? Schedule.OptionsFrom.OWN : draft.optionsFrom();
        // options of its own start from the profile's, as a backup of it does; the others hold what they follow now
        BackupOptions base = root.engine().jobs().presets().startingPoint(target, preset);
        BackupOptions options = dump.over(base).label(label).encryptTo(encryptTo == null ? List.of()
                : root.engine().encryptionKeys().check(encryptTo))
                .copyTo(copyTo == null ? List.of() : root.engine().jobs().copy().check(copyTo)).build().checked();
        Schedule schedule = schedules.save(draft.toBuilder().name(name == null ? draft.name() : name)
                .cron(cron.trim()).zone(zone == null ? null : zoneId.getId()).enabled(!disabled).options(options)
                .optionsFrom(from).preset(preset).retention(retentionOptions.policy()).catchUp(catchUp(catchUp))
                .testRestore(testRestore).build());
        root.out().println("Schedule '" + schedule.name() + "' (" + schedule.id() + ") saved: " + profile + ", "
                + parsed.describe() + " (" + zoneId.getId() + "), " + dumpsAs(schedule, target)
                + ScheduleTimes.of(schedule, parsed).nextRunAfter(root.engine().clock().instant())
                .map(t -> "; next run " + Format.time(t)).orElse(""));
        return 0;
    }

    @Command(name = "rename", description = "Give a schedule another name. Its backups are listed under the new one.")
    int rename(@Parameters(index = "0", paramLabel = "SCHEDULE", description = "Its name or id.") String schedule,
               @Parameters(index = "1", paramLabel = "NAME") String name) {
        Schedule renamed = root.engine().jobs().schedules().rename(schedule, name);
        root.out().println("Schedule " + renamed.id() + " is named '" + renamed.name() + "'.");
        return 0;
    }

    @Command(name = "remove", description = "Remove a schedule. Its backups and history stay, listed as a removed"
            + " schedule's.")
    int remove(@Parameters(paramLabel = "SCHEDULE", description = "Its name or id.") String schedule) {
        Schedule removed = root.engine().jobs().schedules().remove(schedule);
        root.out().println("Schedule " + (removed.name() == null ? removed.id() : "'" + removed.name() + "' ("
                + removed.id() + ")") + " removed.");
        return 0;
    }

    /** Where a schedule's way of dumping comes from, in words: "dumps as profile sales does (preset lean)". */
    private static String dumpsAs(Schedule s, ConnectionProfile profile) {
        return switch (s.optionsFrom()) {
            case CONNECTION -> "dumps as profile " + s.profile() + " does ("
                    + (profile == null ? "profile removed" : profile.preset() == null ? "the settings' defaults"
                    : "preset " + profile.preset()) + ")";
            case PRESET -> "dumps as preset " + s.preset() + " says";
            case OWN -> "dumps with its own options (" + s.options().format().cliName() + ")";
        };
    }

    /** The options column of the list: "profile (lean)", "profile (defaults)", "preset lean", "own: tar". */
    private static String optionsText(Schedule s, Optional<ConnectionProfile> profile) {
        return switch (s.optionsFrom()) {
            case CONNECTION -> "profile (" + profile.map(p -> p.preset() == null ? "defaults" : p.preset()).orElse("-")
                    + ")";
            case PRESET -> "preset " + s.preset();
            case OWN -> "own: " + s.options().format().cliName();
        };
    }

    @Command(name = "pause", description = "Pause all schedules, in the app and for run-due, until 'schedule resume'."
            + " Lasts over restarts; an open app takes it over within a minute.")
    int pause() {
        ScheduleStore store = root.engine().schedules();
        Optional<Instant> already = store.pausedSince();
        if (already.isPresent()) {
            root.out().println("The schedules have been paused since " + Format.time(already.get()) + ".");
            return 0;
        }
        store.pause(root.engine().clock().instant());
        root.out().println("All schedules are paused: no scheduled backup runs, in the app or by 'schedule run-due',"
                + " until 'backupdesk schedule resume' or Resume schedules in the tray menu.");
        return 0;
    }

    @Command(name = "resume", description = "Let the schedules run again after 'schedule pause'. What fell into the pause"
            + " is not caught up.")
    int resume() {
        ScheduleStore store = root.engine().schedules();
        if (store.pausedSince().isEmpty()) {
            root.out().println("The schedules are not paused.");
            return 0;
        }
        store.resume(root.engine().clock().instant());
        root.out().println("The schedules run again from now; the runs that fell into the pause are not caught up.");
        return 0;
    }

    @Command(name = "run-due", description = "Run each enabled schedule that has come due since its last run, once, and exit."
            + " For running the schedules from cron or another OS scheduler instead of the app.",
            footer = {"", "Each schedule runs at most once per call, however many of its runs were missed. While the",
                    "desktop app is open it runs the schedules itself, and this command runs nothing.",
                    "Exit code 1 when any run failed."})
    int runDue() throws IOException {
        Optional<SchedulerLock> lock = SchedulerLock.tryAcquire(root.engine().paths().runsDir());
        if (lock.isEmpty()) {
            root.out().println("The Backup Desk app (or another 'schedule run-due') is running the schedules now;"
                    + " nothing was run.");
            return 0;
        }
        try (SchedulerLock held = lock.get()) {
            try {
                return runDueHolding();
            } finally {
                retryDueCopies();
                tellStaleDatabases();
            }
        }
    }

    /** The schedules run here now, so the copies whose back-off has run out are tried again from here too. */
    private void retryDueCopies() {
        try {
            for (CopyState c : root.engine().jobs().copy().retryDue(new Cancellation())) {
                root.out().println("copy of " + c.backupId() + " to " + c.destination() + ": " + c.status().word()
                        + (c.error() == null ? "" : " (" + c.error() + ")"));
            }
        } catch (RuntimeException e) {
            root.err().println("warning: the copies waiting for a retry could not be tried: " + e.getMessage());
        }
    }

    /**
     * The schedules run here now, so the databases gone past their RPO are told from here too, paused or not: a
     * database goes stale with time alone.
     */
    private void tellStaleDatabases() {
        try {
            for (DatabaseHealth h : root.engine().jobs().stale().look()) {
                root.err().println("warning: " + h.key() + " is past its recovery-point objective: "
                        + (h.lastBackup() == null ? "it has no good backup." : "its newest good backup is from "
                        + Format.time(h.lastBackup()) + "."));
            }
        } catch (RuntimeException e) {
            root.err().println("warning: the databases past their recovery-point objective could not be looked at: "
                    + e.getMessage());
        }
    }

    private int runDueHolding() {
        refuseWhileUnreadable();
        Optional<Instant> paused = root.engine().schedules().pausedSince();
        if (paused.isPresent()) {
            root.out().println("The schedules are paused since " + Format.time(paused.get())
                    + "; nothing was run. 'backupdesk schedule resume' lets them run again.");
            return 0;
        }
        List<String> problems = new ArrayList<>();
        DueRuns due = root.engine().dueRuns(problems::add);
        Cancellation cancel = new Cancellation();
        List<DueRuns.Outcome> outcomes = CancelOnInterrupt.run(cancel, () -> due.runAll(cancel));
        if (outcomes.isEmpty()) {
            root.out().println("Nothing is due.");
        }
        for (DueRuns.Outcome o : outcomes) {
            root.out().println(o.schedule().id() + " " + (o.schedule().name() == null ? "" : "'" + o.schedule().name()
                    + "' ") + o.schedule().profile() + ": " + o.describe());
        }
        problems.forEach(p -> root.err().println("warning: " + p));
        return outcomes.stream().anyMatch(o -> o.error() != null) ? 1 : 0;
    }

    /**
     * While the schedules file is set aside, nothing is due because nothing can be read: that must not pass for
     * "nothing is due" and exit 0 on every cron run from then on. The first run to find it also sends an alert.
     */
    private void refuseWhileUnreadable() {
        ScheduleStore store = root.engine().schedules();
        Optional<Path> aside = store.setAside();
        if (aside.isEmpty()) {
            return;
        }
        String what = "The schedules could not be read; the file was set aside as " + aside.get()
                + ". No scheduled backup runs until it is repaired.";
        if (store.setAsideByThisProcess()) {
            try {
                root.engine().alerts().send(new Alert("Scheduled backups stopped: schedules.json could not be read",
                        what, root.engine().clock().instant(), Alert.Severity.FAILURE));
            } catch (RuntimeException e) {
                root.err().println("warning: the alert could not be sent: " + e.getMessage());
            }
        }
        throw BackupDeskException.configuration(what, "Repair the copy and move it back to schedules.json, or add"
                + " the schedules again with 'backupdesk schedule add'; delete the copy once it is not needed.");
    }

    /** The schedule's own keys; else the profile's, which its backups get then, marked so. */
    private String encryptionText(Schedule s) {
        if (!s.options().encryptTo().isEmpty()) {
            return Format.keys(s.options().encryptTo());
        }
        List<String> profileKeys = profileKeys(s);
        return profileKeys.isEmpty() ? "-" : Format.keys(profileKeys) + " (profile)";
    }

    /** The keys of the schedule's profile; a profile removed since has none. */
    private List<String> profileKeys(Schedule s) {
        return root.engine().profiles().find(s.profile()).map(ConnectionProfile::encryptTo).orElse(List.of());
    }

    /** The schedule's zone as stored, so that one this Java does not know is shown, not a failed list. */
    private static String zoneText(Schedule s) {
        return s.zone() == null || s.zone().isBlank() ? ZoneId.systemDefault().getId() : s.zone();
    }

    private static ZoneId zone(String zone) {
        try {
            return zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw BackupDeskException.configuration("Unknown time zone '" + zone + "'.", "Use a zone id such as Europe/Berlin or UTC.");
        }
    }

    private static Schedule.CatchUp catchUp(String text) {
        if (text == null || text.equalsIgnoreCase("run-once")) {
            return Schedule.CatchUp.RUN_ONCE;
        }
        if (text.equalsIgnoreCase("skip")) {
            return Schedule.CatchUp.SKIP;
        }
        throw BackupDeskException.configuration("Unknown catch-up policy '" + text + "'.", "Use run-once or skip.");
    }

    /** What its next run would dump with, as it stands now; empty when that cannot be told (a preset gone). */
    private Optional<BackupOptions> dumpsWith(Schedule s) {
        try {
            return Optional.of(root.engine().jobs().schedules().optionsOf(s));
        } catch (BackupDeskException e) {
            return Optional.empty();
        }
    }

    /**
     * @param encryptedTo the keys its backups are encrypted to: its own, else its profile's
     * @param dumpsWith   what its next run would dump with now
     */
    private static Map<String, Object> json(Schedule s, List<JobRun> history, Instant now, boolean paused,
                                            List<String> encryptedTo, Optional<BackupOptions> dumpsWith) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("profile", s.profile());
        m.put("cron", s.cron());
        m.put("zone", zoneText(s));
        m.put("enabled", s.enabled());
        ScheduleTimes times = ScheduleTimes.of(s);
        m.put("description", times.problem().map(BackupDeskException::getMessage).orElseGet(() -> times.cron().describe()));
        m.put("nextRun", times.nextRunAfter(now, paused).orElse(null));
        m.put("paused", paused);
        m.put("optionsFrom", s.optionsFrom().name().toLowerCase(Locale.ROOT));
        m.put("preset", s.preset());
        m.put("format", dumpsWith.map(o -> o.format().cliName()).orElse(null));
        m.put("encryptTo", s.options().encryptTo());
        m.put("copyTo", s.options().copyTo());
        m.put("encryptedTo", encryptedTo);
        m.put("retention", s.retention());
        m.put("catchUp", s.catchUp().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("testRestore", s.testRestore());
        m.put("lastRun", StoredSchedules.lastRun(s, history).map(HistoryCommand::json).orElse(null));
        return m;
    }
}

package io.backupdesk.cli;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Verification;
import io.backupdesk.jobs.VerifyJob;
import io.backupdesk.offsite.CopyState;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.io.IOException;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.crypto.CryptoException;
import java.util.concurrent.Callable;

/** {@code backupdesk verify (BACKUP_ID | --all)}: checksum and a full read; exits 1 unless every backup verified. */
@Command(name = "verify", description = "Read backups back in full: checksum, then pg_restore (or gunzip) to the end.",
        footer = {"", "The outcome is recorded in the catalog. Exit code 1 when any backup is corrupt or missing, could not",
                "be checked, or its outcome could not be recorded (e.g. a read-only backup folder). A set exits 0 only",
                "when it is complete and each of its databases and its roles file check out."})
public final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    BackupDeskCli root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    /** One backup, or all of them. */
    static final class Which {
        @Parameters(index = "0", paramLabel = "BACKUP_ID", description = "The backup's id, a unique prefix of it, or its"
                + " path; or a set's id or unique prefix: every database of the set and its roles file.")
        String id;

        @Option(names = "--all", description = "Every backup in the catalog.")
        boolean all;
    }

    @Option(names = "--json", description = "Print the outcomes as a JSON array.")
    boolean json;

    @Option(names = "--remote", description = "Check the backup's copies at their destinations instead: each is read"
            + " back in full and compared with the backup's checksums (no key needed).")
    boolean remote;

    @Mixin
    SecretKeyOptions secrets;

    @Override
    public Integer call() throws IOException {
        if (remote) {
            return verifyCopies();
        }
        return secrets.run(root.in(), this::verifyAll);
    }

    private int verifyCopies() {
        Cancellation cancel = new Cancellation();
        Optional<String> id = which.all ? Optional.empty()
                : Optional.of(root.engine().jobs().remote().require(which.id).record().id());
        List<CopyState> checked = CancelOnInterrupt.run(cancel, () -> root.engine().jobs().remote()
                .verifyCopies(id, cancel));
        if (checked.isEmpty() && !json) {
            root.out().println("No copy to check" + id.map(i -> " of " + i).orElse("") + ".");
            return 0;
        }
        CopiesCommand.print(root, checked, json);
        return checked.stream().allMatch(c -> c.status() == CopyState.Status.OK) ? 0 : 1;
    }

    private int verifyAll(SecretKeys keys) {
        Optional<BackupSets.SetEntry> set = which.all ? Optional.empty() : root.engine().backupSets().find(which.id);
        if (set.isPresent()) {
            return verifySet(set.get(), keys);
        }
        List<BackupCatalog.Entry> entries = which.all ? root.engine().catalog().scan()
                : List.of(root.engine().catalog().require(which.id));
        Cancellation cancel = new Cancellation();
        List<Map<String, Object>> outcomes = new ArrayList<>();
        boolean allGood = true;
        for (BackupCatalog.Entry entry : entries) {
            Optional<VerifyJob.Outcome> checked = CancelOnInterrupt.run(cancel, () -> checkOne(entry, keys, cancel));
            if (checked.isEmpty()) {
                allGood = false;
                continue;
            }
            // the outcome is printed even when it cannot be recorded: it is what the user asked for
            VerifyJob.Outcome outcome = checked.get();
            Verification v = outcome.verification();
            boolean recorded = reportRecording(entry, outcome);
            allGood &= outcome.good();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", entry.record().id());
                m.put("path", entry.archive().toString());
                m.putAll(CliJson.verification(v));
                m.put("recorded", recorded);
                outcomes.add(m);
            } else {
                root.out().println(entry.record().id() + "  " + v.status().name().toLowerCase(Locale.ROOT) + "  " + entry.archive());
                root.out().println("  " + v.message());
            }
        }
        if (json) {
            root.out().println(CliJson.writeList(outcomes));
        } else if (entries.isEmpty()) {
            root.out().println("No backups in " + root.engine().catalog().root() + ".");
        }
        return allGood ? 0 : 1;
    }

    /** Every member and the roles file; exits 0 only for a complete set that checks out whole (decision 0039). */
    private int verifySet(BackupSets.SetEntry set, SecretKeys keys) {
        Cancellation cancel = new Cancellation();
        VerifyJob.SetOutcome outcome = CancelOnInterrupt.run(cancel, () -> root.engine().jobs().verify()
                .verifySet(set, keys, ConsoleProgress.forTerminal(root.err()), cancel));
        outcome.members().forEach(m -> reportRecording(m.entry(), m));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", set.set().id());
            m.put("status", set.status().name().toLowerCase(Locale.ROOT));
            m.put("good", outcome.good());
            m.put("members", outcome.members().stream().map(o -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("id", o.entry().record().id());
                one.put("database", o.entry().record().database());
                one.putAll(CliJson.verification(o.verification()));
                one.put("recorded", o.recorded());
                return one;
            }).toList());
            m.put("failed", set.set().failed().stream().map(f -> Map.of("database", f.database(), "error", f.error()))
                    .toList());
            m.put("roles", outcome.roles() == null ? null : CliJson.verification(outcome.roles()));
            root.out().println(CliJson.write(m));
            return outcome.good() ? 0 : 1;
        }
        root.out().println("Set " + set.set().id() + " of " + set.set().profile() + ": "
                + set.status().name().toLowerCase(Locale.ROOT));
        for (VerifyJob.Outcome o : outcome.members()) {
            root.out().println("  " + o.entry().record().database() + "  " + o.entry().record().id() + "  "
                    + o.verification().status().name().toLowerCase(Locale.ROOT) + "  " + o.verification().message());
        }
        set.set().failed().forEach(f -> root.out().println("  " + f.database() + "  not in the set: " + f.error()));
        root.out().println("  roles  " + (outcome.roles() == null ? "none: " + set.set().globalsError()
                : outcome.roles().status().name().toLowerCase(Locale.ROOT) + "  " + outcome.roles().message()));
        return outcome.good() ? 0 : 1;
    }

    /** A backup that cannot be checked at all (no pg_restore) is reported and the others still get checked. */
    private Optional<VerifyJob.Outcome> checkOne(BackupCatalog.Entry entry, SecretKeys keys, Cancellation cancel) {
        try {
            return Optional.of(root.engine().jobs().verify().verify(entry, keys, ConsoleProgress.forTerminal(root.err()),
                    cancel));
        } catch (CryptoException e) {
            if (!which.all || e.failure() != CryptoException.Failure.PASSPHRASE_REQUIRED) {
                throw e;
            }
            // one protected key must not stop a nightly verify --all: what needs no key is still checked
            root.err().println("warning: " + entry.record().id() + ": " + e.getMessage() + " Only its checksum is checked;"
                    + " give --passphrase-stdin to read it in full.");
            return checkOne(entry, SecretKeys.NONE, cancel);
        } catch (BackupDeskException e) {
            if (!which.all || e.kind() == ErrorKind.CANCELLED) {
                throw e;
            }
            root.err().println("error: " + entry.record().id() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Says why an outcome is not in the catalog; a backup deleted meanwhile has nothing to record it in. */
    private boolean reportRecording(BackupCatalog.Entry entry, VerifyJob.Outcome outcome) {
        if (outcome.deleted()) {
            root.err().println("warning: " + entry.record().id() + " was deleted while it was being verified;"
                    + " nothing was recorded.");
        } else if (outcome.recordError() != null) {
            root.err().println("error: the outcome for " + entry.record().id() + " could not be recorded: "
                    + outcome.recordError().getMessage());
        }
        return outcome.recorded();
    }
}

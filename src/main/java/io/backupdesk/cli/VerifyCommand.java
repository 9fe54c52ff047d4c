package io.backupdesk.cli;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Verification;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code backupdesk verify (BACKUP_ID | --all)}: checksum and a full read; exits 1 unless every backup verified. */
@Command(name = "verify", description = "Read backups back in full: checksum, then pg_restore (or gunzip) to the end.",
        footer = {"", "Exit code 1 when any backup is corrupt or missing; the outcome is recorded in the catalog."})
public final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    BackupDeskCli root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    /** One backup, or all of them. */
    static final class Which {
        @Parameters(index = "0", paramLabel = "BACKUP_ID", description = "The backup's id, a unique prefix of it, or its path.")
        String id;

        @Option(names = "--all", description = "Every backup in the catalog.")
        boolean all;
    }

    @Option(names = "--json", description = "Print the outcomes as a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        List<BackupCatalog.Entry> entries = which.all ? root.engine().catalog().scan()
                : List.of(root.engine().catalog().require(which.id));
        Cancellation cancel = new Cancellation();
        List<Map<String, Object>> outcomes = new ArrayList<>();
        boolean allVerified = true;
        for (BackupCatalog.Entry entry : entries) {
            BackupCatalog.Entry checked = CancelOnInterrupt.run(cancel, () -> verifyOne(entry, cancel));
            Verification v = checked.record().verification();
            allVerified &= v != null && v.status() == BackupStatus.VERIFIED;
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", checked.record().id());
                m.put("path", checked.archive().toString());
                m.putAll(v == null ? Map.of("status", "unchecked") : CliJson.verification(v));
                outcomes.add(m);
            } else {
                root.out().println(checked.record().id() + "  " + (v == null ? "unchecked" : v.status().name().toLowerCase(Locale.ROOT))
                        + "  " + checked.archive());
                root.out().println("  " + (v == null ? "" : v.message()));
            }
        }
        if (json) {
            root.out().println(CliJson.writeList(outcomes));
        } else if (entries.isEmpty()) {
            root.out().println("No backups in " + root.engine().catalog().root() + ".");
        }
        return allVerified ? 0 : 1;
    }

    /** A backup that cannot be checked at all (no pg_restore) is reported and the others still get checked. */
    private BackupCatalog.Entry verifyOne(BackupCatalog.Entry entry, Cancellation cancel) {
        try {
            return root.engine().verifier().verify(entry, ConsoleProgress.forTerminal(root.err()), cancel);
        } catch (BackupDeskException e) {
            if (!which.all || e.kind() == ErrorKind.CANCELLED) {
                throw e;
            }
            root.err().println("error: " + entry.record().id() + ": " + e.getMessage());
            return entry;
        }
    }
}

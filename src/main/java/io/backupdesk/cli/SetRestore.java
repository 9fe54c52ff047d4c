package io.backupdesk.cli;

import io.backupdesk.backup.BackupSets;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.jobs.SetRestoreJob;
import io.backupdesk.jobs.SetRestorePreview;
import io.backupdesk.jobs.SetRestoreReport;
import io.backupdesk.jobs.SetRestoreRequest;
import io.backupdesk.restore.CheckId;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.roles.RolesMode;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code restore SET_ID --target PROFILE}: a whole-server set restored in order through {@link SetRestoreJob}. The id
 * is told apart from a backup's by the catalog of sets; the options of a selective or tuned single restore do not
 * apply to a set and are refused rather than ignored.
 */
final class SetRestore {
    private final RestoreCommand command;
    private final BackupSets.SetEntry set;

    private SetRestore(RestoreCommand command, BackupSets.SetEntry set) {
        this.command = command;
        this.set = set;
    }

    /** The set restore the command asks for, when its id names a set; empty for a backup's id. */
    static Optional<SetRestore> of(RestoreCommand command) {
        BackupSets sets = command.root.engine().backupSets();
        Optional<BackupSets.SetEntry> set = sets.find(command.backupId);
        if (set.isEmpty() && sets.read().refused().stream().anyMatch(r -> command.backupId.equals(r.claimedId()))) {
            // a refused manifest is never restored, nor taken for a backup's id: require says why it was refused
            sets.require(command.backupId);
        }
        return set.map(s -> new SetRestore(command, s));
    }

    int call() throws IOException {
        refuseSingleRestoreOptions();
        ConnectionProfile target = command.root.engine().profiles().require(command.target);
        SetRestoreRequest.Source source = SetRestoreRequest.Source.of(set);
        RestoreMode mode = command.mode == null ? RestoreMode.SAFE_REPLACE : RestoreMode.parse(command.mode);
        RolesMode roles = command.roles == null ? RolesMode.CREATE_MISSING : RolesMode.parse(command.roles);
        SetRestoreRequest request = new SetRestoreRequest(source, target,
                SetRestoreRequest.choose(source, command.databases, Optional.ofNullable(command.renameTo)), mode, roles,
                command.noOwner, command.noPrivileges, command.terminateSessions,
                command.overrides.stream().map(CheckId::parse).collect(Collectors.toSet()));
        return command.secrets.run(command.root.in(), keys -> run(request, keys));
    }

    private int run(SetRestoreRequest request, SecretKeys keys) {
        SetRestoreJob job = command.root.engine().jobs().setRestore();
        Cancellation cancel = new Cancellation();
        if (command.preflightOnly) {
            SetRestorePreview preview = CancelOnInterrupt.run(cancel, () -> PasswordPrompt.retryAsking(request.target(),
                    password -> job.preview(request, keys, password, cancel)));
            SetRestorePrinter.preview(command.root.out(), preview, request.roles(), command.json);
            return preview.blocked(request.overrides(), request.roles() == RolesMode.CREATE_MISSING) ? 1 : 0;
        }
        Confirmation.require(command.yes, request.target().name(), "connection", whatHappens(request));
        SetRestoreReport report = CancelOnInterrupt.run(cancel, () -> PasswordPrompt.retryAsking(request.target(),
                password -> job.restore(request, keys, password, ConsoleProgress.forTerminal(command.root.err()),
                        line -> { }, cancel)));
        SetRestorePrinter.report(command.root.out(), report, command.json);
        return report.succeeded() ? 0 : 1;
    }

    /** The sentence above the confirmation: what will change on which server. */
    private static String whatHappens(SetRestoreRequest request) {
        String databases = request.databases().stream().map(c -> c.database().equals(c.targetName()) ? c.database()
                : c.database() + " as " + c.targetName()).collect(Collectors.joining(", "));
        return "The set " + request.source().set().id() + " will be restored onto " + request.target().describe() + ": "
                + (request.roles() == RolesMode.CREATE_MISSING ? "the roles it lacks created, then " : "")
                + databases + (request.mode() == RestoreMode.SAFE_REPLACE
                ? " (a database that exists is replaced and kept aside until you drop it)." : " as new databases.");
    }

    private void refuseSingleRestoreOptions() {
        List<String> given = new java.util.ArrayList<>();
        if (command.jobs != null) {
            given.add("--jobs");
        }
        if (command.singleTransaction) {
            given.add("--single-transaction");
        }
        if (!command.schemas.isEmpty() || !command.tables.isEmpty()) {
            given.add("--schema/--table");
        }
        if (command.continueOnError) {
            given.add("--continue-on-error");
        }
        if (!given.isEmpty()) {
            throw BackupDeskException.configuration("'" + command.backupId + "' is a set: " + String.join(", ", given)
                    + " applies to restoring one backup.", "Restore the set without it, or restore one database's"
                    + " backup on its own with it.");
        }
    }
}

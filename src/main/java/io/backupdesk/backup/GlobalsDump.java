package io.backupdesk.backup;

import io.backupdesk.core.Cancellation;
import io.backupdesk.pg.ClientInstallation;
import io.backupdesk.pg.ClientTool;
import io.backupdesk.pg.DumpCommands;
import io.backupdesk.pg.ProcessRunner;
import io.backupdesk.pg.ToolCommand;
import io.backupdesk.pg.ToolErrors;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Roles and tablespaces with {@code pg_dumpall --globals-only}, stored beside the dump. Managed servers (RDS, Cloud
 * SQL, Azure) refuse to read role passwords; then we dump again without them, which is what they allow.
 */
final class GlobalsDump {
    private final ProcessRunner runner;

    GlobalsDump(ProcessRunner runner) {
        this.runner = runner;
    }

    /**
     * Writes the globals to {@code partial} and returns its SHA-256.
     *
     * @param encryption null to write them unencrypted; else they pass through it on pg_dumpall's stdout, since they
     *                   hold password hashes and must not reach the disk in plaintext
     */
    String dump(ClientInstallation client, Map<String, String> env, String database, Path partial,
                ArchiveEncryption encryption, String target, Cancellation cancel, Instant deadline) throws IOException {
        Path program = client.tool(ClientTool.PG_DUMPALL).orElseThrow();
        // pg_dumpall truncates an existing file and keeps its mode: create it owner-only first.
        SecureFiles.createNewFile(partial);
        Path file = encryption == null ? partial : null;
        // an encrypted file is written by us from stdout; each attempt starts it again, as the writer truncates it
        ArchiveWriter writer = encryption == null ? null : new ArchiveWriter(partial, null, new AtomicLong(), encryption, null, null);
        ProcessRunner.Result result = run(program, DumpCommands.globals(file, database, false), writer, env, cancel, deadline);
        if (result.exitCode() != 0 && String.join("\n", result.stderrTail()).contains("permission denied")) {
            result = run(program, DumpCommands.globals(file, database, true), writer, env, cancel, deadline);
        }
        if (result.exitCode() != 0) {
            cancel.throwIfCancelled();
            throw ToolErrors.classify("pg_dumpall", result, target);
        }
        if (writer != null) {
            return writer.sha256();
        }
        SecureFiles.fsync(partial);
        return Sha256.ofFile(partial);
    }

    /** @param writer writes stdout to the file; null when pg_dumpall writes the file itself */
    private ProcessRunner.Result run(Path program, List<String> args, ArchiveWriter writer, Map<String, String> env,
                                     Cancellation cancel, Instant deadline) {
        return runner.run(ToolCommand.of(program, args, env),
                writer == null ? ProcessRunner.StdoutHandler.DISCARD : writer, line -> { }, cancel, deadline);
    }
}

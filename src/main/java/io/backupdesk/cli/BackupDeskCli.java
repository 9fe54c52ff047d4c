package io.backupdesk.cli;

import io.backupdesk.app.AppPaths;
import io.backupdesk.app.Engine;
import io.backupdesk.app.Logs;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The command line front: the same services as the desktop app, no JavaFX. Exit codes: 0 success, 1 the job failed,
 * 2 usage or configuration error. Errors go to stderr as one sentence plus a hint.
 */
@Command(name = "backupdesk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Backs up PostgreSQL databases with pg_dump and keeps a catalog of the backups.",
        footer = {"", "Exit codes: 0 success, 1 the job failed, 2 usage or configuration error."})
public final class BackupDeskCli implements Runnable {
    /**
     * The commands, in the order the help lists them. picocli reads every registered command's annotations up front,
     * which took a third of a short command's start-up, so a command line that names one of them gets only that one;
     * without a command, or with help or an unknown word, all are there to list and to suggest from.
     */
    static final List<Class<?>> COMMANDS = List.of(ProfilesCommand.class, BackupCommand.class, ListCommand.class,
            VerifyCommand.class, RestoreCommand.class, RollbackCommand.class, ImportCommand.class, StatsCommand.class,
            ScheduleCommand.class, HistoryCommand.class, CleanupCommand.class, CommandLine.HelpCommand.class);
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--config-dir", "--backup-root");

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Keep all state (profiles, passwords, history, default backup folder) here. Also BACKUPDESK_HOME.")
    Path configDir;

    @Option(names = "--backup-root", paramLabel = "DIR", description = "Folder that holds the backups, for this command only.")
    Path backupRoot;

    @Spec
    CommandSpec spec;

    private InputStream in = System.in;
    private Engine engine;

    /** The engine, built on first use so that --help and usage errors touch no file. */
    Engine engine() {
        if (engine == null) {
            AppPaths paths = AppPaths.forCurrentUser(configDir);
            Logs.toFolder(paths.logsDir());
            engine = new Engine(paths, backupRoot, warning -> err().println("warning: " + warning));
            for (JobRun run : engine.startupHousekeeping()) {
                err().println(run.status() == JobStatus.INTERRUPTED
                        ? "note: an interrupted " + run.kind() + " of " + run.profile() + "/" + run.database()
                        + " from " + Format.time(run.startedAt()) + " was cleaned up. " + run.error()
                        : "warning: the " + run.kind() + " of " + run.profile() + "/" + run.database() + " from "
                        + Format.time(run.startedAt()) + " needs you: " + run.error());
            }
        }
        return engine;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    InputStream in() {
        return in;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command, e.g. 'backupdesk list'.");
    }

    /** Runs the command line and returns the exit code; streams are parameters so tests can capture them. */
    public static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        BackupDeskCli root = new BackupDeskCli();
        root.in = in;
        CommandLine cmd = commandLine(root, args);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, commandLine.getErr()));
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(BackupDeskCli root, String[] args) {
        CommandLine cmd = new CommandLine(root);
        String named = commandWord(args);
        boolean known = COMMANDS.stream().anyMatch(c -> commandName(c).equals(named) && c != CommandLine.HelpCommand.class);
        for (Class<?> command : COMMANDS) {
            if (!known || commandName(command).equals(named)) {
                cmd.addSubcommand(commandName(command), command);
            }
        }
        return cmd;
    }

    /** The first argument that is neither an option of ours nor its value; null when there is none. */
    static String commandWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (OPTIONS_WITH_VALUE.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }

    private static String commandName(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    static int report(Exception ex, PrintWriter err) {
        if (ex instanceof BackupDeskException bde) {
            err.println("error: " + bde.getMessage());
            if (!bde.hint().isBlank()) {
                err.println("hint: " + bde.hint());
            }
            return bde.kind().isUsageError() ? 2 : 1;
        }
        LoggerFactory.getLogger(BackupDeskCli.class).error("Unexpected failure", ex);
        err.println("error: an unexpected failure happened: " + ex);
        err.println("hint: the log in the configuration folder has the details; please report it.");
        return 1;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(args, System.in, out, err));
    }
}

package io.backupdesk.cli;

import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.engine.Logs;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.pg.ToolErrors;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The command line front: the same services as the desktop app, no JavaFX. Exit codes: 0 success, 1 the job failed,
 * 2 usage or configuration error, 130 or 143 stopped by Ctrl+C or SIGTERM (the run was cancelled and cleaned up).
 * Errors go to stderr as one sentence plus a hint.
 */
@Command(name = "backupdesk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Backs up PostgreSQL databases with pg_dump and keeps a catalog of the backups.",
        footer = {"", "Exit codes: 0 success, 1 the job failed, 2 usage or configuration error,",
                "130 or 143 stopped by Ctrl+C or SIGTERM (the run was cancelled and its files removed)."})
public final class BackupDeskCli implements Runnable {
    /**
     * The commands, in the order the help lists them. picocli reads every registered command's annotations up front,
     * which took a third of a short command's start-up, so a command line that names one of them gets only that one;
     * without a command, or with help or an unknown word, all are there to list and to suggest from. A command line
     * that only asks for the version gets none: building all of them took most of {@code --version}'s time.
     */
    static final List<Class<?>> COMMANDS = List.of(ProfilesCommand.class, BackupCommand.class, ListCommand.class,
            VerifyCommand.class, RestoreCommand.class, RollbackCommand.class, ImportCommand.class, StatsCommand.class,
            ScheduleCommand.class, HistoryCommand.class, CleanupCommand.class, KeysCommand.class,
            DestinationsCommand.class, CopiesCommand.class, CatalogCommand.class, PresetsCommand.class,
            CommandLine.HelpCommand.class);
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--config-dir", "--backup-root");
    /** picocli's documented switch for its look-up of Groovy closures. */
    private static final String NO_GROOVY_CLOSURES = "picocli.disable.closures";

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Keep all state (profiles, passwords, history, default backup folder) here. Also BACKUPDESK_HOME.")
    Path configDir;

    @Option(names = "--backup-root", paramLabel = "DIR", description = "Folder that holds the backups, for this command only;"
            + " a relative path is taken from the current folder.")
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

    /**
     * The first line of standard input, for an option that reads a secret there; never echoed or logged.
     *
     * @param what the secret, for the message, e.g. "the password"
     */
    String readSecretLine(String option, String what) throws IOException {
        String line = new BufferedReader(new InputStreamReader(in(), StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw BackupDeskException.configuration(option + " was given but standard input held no " + what.replaceFirst("^the ", "") + ".",
                    "Pipe " + what + " in on the first line, e.g. printf '%s\\n' \"$SECRET\" | backupdesk ...");
        }
        return line;
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
        if (args.length == 1 && asksOnlyForTheVersion(args)) {
            // picocli's first model of a command, however small, costs more than starting the JVM; there is nothing
            // to parse here, and the text is the one picocli prints
            out.println(new VersionProvider().getVersion()[0]);
            out.flush();
            return 0;
        }
        // picocli's default factory looks for Groovy's Closure class once, to run closures given in annotations; we
        // give none, and the look-up, which never finds it, was the only thing that made a list open the jar and
        // read the index of its 26,000 entries (docs/decisions/0052)
        System.setProperty(NO_GROOVY_CLOSURES, "true");
        BackupDeskCli root = new BackupDeskCli();
        root.in = in;
        CommandLine cmd = commandLine(root, args);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(ex, commandLine.getErr(), root.configDir));
        cmd.setParameterExceptionHandler(BackupDeskCli::reportUsage);
        try {
            int code = cmd.execute(args);
            out.flush();
            err.flush();
            return code;
        } finally {
            // a SIGTERM or Ctrl+C waits for this: the outcome is printed before the JVM goes
            CancelOnInterrupt.outcomeReported();
        }
    }

    /**
     * A usage error in the same two lines as every other error: what is wrong, and what to do. Picocli's suggestions
     * for a mistyped command or option become the hint.
     */
    static int reportUsage(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        String message = ex.getMessage();
        List<String> suggestions = List.of();
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            suggestions = unmatched.getSuggestions();
            List<String> words = unmatched.getUnmatched();
            if (!words.isEmpty() && !words.get(0).startsWith("-") && command.getSubcommands().size() > 1) {
                message = "Unknown command '" + words.get(0) + "'.";
            }
        }
        String help = command.getCommandSpec().qualifiedName() + " --help";
        err.println("error: " + message);
        err.println("hint: " + (suggestions.isEmpty() ? "See '" + help + "'."
                : "Did you mean " + String.join(" or ", suggestions) + "? See '" + help + "'."));
        err.flush();
        return 2;
    }

    static CommandLine commandLine(BackupDeskCli root, String[] args) {
        CommandLine cmd = new CommandLine(root);
        String named = commandWord(args);
        if (named == null && asksOnlyForTheVersion(args)) {
            return cmd;
        }
        boolean known = COMMANDS.stream().anyMatch(c -> commandName(c).equals(named) && c != CommandLine.HelpCommand.class);
        for (Class<?> command : COMMANDS) {
            if (!known || commandName(command).equals(named)) {
                cmd.addSubcommand(commandName(command), command);
            }
        }
        cmd.getSubcommands().values().forEach(BackupDeskCli::addHelpOption);
        return cmd;
    }

    /** {@code --help} (and {@code -h}) on every command and sub-command, as on the root. */
    private static void addHelpOption(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.optionsMap().containsKey("--help") || spec.userObject() instanceof CommandLine.HelpCommand) {
            return;
        }
        String[] names = spec.optionsMap().containsKey("-h") ? new String[] {"--help"} : new String[] {"-h", "--help"};
        spec.addOption(CommandLine.Model.OptionSpec.builder(names).usageHelp(true)
                .description("Show this help message and exit.").build());
        command.getSubcommands().values().forEach(BackupDeskCli::addHelpOption);
    }

    /** {@code -V} or {@code --version} without a help option, which picocli would answer first with the commands. */
    static boolean asksOnlyForTheVersion(String[] args) {
        List<String> words = List.of(args);
        return (words.contains("-V") || words.contains("--version")) && !words.contains("-h") && !words.contains("--help");
    }

    /** The first argument that is neither an option of ours nor its value; null when there is none. */
    public static String commandWord(String[] args) {
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

    /**
     * @param configDir the --config-dir given, or null: an unexpected failure is logged there even when it came
     *                  before the engine (which opens the log) was built
     */
    static int report(Exception ex, PrintWriter err, Path configDir) {
        if (ex instanceof BackupDeskException bde) {
            err.println("error: " + bde.getMessage());
            String hint = commandLineHint(bde);
            if (!hint.isBlank()) {
                err.println("hint: " + hint);
            }
            if (bde.kind() == ErrorKind.CANCELLED && CancelOnInterrupt.signalled()) {
                err.println("note: stopped by a signal (Ctrl+C or SIGTERM): the run was cancelled and cleaned up;"
                        + " exit code 130 after Ctrl+C, 143 after SIGTERM.");
            }
            return bde.kind().isUsageError() ? 2 : 1;
        }
        try {
            Logs.toFolder(AppPaths.forCurrentUser(configDir).logsDir());
        } catch (RuntimeException logsUnavailable) {
            ex.addSuppressed(logsUnavailable);
        }
        LoggerFactory.getLogger(BackupDeskCli.class).error("Unexpected failure", ex);
        err.println("error: an unexpected failure happened: " + ex);
        err.println("hint: the log in the configuration folder has the details; please report it.");
        return 1;
    }

    /**
     * The hint with this front's commands and options: the exception's own, else for an error classified from a
     * tool's words, the command-line wording of its kind's hint.
     */
    static String commandLineHint(BackupDeskException e) {
        if (!e.commandLineHint().equals(e.hint()) || !e.hint().equals(ToolErrors.hintFor(e.kind()))) {
            return e.commandLineHint();
        }
        return ToolErrors.commandLineHintFor(e.kind()).orElse(e.hint());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = execute(args, System.in, out, err);
        ClassArchiveWarmup.afterRecordingRun();
        System.exit(code);
    }
}

package io.backupdesk.testing;

import io.backupdesk.cli.BackupDeskCli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The command line run in this JVM on one configuration folder, its output captured. */
public final class Cli {
    /** What a run printed, and its exit code. */
    public record Run(int code, String out, String err) { }

    private final Path configDir;

    public Cli(Path configDir) {
        this.configDir = configDir;
    }

    public Run run(String... args) {
        return withInput("", args);
    }

    /** @param stdin what the command reads on stdin, e.g. a passphrase */
    public Run withInput(String stdin, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config-dir";
        all[1] = configDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BackupDeskCli.execute(all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}

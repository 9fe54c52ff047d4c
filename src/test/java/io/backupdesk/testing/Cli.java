package io.backupdesk.testing;

import io.backupdesk.cli.BackupDeskCli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line run in this JVM on one configuration folder, its output captured. */
public final class Cli {
    /** What a run printed, and its exit code. */
    public record Run(int code, String out, String err) { }

    private final Path configDir;
    private final Path backupRoot;

    public Cli(Path configDir) {
        this(configDir, null);
    }

    /** @param backupRoot the backups go here instead of the configuration's default; null for the default */
    public Cli(Path configDir, Path backupRoot) {
        this.configDir = configDir;
        this.backupRoot = backupRoot;
    }

    public Run run(String... args) {
        return withInput("", args);
    }

    /** @param stdin what the command reads on stdin, e.g. a passphrase */
    public Run withInput(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--config-dir", configDir.toString()));
        if (backupRoot != null) {
            all.addAll(List.of("--backup-root", backupRoot.toString()));
        }
        all.addAll(Arrays.asList(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BackupDeskCli.execute(all.toArray(String[]::new),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Adds a profile {@code name} for a database of the test server, its password stored.
     *
     * @throws AssertionError when the command line refuses it
     */
    public void addProfile(TestServer server, String name, String database) {
        String url = "postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + database;
        Run added = withInput(server.password() + "\n", "profiles", "add", name, "--url", url, "--password-stdin");
        if (added.code() != 0) {
            throw new AssertionError("profiles add " + name + " failed: " + added.err());
        }
    }
}

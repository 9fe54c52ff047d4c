package io.backupdesk.app;

import javax.crypto.Mac;
import io.backupdesk.cli.BackupDeskCli;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.store.Json;
import org.slf4j.LoggerFactory;

import java.util.Set;

/**
 * Loads the heavy libraries (Jackson, logback, the JDBC driver) on background threads while the command line is
 * parsed, so that a short CLI run does not pay for them one after another. Purely an optimisation: any failure here
 * shows up again, properly reported, where the library is really used.
 *
 * <p>Only for the commands that log in to a server, which use all of them. The others may read no file at all (a
 * {@code list} of an empty catalog), and on two cores a library loaded for nothing takes a core from the command: a
 * {@code list} with five backups gained 0.01 s from loading JSON ahead, an empty one lost 0.09 s (docs/decisions/0026).
 */
public final class Warmup {
    /** The commands that log in to a server (a profile's test, a schedule's run-due) and log what they do. */
    private static final Set<String> SERVER_COMMANDS = Set.of("backup", "restore", "rollback", "profiles", "schedule");

    private Warmup() { }

    /** @param args the command line, whose command says whether to warm up */
    public static void start(String[] args) {
        String command = BackupDeskCli.commandWord(args);
        if (command == null || !SERVER_COMMANDS.contains(command)) {
            return;
        }
        run("warmup-json", () -> Json.mapper().readValue("{\"schemaVersion\":1,\"id\":\"x\",\"fileName\":\"x\",\"format\":\"CUSTOM\"}",
                BackupRecord.class));
        run("warmup-jdbc", () -> {
            LoggerFactory.getILoggerFactory();
            Class.forName("org.postgresql.Driver");
            Mac.getInstance("HmacSHA256");
        });
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void run(String name, Work work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Exception | LinkageError e) {
                // see the class comment
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}

package io.backupdesk.app;

import javax.crypto.Mac;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.store.Json;
import org.slf4j.LoggerFactory;

/**
 * Loads the heavy libraries (Jackson, logback, the JDBC driver) on background threads while the command line is
 * parsed, so that a short CLI run does not pay for them one after another. Purely an optimisation: any failure here
 * shows up again, properly reported, where the library is really used.
 */
public final class Warmup {
    private Warmup() { }

    public static void start() {
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

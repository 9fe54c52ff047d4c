package io.backupdesk.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import io.backupdesk.store.SecureFiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends the log to {@code <config>/logs/backupdesk.log}, rolled daily and by size, kept for 30 days. The files are
 * owner-only like the pgpass files: they name servers, users, databases and paths.
 */
public final class Logs {
    private Logs() { }

    /** Logback creates the log files with the process's umask (often 0644), at start and after every roll. */
    private static final class OwnerOnlyAppender extends RollingFileAppender<ILoggingEvent> {
        @Override
        public void openFile(String fileName) throws IOException {
            Path file = Path.of(fileName);
            if (!Files.exists(file)) {
                SecureFiles.createDirectories(file.toAbsolutePath().getParent());
                try {
                    SecureFiles.createNewFile(file);
                } catch (FileAlreadyExistsException raced) {
                    // another process of ours made it a moment ago, owner-only too
                }
            }
            SecureFiles.restrictToOwner(file);
            super.openFile(fileName);
        }
    }

    /** The folder asked for, and the logging that has started; both null until then. Guarded by the class. */
    private static Path folder;
    private static LoggerContext started;

    /**
     * Sends the log to the folder from now on. Logging itself starts when the first logger is asked for, not here: a
     * command that logs nothing (a {@code list}) then loads no logging at all, which took about 0.18 s of CPU here.
     */
    public static synchronized void toFolder(Path logsDir) {
        folder = logsDir;
        if (started != null) {
            attach(started, logsDir);
        }
    }

    /** Called by logback as it starts, on the thread that first asked for a logger. */
    static synchronized void startedIn(LoggerContext context) {
        started = context;
        if (folder != null) {
            attach(context, folder);
        }
    }

    private static void attach(LoggerContext context, Path logsDir) {
        try {
            // before logback, which would create the folders readable by all
            SecureFiles.createDirectories(logsDir);
        } catch (IOException e) {
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> appender = new OwnerOnlyAppender();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(logsDir.resolve("backupdesk.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(logsDir.resolve("backupdesk.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(30);
        policy.setTotalSizeCap(FileSize.valueOf("200MB"));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        // the SSH and S3 clients tell every connection at INFO; our own lines say what was copied where
        context.getLogger("org.apache.sshd").setLevel(Level.WARN);
        context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
    }
}

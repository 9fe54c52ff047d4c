package io.backupdesk.offsite;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.backupdesk.backup.Sha256;
import io.backupdesk.core.Destination;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Collectors;

/** What the SFTP tests share: destinations, files of random bytes, and the log they write while they run. */
final class SftpTesting {
    private SftpTesting() { }

    static Destination destination(String url, Path identityFile) {
        return new Destination("offsite", url, null, null, false, null,
                identityFile == null ? null : identityFile.toString(), null, null, false, null);
    }

    /** A file of {@code size} random bytes (seeded: the same size gives the same bytes). */
    static Path randomFile(Path dir, String name, long size) throws IOException {
        Path file = dir.resolve(name);
        Random random = new Random(size);
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, (int) Math.min(buffer.length, left));
            }
        }
        return file;
    }

    static String sha256(Path file) throws IOException {
        return Sha256.ofFile(file);
    }

    /** How the SSH library shows a password in its debug log: an unsalted SHA-256, as good as the password. */
    static String unsaltedHashOf(String secret) {
        byte[] hash = Sha256.newDigest().digest(secret.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().withoutPadding().encodeToString(hash);
    }

    /** Every log event of every logger, DEBUG and up, from {@link #start()} to {@link #stop()}. */
    static final class CapturedLog {
        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        private Level rootLevel;
        private Level sshLevel;

        CapturedLog start() {
            Logger root = root();
            rootLevel = root.getLevel();
            // the app's log setup, run by an earlier test in this JVM, keeps the SSH library at WARN: open it up
            sshLevel = ssh().getLevel();
            ssh().setLevel(Level.DEBUG);
            appender.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
            appender.start();
            root.addAppender(appender);
            root.setLevel(Level.DEBUG);
            return this;
        }

        void stop() {
            Logger root = root();
            root.detachAppender(appender);
            root.setLevel(rootLevel);
            ssh().setLevel(sshLevel);
            appender.stop();
        }

        /** The messages with their arguments filled in, and the messages of the exceptions logged with them. */
        String text() {
            synchronized (appender) {
                return appender.list.stream().map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
                        .collect(Collectors.joining("\n"));
            }
        }

        int size() {
            return appender.list.size();
        }

        private static Logger ssh() {
            return (Logger) LoggerFactory.getLogger("org.apache.sshd");
        }

        private static Logger root() {
            return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        }
    }
}

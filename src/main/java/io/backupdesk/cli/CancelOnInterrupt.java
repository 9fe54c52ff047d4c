package io.backupdesk.cli;

import io.backupdesk.core.Cancellation;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turns Ctrl+C and SIGTERM into a cancel. The JVM runs its shutdown hooks and exits (130 after SIGINT, 143 after
 * SIGTERM) as soon as they return, so the hook sets the flag and then waits until the command has cleaned up after
 * itself and printed what happened ({@link #outcomeReported}); otherwise the process went silently, mid-sentence.
 */
final class CancelOnInterrupt {
    private static final long CLEANUP_SECONDS = 20;
    /** Counted down once the command line printed its outcome; one command runs per process. */
    private static volatile CountDownLatch reported = new CountDownLatch(1);
    private static volatile boolean signalled;

    private CancelOnInterrupt() { }

    static <T> T run(Cancellation cancel, Supplier<T> job) {
        reported = new CountDownLatch(1);
        CountDownLatch waitFor = reported;
        Thread hook = new Thread(() -> {
            signalled = true;
            cancel.cancel();
            try {
                waitFor.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return job.get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook runs and returns once the outcome is printed
            }
        }
    }

    /** Whether a signal asked this process to stop. */
    static boolean signalled() {
        return signalled;
    }

    /** The command's outcome is on the terminal: a waiting shutdown hook may let the JVM go. */
    static void outcomeReported() {
        reported.countDown();
    }
}

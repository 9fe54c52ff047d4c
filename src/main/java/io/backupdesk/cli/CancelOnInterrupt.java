package io.backupdesk.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turns Ctrl+C (and a polite kill) into a cancel: the shutdown hook sets the flag and waits for the job to clean up
 * after itself, so a cancelled run leaves nothing behind.
 */
final class CancelOnInterrupt {
    private static final long CLEANUP_SECONDS = 20;

    private CancelOnInterrupt() { }

    static <T> T run(io.backupdesk.core.Cancellation cancel, Supplier<T> job) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return job.get();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook is running and now returns
            }
        }
    }
}

package io.backupdesk.core;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for the helpers of one backup or restore run (snapshot work, progress, hashing, globals): named so that a
 * thread dump tells what they do, and daemons so that a helper left behind by a bug never keeps the JVM alive. Each
 * run creates and shuts down its own, so no run waits for another's.
 */
public final class DaemonThreads {
    private DaemonThreads() { }

    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}

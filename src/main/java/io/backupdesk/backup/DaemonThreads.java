package io.backupdesk.backup;

import java.util.concurrent.ThreadFactory;

/**
 * Threads for the helpers of one backup run (snapshot work, progress, hashing, globals): named so that a thread dump
 * tells what they do, and daemons so that a helper left behind by a bug never keeps the JVM alive. Each run creates
 * and shuts down its own, so no run waits for another's.
 */
final class DaemonThreads {
    private DaemonThreads() { }

    static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}

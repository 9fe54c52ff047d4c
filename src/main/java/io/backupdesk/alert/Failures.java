package io.backupdesk.alert;

import java.time.Duration;

/** Shared by the channels to word their failures. */
final class Failures {
    private Failures() { }

    /**
     * The first exception of the type in the chain of causes, the exception itself included; null when none is.
     * Network libraries wrap the reason a level or two down, and the message depends on what is at the bottom.
     */
    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** "10 seconds", or "500 ms" for the short timeouts of tests. */
    static String words(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " seconds" : timeout.toMillis() + " ms";
    }
}

package io.backupdesk.engine;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A part of the engine made on first use and then kept, so that a command builds only what it uses. Thread-safe: when
 * several threads ask at once, one makes it and the others wait for it; a failure to make it is thrown to the thread
 * that asked, and the next one to ask tries again. Parts make the parts they need while making themselves; the
 * engine's parts need each other without a cycle, so the locks are always taken in the same order.
 */
final class Once<T> {
    private volatile T value;

    T get(Supplier<? extends T> make) {
        T made = value;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (value == null) {
                value = Objects.requireNonNull(make.get());
            }
            return value;
        }
    }
}

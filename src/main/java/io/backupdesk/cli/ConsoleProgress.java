package io.backupdesk.cli;

import io.backupdesk.core.Progress;
import io.backupdesk.core.ProgressUpdate;

import java.io.PrintWriter;
import java.util.Locale;

/** One self-overwriting progress line on stderr, only when a person watches a terminal; scripts get silence. */
final class ConsoleProgress implements Progress {
    private static final long MIN_INTERVAL_NANOS = 250_000_000L;
    private final PrintWriter err;
    private long lastNanos;
    private int lastLength;

    private ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    static Progress forTerminal(PrintWriter err) {
        return System.console() == null ? Progress.NONE : new ConsoleProgress(err);
    }

    @Override
    public synchronized void report(ProgressUpdate u) {
        long now = System.nanoTime();
        boolean last = u.fraction() >= 1;
        if (!last && now - lastNanos < MIN_INTERVAL_NANOS) {
            return;
        }
        lastNanos = now;
        String percent = u.fraction() < 0 ? "   " : String.format(Locale.ROOT, "%3d%%", (int) (u.fraction() * 100));
        String eta = u.eta() == null ? "" : "  ETA " + Format.duration(u.eta());
        String text = percent + "  " + Format.bytes(u.bytesDone()) + eta + "  " + u.currentItem();
        if (text.length() > 100) {
            text = text.substring(0, 99) + "…";
        }
        err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
        lastLength = text.length();
        if (last) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
        }
        err.flush();
    }
}

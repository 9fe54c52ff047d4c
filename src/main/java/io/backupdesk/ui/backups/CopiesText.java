package io.backupdesk.ui.backups;

import io.backupdesk.offsite.CopyState;
import io.backupdesk.ui.Formats;
import io.backupdesk.ui.Messages;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A backup's copies off the desk in words: the list's short cell ("2 ok", "1 pending", "1 failed"), one line per
 * destination in the details, and what a retry achieved. The worst state wins the cell: a damaged copy over a failed
 * one over one still pending over those confirmed over those a destination's retention deleted.
 */
final class CopiesText {
    /** Worst first; a copy its destination's retention deleted says the least. */
    private static final List<CopyState.Status> WORST_FIRST = List.of(CopyState.Status.CORRUPT,
            CopyState.Status.FAILED, CopyState.Status.PENDING, CopyState.Status.OK, CopyState.Status.REMOVED);

    private CopiesText() { }

    /** The state that speaks for all of a backup's copies; empty when it has none. */
    static Optional<CopyState.Status> worst(List<CopyState> copies) {
        return copies.stream().map(CopyState::status).min(Comparator.comparingInt(WORST_FIRST::indexOf));
    }

    /** "2 ok", "1 pending", "1 failed": how many copies are in the worst state, and which; empty without copies. */
    static String cell(List<CopyState> copies) {
        return worst(copies).map(status -> Messages.get("backups.copies." + word(status),
                copies.stream().filter(c -> c.status() == status).count())).orElse("");
    }

    /** "nas: ok · offsite-s3: pending", for the cell's tooltip. */
    static String each(List<CopyState> copies) {
        return String.join(" · ", copies.stream().map(c -> c.destination() + ": " + word(c.status())).toList());
    }

    /** What happened to one copy, and what happens next: how it was confirmed, or why not and when it is tried. */
    static String line(CopyState copy) {
        String at = Formats.time(copy.at());
        return switch (copy.status()) {
            case OK -> Messages.get("backups.copies.line.ok", copy.confirmedBy() == null ? "–" : copy.confirmedBy(), at);
            case PENDING -> copy.error() == null ? Messages.get("backups.copies.line.queued")
                    : Messages.get("backups.copies.line.pending", copy.attempts(), at, copy.error(),
                    copy.nextAttemptAt() == null ? "–" : Formats.time(copy.nextAttemptAt()));
            case FAILED -> Messages.get("backups.copies.line.failed", at, String.valueOf(copy.error()));
            case CORRUPT -> Messages.get("backups.copies.line.corrupt", at, String.valueOf(copy.error()));
            case REMOVED -> Messages.get("backups.copies.line.removed", at);
        };
    }

    /** What Retry copies achieved: how many are confirmed now, and why the first that is not failed. */
    static String retried(List<CopyState> outcomes) {
        long ok = outcomes.stream().filter(c -> c.status() == CopyState.Status.OK).count();
        Optional<CopyState> notOk = outcomes.stream().filter(c -> c.status() != CopyState.Status.OK).findFirst();
        return notOk.map(c -> Messages.get(ok == 0 ? "backups.copies.retried.none" : "backups.copies.retried.some",
                ok, outcomes.size() - ok, c.destination(), String.valueOf(c.error())))
                .orElse(Messages.get("backups.copies.retried.all", ok));
    }

    static String word(CopyState.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}

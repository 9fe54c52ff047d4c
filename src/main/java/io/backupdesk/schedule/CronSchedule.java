package io.backupdesk.schedule;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.backupdesk.core.BackupDeskException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A UNIX cron expression (five fields) read on the wall clock of a time zone, the way a DBA reads "30 2 * * *":
 * at half past two, local time, every day. Daylight-saving time is settled as Vixie cron settles it:
 * <ul>
 *   <li>a local time that does not exist (clocks spring forward over it) runs at the first instant after the gap,
 *   once: a 02:30 backup on the night 02:00 becomes 03:00 runs at 03:00, not skipped until tomorrow;</li>
 *   <li>a local time that exists twice (clocks fall back) runs once, at its first occurrence.</li>
 * </ul>
 * The cron fields are matched against local date-times (cron-utils over a zone without transitions), and each match
 * is then placed in the real zone. Immutable and thread-safe.
 */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** A cron that never matches (31 February) must not search forever. */
    private static final int MAX_STEPS = 1000;

    private final String expression;
    private final ZoneId zone;
    private final Cron cron;
    private final ExecutionTime wallClock;

    private CronSchedule(String expression, ZoneId zone, Cron cron) {
        this.expression = expression;
        this.zone = zone;
        this.cron = cron;
        this.wallClock = ExecutionTime.forCron(cron);
    }

    /** Reads a five-field UNIX cron expression; a wrong one is a {@code CONFIGURATION} error saying what is wrong. */
    public static CronSchedule parse(String expression, ZoneId zone) {
        String text = expression == null ? "" : expression.trim();
        try {
            Cron cron = PARSER.parse(text);
            cron.validate();
            return new CronSchedule(text, zone, cron);
        } catch (IllegalArgumentException e) {
            throw BackupDeskException.configuration("'" + text + "' is not a cron expression: " + e.getMessage(),
                    "Use five fields: minute hour day-of-month month day-of-week, e.g. '30 2 * * *' for 02:30 every day.");
        }
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The schedule in words, e.g. "at 02:30". */
    public String describe() {
        return CronDescriptor.instance(Locale.UK).describe(cron);
    }

    /** The first run strictly after {@code after}; empty when the expression never matches. */
    public Optional<Instant> nextAfter(Instant after) {
        ZoneRules rules = zone.getRules();
        LocalDateTime local = LocalDateTime.ofInstant(after, zone);
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<ZonedDateTime> match = wallClock.nextExecution(local.atZone(ZoneOffset.UTC));
            if (match.isEmpty()) {
                return Optional.empty();
            }
            local = match.get().toLocalDateTime();
            List<ZoneOffset> offsets = rules.getValidOffsets(local);
            if (offsets.isEmpty()) {
                // in the gap: the first instant after it, which is when the clocks jumped
                ZoneOffsetTransition gap = rules.getTransition(local);
                Instant jump = gap.getInstant();
                if (jump.isAfter(after)) {
                    return Optional.of(jump);
                }
                continue;
            }
            // a repeated local time runs at its first occurrence only; once that is past, the time is done
            Instant first = local.toInstant(offsets.get(0));
            if (first.isAfter(after)) {
                return Optional.of(first);
            }
        }
        return Optional.empty();
    }

    /** The next {@code count} runs after the instant, for the schedule editor. */
    public List<Instant> next(int count, Instant after) {
        List<Instant> runs = new ArrayList<>();
        Instant from = after;
        while (runs.size() < count) {
            Optional<Instant> next = nextAfter(from);
            if (next.isEmpty()) {
                break;
            }
            runs.add(next.get());
            from = next.get();
        }
        return runs;
    }
}

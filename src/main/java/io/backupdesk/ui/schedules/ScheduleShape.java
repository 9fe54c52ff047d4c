package io.backupdesk.ui.schedules;

import io.backupdesk.schedule.CronSchedule;
import io.backupdesk.ui.Messages;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * A schedule in one of the preset shapes, and the cron it writes: {@code M * * * *}, {@code M H * * *},
 * {@code M H * * D} and {@code M H D * *}. A cron of one of these shapes is read back into its shape, so an edited
 * schedule opens on its preset and the list describes it in the same words.
 *
 * @param weekday    used by {@link Preset#WEEKLY} only
 * @param dayOfMonth used by {@link Preset#MONTHLY} only
 */
public record ScheduleShape(Preset preset, int minute, int hour, DayOfWeek weekday, int dayOfMonth) {
    public ScheduleShape {
        if (preset == Preset.CUSTOM) {
            throw new IllegalArgumentException("a custom cron has no shape");
        }
    }

    /** The five cron fields. Cron counts the weekdays from Sunday, 0. */
    public String cron() {
        return switch (preset) {
            case HOURLY -> minute + " * * * *";
            case DAILY -> minute + " " + hour + " * * *";
            case WEEKLY -> minute + " " + hour + " * * " + weekday.getValue() % 7;
            case MONTHLY -> minute + " " + hour + " " + dayOfMonth + " * *";
            case CUSTOM -> throw new IllegalStateException();
        };
    }

    /** The shape the cron has, when it has one of the preset shapes with plain numbers. */
    public static Optional<ScheduleShape> of(String cron) {
        String[] f = cron == null ? new String[0] : cron.trim().split("\\s+");
        if (f.length != 5 || !f[3].equals("*")) {
            return Optional.empty();
        }
        Integer minute = number(f[0], 0, 59);
        if (minute == null) {
            return Optional.empty();
        }
        if (f[1].equals("*") && f[2].equals("*") && f[4].equals("*")) {
            return Optional.of(new ScheduleShape(Preset.HOURLY, minute, 0, DayOfWeek.MONDAY, 1));
        }
        Integer hour = number(f[1], 0, 23);
        if (hour == null) {
            return Optional.empty();
        }
        if (f[2].equals("*") && f[4].equals("*")) {
            return Optional.of(new ScheduleShape(Preset.DAILY, minute, hour, DayOfWeek.MONDAY, 1));
        }
        Integer weekday = number(f[4], 0, 7);
        if (f[2].equals("*") && weekday != null) {
            return Optional.of(new ScheduleShape(Preset.WEEKLY, minute, hour, DayOfWeek.of(weekday == 0 ? 7 : weekday), 1));
        }
        Integer day = number(f[2], 1, 31);
        if (day != null && f[4].equals("*")) {
            return Optional.of(new ScheduleShape(Preset.MONTHLY, minute, hour, DayOfWeek.MONDAY, day));
        }
        return Optional.empty();
    }

    private static Integer number(String field, int min, int max) {
        if (!field.matches("\\d{1,2}")) {
            return null;
        }
        int n = Integer.parseInt(field);
        return n >= min && n <= max ? n : null;
    }

    /** In words, e.g. "Every Monday at 03:00". */
    public String describe() {
        String time = String.format(Locale.ROOT, "%02d:%02d", hour, minute);
        return switch (preset) {
            case HOURLY -> minute == 0 ? Messages.get("schedules.describe.hourly.onTheHour")
                    : Messages.get("schedules.describe.hourly", minute);
            case DAILY -> Messages.get("schedules.describe.daily", time);
            case WEEKLY -> Messages.get("schedules.describe.weekly", weekdayName(weekday), time);
            case MONTHLY -> Messages.get("schedules.describe.monthly", dayOfMonth, time);
            case CUSTOM -> throw new IllegalStateException();
        };
    }

    public static String weekdayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.UK);
    }

    /** Any cron in words: a preset shape as the editor names it, any other as cron-utils reads it. */
    public static String describe(CronSchedule cron) {
        return of(cron.expression()).map(ScheduleShape::describe).orElseGet(() -> {
            String words = cron.describe();
            return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        });
    }
}

package io.backupdesk.ui.schedules;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.schedule.CronSchedule;
import io.backupdesk.ui.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a schedule runs: a preset with its fields, or raw cron, and the time zone. Choosing a preset or changing its
 * fields writes the cron; typing the cron makes it a custom one. The cron is checked as it is typed, and the words
 * and the next five runs in the chosen zone follow it. Parsing a cron is quick and reads no file, so this runs on
 * the UI thread.
 */
public final class CronEditorViewModel {
    static final int NEXT_RUNS = 5;
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd  HH:mm  z", Locale.UK);
    private static final ScheduleShape NEW = new ScheduleShape(Preset.DAILY, 30, 2, DayOfWeek.MONDAY, 1);

    /** The cron checked: its words and next runs (the first one as an instant too), or what is wrong with it. */
    private record Check(String error, String description, List<String> nextRuns, Instant firstRun) { }

    private final Supplier<Instant> now;
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(Preset.DAILY);
    private final StringProperty minute = new SimpleStringProperty("");
    private final StringProperty time = new SimpleStringProperty("");
    private final ObjectProperty<DayOfWeek> weekday = new SimpleObjectProperty<>(DayOfWeek.MONDAY);
    private final StringProperty dayOfMonth = new SimpleStringProperty("");
    private final StringProperty cron = new SimpleStringProperty("");
    private final StringProperty zone = new SimpleStringProperty(ZoneId.systemDefault().getId());
    private final ObservableList<String> zones = FXCollections.observableArrayList(
            ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC")).sorted().toList());
    private final ObservableList<String> nextRuns = FXCollections.observableArrayList();
    /** Bumped when time has passed the first listed run, so that the check counts from the clock again. */
    private final LongProperty clockTurns = new SimpleLongProperty();
    private final StringBinding presetError;
    private final StringBinding presetNote;
    private final StringBinding zoneError;
    private final ObjectBinding<Check> check;
    private final StringBinding cronError;
    private final StringBinding description;
    private final BooleanBinding valid;
    /** Set while this writes the cron itself, so that the write does not count as typing. */
    private boolean writing;

    /** @param now the clock the next runs are counted from */
    public CronEditorViewModel(Supplier<Instant> now) {
        this.now = now;
        presetError = Bindings.createStringBinding(this::presetProblem, preset, minute, time, dayOfMonth);
        presetNote = Bindings.createStringBinding(() -> preset.get() == Preset.MONTHLY && parse(dayOfMonth.get(), 29, 31) != null
                ? Messages.get("schedules.editor.day.short", dayOfMonth.get().trim()) : "", preset, dayOfMonth);
        zoneError = Bindings.createStringBinding(() -> zoneId().isPresent() ? ""
                : Messages.get("schedules.editor.error.zone"), zone);
        check = Bindings.createObjectBinding(this::check, cron, zone, clockTurns);
        cronError = Bindings.createStringBinding(() -> check.get().error(), check);
        description = Bindings.createStringBinding(() -> check.get().description(), check);
        check.addListener((o, was, checked) -> nextRuns.setAll(checked.nextRuns()));
        nextRuns.setAll(check.get().nextRuns());
        valid = Bindings.createBooleanBinding(() -> cronError.get().isEmpty() && zoneError.get().isEmpty()
                && (preset.get() == Preset.CUSTOM || presetError.get().isEmpty()), cronError, zoneError, presetError, preset);
        preset.addListener(o -> writeCron());
        minute.addListener(o -> writeCron());
        time.addListener(o -> writeCron());
        weekday.addListener(o -> writeCron());
        dayOfMonth.addListener(o -> writeCron());
        cron.addListener(o -> {
            if (!writing) {
                preset.set(Preset.CUSTOM);
            }
        });
        load(NEW.cron(), null);
    }

    /**
     * Fills the editor with a saved cron and zone (null for the system's); a preset shape opens on its preset. A null
     * cron is a new schedule's: every day at 02:30.
     */
    void load(String saved, String zoneIdText) {
        String expression = saved == null ? NEW.cron() : saved;
        ScheduleShape shape = ScheduleShape.of(expression).orElse(null);
        ScheduleShape fields = shape == null ? NEW : shape;
        writing = true;
        try {
            minute.set(String.valueOf(fields.minute()));
            time.set(String.format(Locale.ROOT, "%02d:%02d", fields.hour(), fields.minute()));
            weekday.set(fields.weekday());
            dayOfMonth.set(String.valueOf(fields.dayOfMonth()));
            preset.set(shape == null ? Preset.CUSTOM : shape.preset());
            cron.set(expression);
            zone.set(zoneIdText == null || zoneIdText.isBlank() ? ZoneId.systemDefault().getId() : zoneIdText);
        } finally {
            writing = false;
        }
    }

    /** The preset's fields as a shape; empty while one of them is wrong or the cron is custom. */
    private Optional<ScheduleShape> shape() {
        if (preset.get() == Preset.CUSTOM || !presetProblem().isEmpty()) {
            return Optional.empty();
        }
        int[] hm = preset.get() == Preset.HOURLY ? new int[] {0, parse(minute.get(), 0, 59)} : hourMinute().orElseThrow();
        int day = preset.get() == Preset.MONTHLY ? parse(dayOfMonth.get(), 1, 31) : 1;
        return Optional.of(new ScheduleShape(preset.get(), hm[1], hm[0], weekday.get(), day));
    }

    private void writeCron() {
        if (writing) {
            return;
        }
        shape().ifPresent(s -> {
            writing = true;
            try {
                cron.set(s.cron());
            } finally {
                writing = false;
            }
        });
    }

    private String presetProblem() {
        return switch (preset.get()) {
            case HOURLY -> parse(minute.get(), 0, 59) == null ? Messages.get("schedules.editor.error.minute") : "";
            case DAILY, WEEKLY -> hourMinute().isEmpty() ? Messages.get("schedules.editor.error.time") : "";
            case MONTHLY -> hourMinute().isEmpty() ? Messages.get("schedules.editor.error.time")
                    : parse(dayOfMonth.get(), 1, 31) == null ? Messages.get("schedules.editor.error.day") : "";
            case CUSTOM -> "";
        };
    }

    private Optional<int[]> hourMinute() {
        Matcher m = TIME.matcher(time.get() == null ? "" : time.get().trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        return h <= 23 && min <= 59 ? Optional.of(new int[] {h, min}) : Optional.empty();
    }

    private static Integer parse(String text, int min, int max) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.trim());
            return n >= min && n <= max ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Optional<ZoneId> zoneId() {
        try {
            return Optional.of(ZoneId.of(zone.get() == null ? "" : zone.get().trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private Check check() {
        Optional<ZoneId> in = zoneId();
        if (in.isEmpty()) {
            return new Check("", "", List.of(), null);
        }
        try {
            CronSchedule schedule = CronSchedule.parse(cron.get(), in.get());
            List<Instant> runs = schedule.next(NEXT_RUNS, now.get());
            if (runs.isEmpty()) {
                return new Check(Messages.get("schedules.editor.error.never"), "", List.of(), null);
            }
            return new Check("", ScheduleShape.describe(schedule),
                    runs.stream().map(t -> RUN.format(t.atZone(in.get()))).toList(), runs.get(0));
        } catch (BackupDeskException e) {
            return new Check(e.getMessage(), "", List.of(), null);
        }
    }

    /**
     * Looks at the clock again: once the first listed run is no longer ahead, the next runs are counted anew, so an
     * editor left open never lists runs in the past. Cheap when nothing changed; the view calls it every few seconds
     * while it shows.
     */
    public void tick() {
        Instant first = check.get().firstRun();
        if (first != null && !first.isAfter(now.get())) {
            clockTurns.set(clockTurns.get() + 1);
        }
    }

    /** The cron as it would be saved. */
    String expression() {
        return cron.get().trim().replaceAll("\\s+", " ");
    }

    /** The zone id as it would be saved. */
    String zoneText() {
        return zoneId().map(ZoneId::getId).orElseThrow();
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    public StringProperty minuteProperty() {
        return minute;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public ObjectProperty<DayOfWeek> weekdayProperty() {
        return weekday;
    }

    public StringProperty dayOfMonthProperty() {
        return dayOfMonth;
    }

    public StringProperty cronProperty() {
        return cron;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    /** The zone ids to pick from. */
    public ObservableList<String> zones() {
        return zones;
    }

    /** The next five runs, in the chosen zone. */
    public ObservableList<String> nextRuns() {
        return nextRuns;
    }

    public StringBinding presetError() {
        return presetError;
    }

    /** A note about the preset's fields that is not an error, e.g. that a day 31 skips the shorter months. */
    public StringBinding presetNote() {
        return presetNote;
    }

    public StringBinding cronError() {
        return cronError;
    }

    public StringBinding zoneError() {
        return zoneError;
    }

    public StringBinding description() {
        return description;
    }

    public BooleanBinding valid() {
        return valid;
    }
}

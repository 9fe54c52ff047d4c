package io.backupdesk.ui;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.RetentionPolicy;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;

/**
 * The retention rules of a schedule or of a destination as text fields, each empty for "no such rule": keep the last N, the daily,
 * weekly and monthly ones, and a maximum age in days. Each field says what is wrong with it; the policy is there only
 * while all are right.
 */
public final class RetentionFormViewModel {
    /** A new schedule keeps a week of backups, a month of weeklies and a year of monthlies. */
    public static final RetentionPolicy NEW = new RetentionPolicy(7, 7, 4, 12, null);

    private final StringProperty keepLast = new SimpleStringProperty("");
    private final StringProperty daily = new SimpleStringProperty("");
    private final StringProperty weekly = new SimpleStringProperty("");
    private final StringProperty monthly = new SimpleStringProperty("");
    private final StringProperty maxAgeDays = new SimpleStringProperty("");
    private final StringBinding keepLastError;
    private final StringBinding dailyError;
    private final StringBinding weeklyError;
    private final StringBinding monthlyError;
    private final StringBinding maxAgeError;
    private final ObjectBinding<RetentionPolicy> policy;
    private final StringBinding note;
    private final BooleanBinding valid;

    public RetentionFormViewModel() {
        keepLastError = count(keepLast, 1, "schedules.retention.error.keepLast");
        dailyError = count(daily, 0, "schedules.retention.error.count");
        weeklyError = count(weekly, 0, "schedules.retention.error.count");
        monthlyError = count(monthly, 0, "schedules.retention.error.count");
        maxAgeError = count(maxAgeDays, 1, "schedules.retention.error.maxAge");
        valid = Bindings.createBooleanBinding(() -> keepLastError.get().isEmpty() && dailyError.get().isEmpty()
                && weeklyError.get().isEmpty() && monthlyError.get().isEmpty() && maxAgeError.get().isEmpty(),
                keepLastError, dailyError, weeklyError, monthlyError, maxAgeError);
        policy = Bindings.createObjectBinding(this::build, valid, keepLast, daily, weekly, monthly, maxAgeDays);
        note = Bindings.createStringBinding(() -> policy.get() == null ? ""
                : policy.get().isNone() ? Messages.get("schedules.retention.none")
                : !policy.get().selects() ? Messages.get("schedules.retention.ageOnly") : "", policy);
        load(NEW);
    }

    private static StringBinding count(StringProperty field, int min, String key) {
        return Bindings.createStringBinding(() -> {
            String text = field.get() == null ? "" : field.get().trim();
            if (text.isEmpty()) {
                return "";
            }
            Integer n = number(text);
            return n != null && n >= min ? "" : Messages.get(key);
        }, field);
    }

    private static Integer number(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer value(StringProperty field) {
        String text = field.get() == null ? "" : field.get().trim();
        return text.isEmpty() ? null : number(text);
    }

    private RetentionPolicy build() {
        if (!valid.get()) {
            return null;
        }
        Integer days = value(maxAgeDays);
        try {
            return new RetentionPolicy(value(keepLast), value(daily), value(weekly), value(monthly),
                    days == null ? null : Duration.ofDays(days));
        } catch (BackupDeskException e) {
            return null; // the fields' own checks say why
        }
    }

    /**
     * Fills the fields from a saved policy. A maximum age that is not a whole number of days (the command line takes
     * hours too) is shown rounded up, so that saving it unchanged never deletes more.
     */
    public void load(RetentionPolicy saved) {
        keepLast.set(text(saved.keepLast()));
        daily.set(text(saved.daily()));
        weekly.set(text(saved.weekly()));
        monthly.set(text(saved.monthly()));
        Duration age = saved.maxAge();
        maxAgeDays.set(age == null ? "" : String.valueOf((age.toHours() + 23) / 24));
    }

    private static String text(Integer n) {
        return n == null ? "" : String.valueOf(n);
    }

    public StringProperty keepLastProperty() {
        return keepLast;
    }

    public StringProperty dailyProperty() {
        return daily;
    }

    public StringProperty weeklyProperty() {
        return weekly;
    }

    public StringProperty monthlyProperty() {
        return monthly;
    }

    public StringProperty maxAgeDaysProperty() {
        return maxAgeDays;
    }

    public StringBinding keepLastError() {
        return keepLastError;
    }

    public StringBinding dailyError() {
        return dailyError;
    }

    public StringBinding weeklyError() {
        return weeklyError;
    }

    public StringBinding monthlyError() {
        return monthlyError;
    }

    public StringBinding maxAgeError() {
        return maxAgeError;
    }

    /** The policy the fields make; null while one of them is wrong. */
    public ObjectBinding<RetentionPolicy> policy() {
        return policy;
    }

    /** What the rules as a whole mean when that is not obvious, e.g. that with none every backup is kept. */
    public StringBinding note() {
        return note;
    }

    public BooleanBinding valid() {
        return valid;
    }
}

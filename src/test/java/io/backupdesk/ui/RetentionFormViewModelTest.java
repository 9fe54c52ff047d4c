package io.backupdesk.ui;

import io.backupdesk.core.RetentionPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionFormViewModelTest {
    private final RetentionFormViewModel form = new RetentionFormViewModel();

    @Test
    void aNewScheduleKeepsAWeekAMonthOfWeekliesAndAYearOfMonthlies() {
        assertThat(form.policy().get()).isEqualTo(new RetentionPolicy(7, 7, 4, 12, null));
        assertThat(form.note().get()).isEmpty();
    }

    @Test
    void eachFieldSaysWhatIsWrongAndThereIsNoPolicyUntilAllAreRight() {
        form.keepLastProperty().set("0");
        form.dailyProperty().set("-1");
        form.weeklyProperty().set("four");
        form.maxAgeDaysProperty().set("0");

        assertThat(form.keepLastError().get()).isEqualTo("Keep at least 1, or leave it empty.");
        assertThat(form.dailyError().get()).isEqualTo("A whole number, 0 or more, or empty.");
        assertThat(form.weeklyError().get()).isEqualTo("A whole number, 0 or more, or empty.");
        assertThat(form.monthlyError().get()).isEmpty();
        assertThat(form.maxAgeError().get()).isEqualTo("A whole number of days, 1 or more, or empty.");
        assertThat(form.valid().get()).isFalse();
        assertThat(form.policy().get()).isNull();

        form.keepLastProperty().set(" 3 ");
        form.dailyProperty().set("");
        form.weeklyProperty().set("0");
        form.maxAgeDaysProperty().set("90");
        assertThat(form.policy().get()).isEqualTo(new RetentionPolicy(3, null, 0, 12, Duration.ofDays(90)));
    }

    @Test
    void emptyFieldsMeanNoRuleAndTheFormSaysThatEverythingIsKept() {
        form.load(RetentionPolicy.none());

        assertThat(form.policy().get().isNone()).isTrue();
        assertThat(form.note().get()).isEqualTo("No rule is set: every backup is kept.");

        form.maxAgeDaysProperty().set("30");
        assertThat(form.note().get()).startsWith("Only the age rule");
    }

    @Test
    void aMaximumAgeInHoursOpensRoundedUpToWholeDays() {
        form.load(new RetentionPolicy(2, null, null, null, Duration.ofHours(36)));

        assertThat(form.keepLastProperty().get()).isEqualTo("2");
        assertThat(form.dailyProperty().get()).isEmpty();
        assertThat(form.maxAgeDaysProperty().get()).isEqualTo("2");
    }
}

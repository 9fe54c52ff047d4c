package io.backupdesk.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored origin read back: every kind this version writes, the older ones, and whatever a sidecar may hold. */
class OriginTest {
    @Test
    void eachStoredTextReadsAsItsKindWithItsReference() {
        assertThat(Origin.of("manual")).isEqualTo(new Origin(Origin.Kind.BY_HAND, null, "manual"));
        assertThat(Origin.of(Origin.BACK_UP_NOW).kind()).isEqualTo(Origin.Kind.BACK_UP_NOW);
        assertThat(Origin.of(Origin.COMMAND_LINE).kind()).isEqualTo(Origin.Kind.COMMAND_LINE);
        assertThat(Origin.of(Origin.TRAY).kind()).isEqualTo(Origin.Kind.TRAY);
        assertThat(Origin.of("import").kind()).isEqualTo(Origin.Kind.IMPORT);
        assertThat(Origin.of("schedule:8b9d1c2e4f5a")).isEqualTo(new Origin(Origin.Kind.SCHEDULE, "8b9d1c2e4f5a",
                "schedule:8b9d1c2e4f5a"));
        assertThat(Origin.of("test-restore:8b9d").reference()).isEqualTo("8b9d");
        assertThat(Origin.of("restore:r1")).extracting(Origin::kind, Origin::reference)
                .containsExactly(Origin.Kind.SAFETY_BACKUP, "r1");
        assertThat(Origin.of("rollback:r1").kind()).isEqualTo(Origin.Kind.ROLLBACK);
    }

    @Test
    void anythingElseIsUnknownAndKeepsItsText() {
        assertThat(Origin.of(null).kind()).isEqualTo(Origin.Kind.UNKNOWN);
        assertThat(Origin.of(" ").kind()).isEqualTo(Origin.Kind.UNKNOWN);
        assertThat(Origin.of("schedule:")).as("a schedule without an id")
                .isEqualTo(new Origin(Origin.Kind.UNKNOWN, null, "schedule:"));
        assertThat(Origin.of("cron on db7")).isEqualTo(new Origin(Origin.Kind.UNKNOWN, null, "cron on db7"));
        assertThat(Origin.of("MANUAL").kind()).isEqualTo(Origin.Kind.UNKNOWN);
    }

    @Test
    void aScheduleOriginIsStillWhatRetentionMatchesOn() {
        Schedule s = Schedule.builder().id("s1").profile("p").build();
        assertThat(Origin.of(s.origin())).extracting(Origin::kind, Origin::reference)
                .containsExactly(Origin.Kind.SCHEDULE, "s1");
        assertThat(s.origin()).isEqualTo("schedule:s1");
    }
}

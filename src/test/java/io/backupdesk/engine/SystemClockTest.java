package io.backupdesk.engine;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The engine's clock is the system's, in the system's zone, as {@link Clock#systemDefaultZone()} is. */
class SystemClockTest {
    @Test
    void itTellsTheSystemsTimeInTheSystemsZone() {
        Clock clock = new SystemClock();
        Instant before = Instant.now();

        Instant now = clock.instant();

        assertThat(now).isBetween(before, Instant.now());
        assertThat(clock.millis()).isCloseTo(System.currentTimeMillis(), within(1000L));
        assertThat(clock.getZone()).isEqualTo(ZoneId.systemDefault()).isEqualTo(Clock.systemDefaultZone().getZone());
        assertThat(clock).hasToString("SystemClock[" + ZoneId.systemDefault() + "]");
    }

    @Test
    void inAnotherZoneItIsTheSystemClockThere() {
        Clock tokyo = new SystemClock().withZone(ZoneId.of("Asia/Tokyo"));

        assertThat(tokyo).isEqualTo(Clock.system(ZoneId.of("Asia/Tokyo")));
        assertThat(Duration.between(tokyo.instant(), Instant.now())).isLessThan(Duration.ofSeconds(1));
    }
}

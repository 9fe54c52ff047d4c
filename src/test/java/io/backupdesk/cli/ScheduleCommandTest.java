package io.backupdesk.cli;

import io.backupdesk.testing.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.core.Schedule;
import io.backupdesk.store.Json;
import io.backupdesk.store.ScheduleStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code schedule add} and {@code schedule list}: the cron in words and the next run, or why there is none. */
class ScheduleCommandTest {
    @TempDir
    Path config;

    private String out;
    private String err;

    private int run(String... args) {
        Cli.Run run = new Cli(config).run(args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    @Test
    void addingAScheduleSaysItsCronInWordsAndItsNextRunAndASwitchedOffOneHasNone() {
        run("profiles", "add", "prod", "--url", "postgresql://u@h:5432/db");

        assertThat(run("schedule", "add", "prod", "--cron", " 30 2 * * * ", "--zone", "UTC")).as(err).isZero();
        assertThat(out).contains("saved: prod, at 02:30 (UTC); next run ");
        assertThat(run("schedule", "add", "prod", "--cron", "30 2 * * *", "--zone", "UTC", "--disabled")).isZero();
        assertThat(out).contains("saved: prod, at 02:30 (UTC)").doesNotContain("next run");
        assertThat(run("schedule", "add", "prod", "--cron", "61 2 * * *")).isEqualTo(2);
        assertThat(err).contains("'61 2 * * *' is not a cron expression");
        assertThat(new ScheduleStore(config, w -> { }).list()).hasSize(2)
                .allSatisfy(s -> assertThat(s.cron()).isEqualTo("30 2 * * *"));
    }

    @Test
    void theListSaysWhyAStoredCronCannotRunAndGivesNoNextRunToItOrToASwitchedOffOne() throws IOException {
        run("profiles", "add", "prod", "--url", "postgresql://u@h:5432/db");
        ScheduleStore store = new ScheduleStore(config, w -> { });
        Instant made = Instant.parse("2026-01-01T00:00:00Z");
        Schedule.Builder nightly = Schedule.builder().profile("prod").cron("30 2 * * *").zone("UTC").enabled(true);
        store.save(nightly.id("broken").cron("61 2 * * *").createdAt(made).build());
        store.save(nightly.id("off").cron("30 2 * * *").enabled(false).createdAt(made.plusSeconds(1)).build());
        store.save(nightly.id("on").enabled(true).createdAt(made.plusSeconds(2)).build());

        assertThat(run("schedule", "list")).isZero();
        assertThat(out).containsPattern("broken +prod +61 2 \\* \\* \\* +UTC +yes +never ")
                .containsPattern("off +prod +30 2 \\* \\* \\* +UTC +no +- ")
                .containsPattern("on +prod +30 2 \\* \\* \\* +UTC +yes +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        assertThat(run("schedule", "list", "--json")).isZero();
        JsonNode listed = Json.mapper().readTree(out);
        assertThat(listed).hasSize(3);
        assertThat(listed.get(0).get("description").asText()).contains("is not a cron expression");
        assertThat(listed.get(0).get("nextRun").isNull()).isTrue();
        assertThat(listed.get(1).get("description").asText()).isEqualTo("at 02:30");
        assertThat(listed.get(1).get("nextRun").isNull()).as("switched off").isTrue();
        assertThat(listed.get(2).get("nextRun").asText()).endsWith("T02:30:00Z");
    }

    @Test
    void aStoredScheduleWithAnUnknownZoneIsListedWithItAndNeverRunsRatherThanFailingTheList() throws IOException {
        run("profiles", "add", "prod", "--url", "postgresql://u@h:5432/db");
        ScheduleStore store = new ScheduleStore(config, w -> { });
        store.save(Schedule.builder().id("moved").profile("prod").cron("30 2 * * *").zone("Mars/Olympus_Mons")
                .enabled(true).createdAt(Instant.parse("2026-01-01T00:00:00Z")).build());

        assertThat(run("schedule", "list")).as(err).isZero();
        assertThat(out).containsPattern("moved +prod +30 2 \\* \\* \\* +Mars/Olympus_Mons +yes +never ");
        assertThat(run("schedule", "list", "--json")).as(err).isZero();
        JsonNode listed = Json.mapper().readTree(out);
        assertThat(listed.get(0).get("zone").asText()).isEqualTo("Mars/Olympus_Mons");
        assertThat(listed.get(0).get("nextRun").isNull()).isTrue();
    }
}

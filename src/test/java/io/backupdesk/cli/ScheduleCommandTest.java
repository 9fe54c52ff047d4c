package io.backupdesk.cli;

import io.backupdesk.testing.Cli;
import io.backupdesk.testing.SidecarFiles;
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
        assertThat(out).startsWith("Schedule 'prod' (")
                .contains("saved: prod, at 02:30 (UTC), dumps as profile prod does (the settings' defaults); next run ");
        assertThat(run("schedule", "add", "prod", "--cron", "30 2 * * *", "--zone", "UTC", "--disabled")).isZero();
        assertThat(out).startsWith("Schedule 'prod 2' (").contains("saved: prod, at 02:30 (UTC)")
                .doesNotContain("next run");
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
        assertThat(out).containsPattern("broken +- +prod +61 2 \\* \\* \\* +UTC +yes +never ")
                .containsPattern("off +- +prod +30 2 \\* \\* \\* +UTC +no +- ")
                .containsPattern("on +- +prod +30 2 \\* \\* \\* +UTC +yes +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
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
        assertThat(out).containsPattern("moved +- +prod +30 2 \\* \\* \\* +Mars/Olympus_Mons +yes +never ");
        assertThat(run("schedule", "list", "--json")).as(err).isZero();
        JsonNode listed = Json.mapper().readTree(out);
        assertThat(listed.get(0).get("zone").asText()).isEqualTo("Mars/Olympus_Mons");
        assertThat(listed.get(0).get("nextRun").isNull()).isTrue();
    }

    @Test
    void aScheduleIsNamedUniquelyListedByNameRenamedAndRemovedByName() throws IOException {
        run("profiles", "add", "prod", "--url", "postgresql://u@h:5432/db");

        assertThat(run("schedule", "add", "prod", "--cron", "30 2 * * *", "--name", "nightly")).as(err).isZero();
        assertThat(out).startsWith("Schedule 'nightly' (");
        assertThat(run("schedule", "add", "prod", "--cron", "0 3 * * 0", "--name", "NIGHTLY")).isEqualTo(2);
        assertThat(err).contains("There is a schedule named 'NIGHTLY' already.");
        assertThat(run("schedule", "add", "prod", "--cron", "0 3 * * 0", "--name", "-x")).isEqualTo(2);
        assertThat(err).contains("'-x' is not a valid schedule name.");
        assertThat(run("schedule", "add", "prod", "--cron", "0 3 * * 0", "--format", "tar")).as(err).isZero();
        assertThat(new ScheduleStore(config, w -> { }).list()).hasSize(2);

        assertThat(run("schedule", "list")).isZero();
        assertThat(out).containsPattern("NAME +PROFILE +CRON .* OPTIONS ")
                .containsPattern("nightly +prod +30 2 \\* \\* \\* .* profile \\(defaults\\) ")
                .containsPattern("prod +prod +0 3 \\* \\* 0 .* own: tar ");
        JsonNode listed = Json.mapper().readTree(listJson());
        assertThat(listed.get(0).get("name").asText()).isEqualTo("nightly");
        assertThat(listed.get(0).get("optionsFrom").asText()).isEqualTo("connection");
        assertThat(listed.get(1).get("optionsFrom").asText()).isEqualTo("own");

        assertThat(run("schedule", "rename", "nightly", "every night")).as(err).isZero();
        assertThat(run("schedule", "remove", "Every Night")).as(err).isZero();
        assertThat(out).contains("Schedule 'every night' (").contains(") removed.");
        assertThat(run("schedule", "remove", "every night")).isEqualTo(2);
        assertThat(err).contains("There is no schedule 'every night'");
    }

    @Test
    void theBackupListSaysWhoMadeEachBackupARemovedScheduleIncluded() throws IOException {
        run("profiles", "add", "prod", "--url", "postgresql://u@h:5432/db");
        run("schedule", "add", "prod", "--cron", "30 2 * * *", "--name", "nightly");
        run("schedule", "add", "prod", "--cron", "0 4 * * *", "--name", "early");
        ScheduleStore store = new ScheduleStore(config, w -> { });
        Schedule nightly = store.list().stream().filter(x -> "nightly".equals(x.name())).findFirst().orElseThrow();
        Schedule early = store.list().stream().filter(x -> "early".equals(x.name())).findFirst().orElseThrow();
        Path backups = config.resolve("backups");
        Instant at = Instant.parse("2026-12-01T02:30:00Z");
        SidecarFiles.write(backups, "b00000000001", "prod", "db", nightly.origin(), at);
        SidecarFiles.write(backups, "b00000000002", "prod", "db", early.origin(), at.plusSeconds(60));
        SidecarFiles.write(backups, "b00000000003", "prod", "db", "manual:cli", at.plusSeconds(120));
        SidecarFiles.write(backups, "b00000000004", "prod", "db", "manual", at.plusSeconds(180));
        SidecarFiles.write(backups, "b00000000005", "prod", "db", "schedule:0123456789ab", at.plusSeconds(240));
        assertThat(run("schedule", "remove", "early")).isZero();

        Cli.Run list = new Cli(config, backups).run("list");

        assertThat(list.out()).as(list.err()).containsPattern("STATUS +ORIGIN +LABEL")
                .containsPattern("b00000000001 .* schedule 'nightly' ")
                .containsPattern("b00000000002 .* removed schedule 'early' ")
                .containsPattern("b00000000003 .* command line ")
                .containsPattern("b00000000004 .* by hand ")
                .containsPattern("b00000000005 .* schedule 0123456789ab \\(not on this desk\\)");
    }

    private String listJson() {
        run("schedule", "list", "--json");
        return out;
    }
}

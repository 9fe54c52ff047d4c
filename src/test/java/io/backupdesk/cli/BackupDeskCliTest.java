package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;
import io.backupdesk.store.JobHistory;
import io.backupdesk.store.Json;
import io.backupdesk.store.ScheduleStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackupDeskCliTest {
    private static final String URL = "postgresql://u@h:5432/db";

    @TempDir
    Path config;

    private String out;
    private String err;

    private int runWithStdin(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--config-dir", config.toString()));
        all.addAll(List.of(args));
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        int code = BackupDeskCli.execute(all.toArray(String[]::new),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(outText), new PrintWriter(errText));
        out = outText.toString();
        err = errText.toString();
        return code;
    }

    private int run(String... args) {
        return runWithStdin("", args);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void theHelpListsEveryCommand() {
        assertThat(run("--help")).isEqualTo(0);
        for (Class<?> command : BackupDeskCli.COMMANDS) {
            assertThat(out).contains("  " + command.getAnnotation(picocli.CommandLine.Command.class).name() + " ");
        }
    }

    @Test
    void helpForOneCommandShowsItsOptions() {
        assertThat(run("help", "backup")).isEqualTo(0);
        assertThat(out).contains("Usage: backupdesk backup").contains("--format");
    }

    @Test
    void aMisspelledCommandIsAUsageErrorThatSuggestsTheRightOne() {
        assertThat(run("bakup", "prod")).isEqualTo(2);
        assertThat(err).contains("Did you mean").contains("backup");
    }

    @Test
    void theVersionIsPrintedWithoutBuildingTheCommandsAndTheHelpBesideItStillListsThem() {
        assertThat(BackupDeskCli.commandLine(new BackupDeskCli(), new String[] {"--version"}).getSubcommands()).isEmpty();
        assertThat(run("--version")).isZero();
        assertThat(out).startsWith("Backup Desk ");
        StringWriter alone = new StringWriter();
        assertThat(BackupDeskCli.execute(new String[] {"-V"}, InputStream.nullInputStream(), new PrintWriter(alone),
                new PrintWriter(new StringWriter()))).isZero();
        assertThat(alone.toString()).as("answered before picocli, in its words").isEqualTo(out);

        assertThat(run("-V", "--help")).isZero();
        assertThat(out).contains("  list ").contains("  backup ");
    }

    @Test
    void theCommandWordIsFoundBehindTheGlobalOptions() {
        assertThat(BackupDeskCli.commandWord(new String[] {"--config-dir", "list", "backup", "--json"})).isEqualTo("backup");
        assertThat(BackupDeskCli.commandWord(new String[] {"--backup-root=/b", "list"})).isEqualTo("list");
        assertThat(BackupDeskCli.commandWord(new String[] {"--help"})).isNull();
    }

    @Test
    void pausedSchedulesAreNotRunByRunDueAndWhatFellIntoThePauseIsNotCaughtUp() throws IOException {
        run("profiles", "add", "prod", "--url", URL);
        // made two days ago and paused from the start: without the pause, a run-due would try to back up (and
        // fail, as there is no server at h)
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        ScheduleStore store = new ScheduleStore(config, warning -> { });
        store.save(Schedule.builder().id("hourly").profile("prod").cron("0 * * * *").zone("UTC").enabled(true)
                .createdAt(twoDaysAgo).build());
        store.pause(twoDaysAgo);

        assertThat(run("schedule", "pause")).isEqualTo(0);
        assertThat(out).contains("have been paused since");
        assertThat(run("schedule", "list")).isEqualTo(0);
        assertThat(out).contains("All schedules are paused since")
                .containsPattern("hourly +- +prod +0 \\* \\* \\* \\* +UTC +yes +paused ");
        assertThat(run("schedule", "list", "--json")).isEqualTo(0);
        assertThat(Json.mapper().readTree(out).get(0).get("paused").asBoolean()).isTrue();
        assertThat(Json.mapper().readTree(out).get(0).get("nextRun").isNull()).isTrue();
        assertThat(run("schedule", "run-due")).isEqualTo(0);
        assertThat(out).contains("paused").contains("nothing was run");

        assertThat(run("schedule", "resume")).isEqualTo(0);
        assertThat(out).contains("run again");
        assertThat(run("schedule", "run-due")).as(err).isEqualTo(0);
        assertThat(out).contains("Nothing is due.");
        assertThat(run("schedule", "resume")).isEqualTo(0);
        assertThat(out).contains("not paused");
        assertThat(run("schedule", "pause")).isEqualTo(0);
        assertThat(out).contains("All schedules are paused:");
        assertThat(run("history", "--json")).isEqualTo(0);
        assertThat(Json.mapper().readTree(out)).isEmpty();
    }

    @Test
    void historyIsNewestFirstByStartNotByTheOrderRunsEnded() throws IOException {
        JobHistory history = new JobHistory(config, w -> { });
        Instant restoreStart = Instant.parse("2026-12-01T10:00:00Z");
        // a restore in place starts, its safety backup starts and ends inside it, then the restore ends
        history.append(JobRun.builder().id("safety").kind(JobRun.KIND_BACKUP).profile("p").database("db")
                .origin("restore:r1").startedAt(restoreStart.plusSeconds(5)).finishedAt(restoreStart.plusSeconds(20))
                .status(JobStatus.OK).sizeBytes(10).backupId("b1").build());
        history.append(JobRun.builder().id("r1").kind(JobRun.KIND_RESTORE).profile("p").database("db").origin("manual")
                .startedAt(restoreStart).finishedAt(restoreStart.plusSeconds(60)).status(JobStatus.OK).backupId("b0")
                .build());

        assertThat(run("history", "--json")).isEqualTo(0);

        assertThat(Json.mapper().readTree(out).findValuesAsText("id")).containsExactly("safety", "r1");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err).contains("Name a command");
    }

    @Test
    void backingUpAnUnknownProfileIsAUsageErrorWithAHint() {
        assertThat(run("backup", "nope")).isEqualTo(2);

        assertThat(err.lines().toList()).contains("error: There is no profile named 'nope'.")
                .anyMatch(line -> line.startsWith("hint: ") && line.contains("backupdesk profiles list"));
        assertThat(out).isEmpty();
    }

    @Test
    void addingAProfileStoresThePasswordInPgpassOnly() throws IOException {
        int code = runWithStdin("s3cret\n", "profiles", "add", "x", "--url", URL, "--password-stdin");

        assertThat(code).isEqualTo(0);
        Path pgpass = config.resolve("passwords/x.pgpass");
        assertThat(out).contains("Profile 'x' saved: u@h:5432/db; password stored in " + pgpass);
        assertThat(Files.readAllLines(pgpass)).containsExactly("h:5432:*:u:s3cret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pgpass))).isEqualTo("rw-------");
        assertThat(Files.readString(config.resolve("profiles.json"))).contains("\"x\"").doesNotContain("s3cret");
    }

    @Test
    void aPasswordInTheUrlIsStoredButWarnedAbout() throws IOException {
        assertThat(run("profiles", "add", "x", "--url", "postgresql://u:pw@h:5432/db")).isEqualTo(0);

        assertThat(err).contains("warning: the password was part of the URL");
        assertThat(Files.readAllLines(config.resolve("passwords/x.pgpass"))).containsExactly("h:5432:*:u:pw");
        assertThat(Files.readString(config.resolve("profiles.json"))).doesNotContain("pw@").doesNotContain("\"pw\"");
    }

    @Test
    void addingTheSameNameAgainReplacesTheProfile() {
        run("profiles", "add", "x", "--url", URL);

        assertThat(run("profiles", "add", "x", "--url", "postgresql://u@h:5432/other")).isEqualTo(0);
        assertThat(out).contains("Profile 'x' replaced: u@h:5432/other");
    }

    @Test
    void passwordStdinWithEmptyInputIsAUsageErrorAndSavesNothing() {
        assertThat(runWithStdin("", "profiles", "add", "x", "--url", URL, "--password-stdin")).isEqualTo(2);

        assertThat(err).contains("error: --password-stdin was given but standard input held no password.")
                .contains("hint: Pipe the password in");
        assertThat(config.resolve("profiles.json")).doesNotExist();
        assertThat(config.resolve("passwords/x.pgpass")).doesNotExist();
    }

    @Test
    void aUrlThatIsNoUrlIsAUsageError() {
        assertThat(run("profiles", "add", "x", "--url", "localhost:5432")).isEqualTo(2);
        assertThat(err).contains("error: The connection text is not a postgresql:// URI.");
    }

    @Test
    void profilesListJsonShowsTheProfileAndThatItsPasswordIsStored() throws IOException {
        runWithStdin("s3cret\n", "profiles", "add", "x", "--url", URL + "?sslmode=require", "--password-stdin");

        assertThat(run("profiles", "list", "--json")).isEqualTo(0);

        JsonNode list = Json.mapper().readTree(out);
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(1);
        JsonNode x = list.get(0);
        assertThat(x.get("name").asText()).isEqualTo("x");
        assertThat(x.get("host").asText()).isEqualTo("h");
        assertThat(x.get("port").asInt()).isEqualTo(5432);
        assertThat(x.get("database").asText()).isEqualTo("db");
        assertThat(x.get("user").asText()).isEqualTo("u");
        assertThat(x.get("sslMode").asText()).isEqualTo("require");
        assertThat(x.get("passwordStored").asBoolean()).isTrue();
        assertThat(out).doesNotContain("s3cret");
    }

    @Test
    void profilesListWithoutProfilesSaysHowToAddOne() {
        assertThat(run("profiles", "list")).isEqualTo(0);
        assertThat(out).contains("No profiles yet.");
    }

    @Test
    void removingAProfileAlsoRemovesItsStoredPassword() throws IOException {
        runWithStdin("s3cret\n", "profiles", "add", "x", "--url", URL, "--password-stdin");

        assertThat(run("profiles", "remove", "x")).isEqualTo(0);

        assertThat(out).contains("Profile 'x' removed; its backups were kept.");
        assertThat(config.resolve("passwords/x.pgpass")).doesNotExist();
        run("profiles", "list", "--json");
        assertThat(Json.mapper().readTree(out)).isEmpty();
    }

    @Test
    void removingAProfileKeepsThePasswordOfAnotherWithTheSameLogin() throws IOException {
        runWithStdin("s3cret\n", "profiles", "add", "x", "--url", URL, "--password-stdin");
        runWithStdin("other\n", "profiles", "add", "y", "--url", "postgresql://u@h:5432/other", "--password-stdin");

        assertThat(run("profiles", "remove", "x")).isEqualTo(0);

        assertThat(Files.readAllLines(config.resolve("passwords/y.pgpass"))).containsExactly("h:5432:*:u:other");
    }

    @Test
    void removingAnUnknownProfileIsAUsageError() {
        assertThat(run("profiles", "remove", "ghost")).isEqualTo(2);
        assertThat(err).contains("error: There is no profile named 'ghost'.");
    }

    @Test
    void listingAnEmptyCatalogSucceedsAndNamesTheBackupFolder() {
        assertThat(run("list")).isEqualTo(0);
        assertThat(out.trim()).isEqualTo("No backups in " + config.resolve("backups") + ".");
    }

    @Test
    void listingAnEmptyCatalogAsJsonPrintsAnEmptyArray() throws IOException {
        assertThat(run("list", "--json")).isEqualTo(0);
        assertThat(Json.mapper().readTree(out).isArray()).isTrue();
        assertThat(Json.mapper().readTree(out)).isEmpty();
    }

    @Test
    void runDueFailsEveryTimeWhileTheSchedulesCannotBeReadAndNamesTheCopySetAside() throws IOException {
        Files.writeString(config.resolve("schedules.json"), "{\"schemaVersion\":1,\"schedules\":[{broken");

        assertThat(run("schedule", "run-due")).isEqualTo(2);
        String first = err;
        assertThat(run("schedule", "run-due")).isEqualTo(2);

        assertThat(first).contains("error: The schedules could not be read; the file was set aside as "
                + config.resolve("schedules.json.corrupt-"));
        assertThat(err).contains("schedules.json.corrupt-").contains("No scheduled backup runs until it is repaired")
                .contains("hint: Repair the copy");
        try (var files = Files.list(config)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("schedules.json"))).hasSize(1);
        }
    }

    @Test
    void aRelativeBackupFolderInTheSettingsIsNamedAndTheDefaultFolderIsUsed() throws IOException {
        Files.writeString(config.resolve("settings.json"),
                "{\"schemaVersion\":1,\"backupRoot\":\"nightly\",\"rpoHours\":12}");

        assertThat(run("list")).isZero();

        assertThat(err.lines()).singleElement().asString().startsWith("warning: settings.json has a value")
                .contains("backupRoot \"nightly\" is not a full path").contains("settings.json.corrupt-");
        assertThat(out.trim()).isEqualTo("No backups in " + config.resolve("backups") + ".");
        assertThat(Files.readString(config.resolve("settings.json"))).doesNotContain("nightly").contains("\"rpoHours\" : 12");
    }

    @Test
    void oneBadSettingKeepsTheBackupFolderOfTheSettings() throws IOException {
        Path root = config.resolve("elsewhere");
        Files.writeString(config.resolve("settings.json"), "{\"schemaVersion\":1,\"backupRoot\":"
                + Json.mapper().writeValueAsString(root.toString()) + ",\"theme\":\"purple\"}");

        assertThat(run("list")).isZero();

        assertThat(out.trim()).isEqualTo("No backups in " + root + ".");
        assertThat(err).startsWith("warning: settings.json").contains("theme \"purple\" is not light or dark");
    }

    @Test
    void aToolErrorGetsTheCommandLineWordingOfItsHint() {
        var rejected = new io.backupdesk.core.BackupDeskException(io.backupdesk.core.ErrorKind.AUTHENTICATION,
                "pg_dump could not log in.", io.backupdesk.pg.ToolErrors.hintFor(io.backupdesk.core.ErrorKind.AUTHENTICATION));
        var own = io.backupdesk.core.BackupDeskException.configuration("x", "Any front.").withCommandLineHint("Use --this.");

        assertThat(rejected.hint()).doesNotContain("--");
        assertThat(BackupDeskCli.commandLineHint(rejected)).contains("'backupdesk profiles add NAME --url ... --password-stdin'");
        assertThat(BackupDeskCli.commandLineHint(own)).isEqualTo("Use --this.");
    }

    @Test
    void thePreflightFixesNameTheOptionsThatApplyThemOnTheCommandLine() {
        var sessions = io.backupdesk.restore.PreflightCheck.block(io.backupdesk.restore.CheckId.SESSIONS, "1 other session.",
                "Ask them to disconnect, or let the restore end them.");
        var roles = io.backupdesk.restore.PreflightCheck.warn(io.backupdesk.restore.CheckId.ROLES, "Roles are missing.",
                "Restore leaving out owners (no-owner) and grants (no-privileges), or create the roles first.");

        assertThat(RestorePrinter.fix(sessions)).isEqualTo("Ask them to disconnect, or let the restore end them (--terminate-sessions).");
        assertThat(RestorePrinter.fix(roles)).contains("owners (--no-owner) and grants (--no-privileges)");
        var withRolesFile = io.backupdesk.restore.PreflightCheck.warn(io.backupdesk.restore.CheckId.ROLES, "Roles are"
                + " missing.", "Restore leaving out owners (no-owner), or restore the backup's roles file first (create"
                + " the missing roles).");
        assertThat(RestorePrinter.fix(withRolesFile)).endsWith("roles file first (--roles create-missing).");
    }
}

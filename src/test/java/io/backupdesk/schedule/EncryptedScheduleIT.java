package io.backupdesk.schedule;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;
import io.backupdesk.crypto.AgeRecipient;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scheduled backups of a connection that encrypts: they need only the public key; the weekly test restore opens them
 * with a secret key stored here, and is skipped, said so, where there is none; a key removed since fails the run
 * visibly instead of writing it unencrypted.
 */
@ExtendWith(PostgresServerExtension.class)
class EncryptedScheduleIT {
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private Engine engine(Path dir) {
        return new Engine(new AppPaths(dir.resolve("config"), dir.resolve("config")), dir.resolve("backups"), problems::add);
    }

    private Schedule encryptedSchedule(Engine engine, TestServer server, String key) {
        String db = server.createDatabase();
        server.execute(db, "create table items as select generate_series(1, 1000) as id");
        ConnectionProfile profile = server.profile("prod", db).withEncryptTo(List.of(key));
        engine.profiles().save(profile);
        engine.credentials().store(profile, server.password());
        Schedule schedule = new Schedule("weekly", "prod", "0 3 * * *", "UTC", true, BackupOptions.defaults(), null,
                null, true, Instant.now());
        engine.schedules().save(schedule);
        return schedule;
    }

    @Test
    void theTestRestoreOpensAnEncryptedBackupWithTheStoredKey(TestServer server, @TempDir Path dir) {
        Engine engine = engine(dir);
        engine.keys().generate("office", null);
        Schedule schedule = encryptedSchedule(engine, server, "office");

        JobRun run = engine.scheduledBackup(problems::add).run(RunRequest.of(schedule), new Cancellation());

        BackupCatalog.Entry backup = engine.catalog().require(run.backupId());
        assertThat(backup.record().encrypted()).isTrue();
        assertThat(backup.archive().getFileName().toString()).endsWith(".dump.age");
        assertThat(backup.status()).isEqualTo(BackupStatus.VERIFIED);
        assertThat(backup.record().verification().message()).contains("weekly test restore");
        assertThat(engine.history().readAll()).filteredOn(r -> "test-restore:weekly".equals(r.origin()))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(JobStatus.OK));
        assertThat(problems).isEmpty();
    }

    @Test
    void withOnlyThePublicKeyHereTheBackupIsWrittenAndTheTestRestoreIsSkippedAndSaidSo(TestServer server,
                                                                                    @TempDir Path dir) throws Exception {
        Engine engine = engine(dir);
        String publicKey = engine.keys().generate("office", null).recipients().get(0).publicKey();
        Files.delete(engine.keys().secretFile("office"));
        Schedule schedule = encryptedSchedule(engine, server, "office");

        JobRun run = engine.scheduledBackup(problems::add).run(RunRequest.of(schedule), new Cancellation());

        assertThat(run.status()).isEqualTo(JobStatus.OK);
        BackupCatalog.Entry backup = engine.catalog().require(run.backupId());
        assertThat(backup.record().recipients()).containsExactly(publicKey);
        assertThat(backup.status()).as("read back as it was written").isEqualTo(BackupStatus.VERIFIED);
        assertThat(problems).singleElement().asString().contains("test restore").contains("skipped").contains(publicKey);
        assertThat(engine.history().readAll()).noneMatch(r -> "test-restore:weekly".equals(r.origin()));
    }

    @Test
    void aKeyRemovedSinceFailsTheRunInTheHistoryAndWritesNothingUnencrypted(TestServer server, @TempDir Path dir) {
        Engine engine = engine(dir);
        engine.keys().importRecipients("partner", List.of(AgeRecipient.parse(
                engine.keys().generate("scratch", null).recipients().get(0).publicKey())));
        Schedule schedule = encryptedSchedule(engine, server, "partner");
        engine.keys().remove("partner");

        assertThatThrownBy(() -> engine.scheduledBackup(problems::add).run(RunRequest.of(schedule), new Cancellation()))
                .hasMessageContaining("partner");

        assertThat(engine.history().readAll()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(JobStatus.FAILED);
            assertThat(r.error()).contains("partner").contains("schedule weekly");
        });
        assertThat(engine.catalog().scan()).isEmpty();
    }
}

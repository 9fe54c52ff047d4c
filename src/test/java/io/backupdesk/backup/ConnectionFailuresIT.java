package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.Leftovers;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Backups that cannot log in or reach the server fail at once, say why, and leave earlier backups alone. */
@ExtendWith(PostgresServerExtension.class)
class ConnectionFailuresIT {
    /** A run that waited for a password prompt would hang; these guards fail such a run instead. */
    private static final Duration NO_HANG = Duration.ofSeconds(30);

    @Test
    void aWrongPasswordFailsWithinSecondsAndKeepsTheEarlierBackup(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table t as select generate_series(1, 100) as id");
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        BackupRecord earlier = rig.backup(profile, BackupOptions.defaults());
        Path earlierFile = rig.catalog.require(earlier.id()).archive();
        rig.passwords.store(profile, "not-the-password");

        BackupDeskException failure = assertTimeoutPreemptively(NO_HANG, () -> backupFails(rig, profile));

        assertThat(failure.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
        assertThat(failure.getMessage()).contains(profile.describe()).doesNotContain("not-the-password");
        assertThat(failure.hint()).contains("password");
        assertThat(Sha256.ofFile(earlierFile)).isEqualTo(earlier.sha256());
        assertThat(rig.catalog.scan()).extracting(e -> e.record().id()).containsExactly(earlier.id());
        Leftovers.assertNone(rig, 1);
        assertThat(lastRun(rig).status()).isEqualTo(JobStatus.FAILED);
        assertThat(lastRun(rig).errorKind()).isEqualTo(ErrorKind.AUTHENTICATION);
    }

    @Test
    void noStoredPasswordAsksForOneInsteadOfWaiting(TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = server.profile("p", db);
        rig.profiles.save(profile);

        BackupDeskException failure = assertTimeoutPreemptively(NO_HANG, () -> backupFails(rig, profile));

        assertThat(failure.kind()).isEqualTo(ErrorKind.PASSWORD_REQUIRED);
        assertThat(failure.getMessage()).contains("none is stored");
        Leftovers.assertNone(rig, 0);
    }

    @Test
    void aPasswordAskedAtRunTimeServesOneRunFromAnOwnerOnlyFileThatIsGoneAfterwards(TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create table t as select generate_series(1, 5) as id");
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = server.profile("p", db);
        rig.profiles.save(profile);
        java.util.List<String> seenWhileRunning = new java.util.concurrent.CopyOnWriteArrayList<>();

        BackupRecord record = rig.backups.backup(new BackupService.Request(profile, BackupOptions.defaults(),
                BackupRecord.ORIGIN_MANUAL, java.util.Optional.of(server.password())), update -> {
                    for (Path file : uncheckedPassFiles(rig)) {
                        seenWhileRunning.add(mode(file) + " " + contains(file, server.password()));
                    }
                }, new io.backupdesk.core.Cancellation()).record();

        assertThat(record.tables()).extracting(t -> t.rows()).containsExactly(5L);
        assertThat(seenWhileRunning).isNotEmpty().allMatch("rw------- true"::equals);
        assertThat(rig.passwords.fileOf(profile.name())).doesNotExist();
        Leftovers.assertNone(rig, 1);
    }

    private static java.util.List<Path> uncheckedPassFiles(EngineRig rig) {
        try {
            return io.backupdesk.testing.Fixtures.filesEndingWith(rig.configDir.resolve("runs"), ".pgpass");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String mode(Path file) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file));
        } catch (java.io.IOException e) {
            return "gone";
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return java.nio.file.Files.readString(file).contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void anUnknownDatabaseIsNamedInTheMessage(TestServer server, @TempDir Path dir) throws Exception {
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", "no_such_database_here");

        BackupDeskException failure = assertTimeoutPreemptively(NO_HANG, () -> backupFails(rig, profile));

        assertThat(failure.kind()).isEqualTo(ErrorKind.UNKNOWN_DATABASE);
        assertThat(failure.getMessage()).contains("no_such_database_here");
        Leftovers.assertNone(rig, 0);
    }

    @Test
    void anUnreachableServerIsAConnectionError(TestServer server, @TempDir Path dir) throws Exception {
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = new ConnectionProfile("down", "127.0.0.1", 1, "postgres", server.user(),
                io.backupdesk.core.SslMode.PREFER, null);
        rig.profiles.save(profile);

        BackupDeskException failure = assertTimeoutPreemptively(NO_HANG, () -> backupFails(rig, profile));

        assertThat(failure.kind()).isEqualTo(ErrorKind.CONNECTION);
        assertThat(failure.getMessage()).contains("127.0.0.1:1");
        assertThat(failure.hint()).contains("running");
        Leftovers.assertNone(rig, 0);
        assertThat(lastRun(rig).status()).isEqualTo(JobStatus.FAILED);
    }

    static BackupDeskException backupFails(EngineRig rig, ConnectionProfile profile) {
        Throwable thrown = catchThrowable(() -> rig.backup(profile, BackupOptions.defaults()));
        assertThat(thrown).isInstanceOf(BackupDeskException.class);
        return (BackupDeskException) thrown;
    }

    static JobRun lastRun(EngineRig rig) {
        List<JobRun> runs = rig.history.readAll();
        return runs.get(runs.size() - 1);
    }
}

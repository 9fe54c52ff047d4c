package io.backupdesk.backup;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Compression;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.ProgressUpdate;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.Leftovers;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** Cancel and timeout stop pg_dump and its workers mid-table and leave nothing behind. */
@ExtendWith(PostgresServerExtension.class)
class InterruptedBackupIT {
    private static final int ROWS = 600_000;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = BackupFormat.class, names = {"CUSTOM", "DIRECTORY", "PLAIN"})
    void aCancelInTheMiddleStopsEverythingAndKeepsNothing(BackupFormat format, TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, ROWS);
        EngineRig rig = setup.rig();
        String db = setup.database();
        ConnectionProfile profile = setup.profile();
        Cancellation cancel = new Cancellation();
        List<ProgressUpdate> seen = new CopyOnWriteArrayList<>();
        BackupOptions slow = BackupOptions.builder().format(format).compression(Compression.parse("9"))
                .jobs(format == BackupFormat.DIRECTORY ? 2 : 1).build();

        Throwable thrown = catchThrowable(() -> rig.backup(profile, slow, update -> {
            seen.add(update);
            if (update.currentItem().contains("public.big")) {
                cancel.cancel();
            }
        }, cancel));

        assertThat(thrown).isInstanceOf(BackupDeskException.class);
        assertThat(((BackupDeskException) thrown).kind()).isEqualTo(ErrorKind.CANCELLED);
        assertThat(seen).anyMatch(u -> u.currentItem().contains("public.big"));
        assertThat(Fixtures.livePgDumpChildren()).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> ourSessions(server, db) == 0);
        Leftovers.assertNone(rig, 0);
        assertThat(rig.history.readAll()).extracting(r -> r.status()).containsExactly(JobStatus.CANCELLED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = BackupFormat.class, names = {"CUSTOM"})
    void aRunPastItsTimeLimitIsStoppedAsATimeout(BackupFormat format, TestServer server, @TempDir Path dir) throws Exception {
        Fixtures.BigTableSetup setup = Fixtures.bigTableSetup(server, dir, ROWS);
        EngineRig rig = setup.rig();
        String db = setup.database();
        ConnectionProfile profile = setup.profile();
        BackupOptions limited = BackupOptions.builder().format(format).compression(Compression.parse("9")).jobs(1)
                .timeout(Duration.ofMillis(400)).build();

        Throwable thrown = catchThrowable(() -> rig.backup(profile, limited));

        assertThat(thrown).isInstanceOf(BackupDeskException.class);
        assertThat(((BackupDeskException) thrown).kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(Fixtures.livePgDumpChildren()).isEmpty();
        Leftovers.assertNone(rig, 0);
        assertThat(rig.history.readAll()).extracting(r -> r.status()).containsExactly(JobStatus.FAILED);
    }

    private static int ourSessions(TestServer server, String db) throws Exception {
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from pg_stat_activity where application_name = 'backupdesk'"
                     + " and datname = '" + db + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

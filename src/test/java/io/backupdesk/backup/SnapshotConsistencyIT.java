package io.backupdesk.backup;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.TableCount;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The row counts in the sidecar are the rows in the dump, even while another session keeps inserting. */
@ExtendWith(PostgresServerExtension.class)
class SnapshotConsistencyIT {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = BackupFormat.class, names = {"CUSTOM", "DIRECTORY", "PLAIN"})
    void sidecarCountsEqualTheRowsInTheDumpUnderConcurrentInserts(BackupFormat format, TestServer server, @TempDir Path dir)
            throws Exception {
        String db = server.createDatabase();
        Fixtures.bigTable(server, db, 300_000);
        server.execute(db, "create table public.feed (id bigserial primary key, at timestamptz default now(), note text)");
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong inserted = new AtomicLong();
        Thread writer = new Thread(() -> insertUntilStopped(server, db, stop, inserted), "concurrent-writer");
        writer.start();
        long before;
        BackupRecord record;
        try {
            while (inserted.get() < 200) {
                Thread.sleep(10);
            }
            before = inserted.get();
            record = rig.backup(profile, BackupOptions.ofFormat(format));
        } finally {
            stop.set(true);
            writer.join();
        }

        String restored = server.createDatabase();
        PgTools.restore(server, restored, rig.catalog.require(record.id()).archive(), format);
        Map<String, Long> dumped = PgTools.rowCounts(server, restored);
        assertThat(sidecar(record)).isEqualTo(dumped);
        long live = PgTools.rowCounts(server, db).get("public.feed");
        assertThat(dumped.get("public.feed")).as("rows in the dump").isGreaterThanOrEqualTo(before).isLessThan(live);
    }

    private static void insertUntilStopped(TestServer server, String db, AtomicBoolean stop, AtomicLong inserted) {
        try (Connection c = server.connect(db);
             PreparedStatement insert = c.prepareStatement("insert into public.feed (note) values ('während')")) {
            while (!stop.get()) {
                insert.executeUpdate();
                inserted.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> sidecar(BackupRecord record) {
        Map<String, Long> rows = new TreeMap<>();
        for (TableCount t : record.tables()) {
            rows.put(t.qualifiedName(), t.rows());
        }
        return rows;
    }
}

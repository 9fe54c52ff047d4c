package io.backupdesk.jobs;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupSet;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.SslMode;
import io.backupdesk.restore.RestoreMode;
import io.backupdesk.restore.roles.RolesMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetRestoreRequestTest {
    private static final ConnectionProfile TARGET = new ConnectionProfile("db2", "db2", 5432, "postgres", "dba",
            SslMode.PREFER, null);
    private static final SetRestoreRequest.Source SET = source("set1", member("b1", "sales", "set1"),
            member("b2", "hr", "set1"));

    @Test
    void everyWrittenDatabaseIsChosenUnderItsOwnNameWhenNoneIsNamed() {
        assertThat(SetRestoreRequest.choose(SET, List.of(), Optional.empty())).containsExactly(
                new SetRestoreRequest.Choice("sales", "sales"), new SetRestoreRequest.Choice("hr", "hr"));
        assertThat(SetRestoreRequest.choose(SET, List.of("hr"), Optional.of("hr_copy")))
                .containsExactly(new SetRestoreRequest.Choice("hr", "hr_copy"));
    }

    @Test
    void onlyOneDatabaseTakesAnotherNameAndOnlyADatabaseOfTheSetIsRestored() {
        assertThatThrownBy(() -> SetRestoreRequest.choose(SET, List.of(), Optional.of("copy")))
                .isInstanceOf(BackupDeskException.class).hasMessageContaining("Only one database");
        assertThatThrownBy(() -> request(List.of(new SetRestoreRequest.Choice("payroll", "payroll")),
                RestoreMode.NEW_DATABASE)).hasMessageContaining("holds no backup of payroll")
                .hasMessageNotContaining("sales,");
        assertThatThrownBy(() -> request(List.of(new SetRestoreRequest.Choice("sales", "x"),
                new SetRestoreRequest.Choice("hr", "x")), RestoreMode.NEW_DATABASE))
                .hasMessageContaining("Two databases would be restored as x");
    }

    @Test
    void aSetIsNotRestoredInPlace() {
        assertThatThrownBy(() -> request(SetRestoreRequest.choose(SET, List.of(), Optional.empty()), RestoreMode.IN_PLACE))
                .isInstanceOf(BackupDeskException.class).hasMessageContaining("not in place")
                .satisfies(e -> assertThat(((BackupDeskException) e).commandLineHint()).contains("--mode in-place"));
    }

    @Test
    void aMemberWhoseOwnSidecarNamesAnotherSetIsRefusedBeforeAnythingIsRead() {
        SetRestoreRequest.Source crafted = source("set1", member("b1", "sales", "set1"), member("b9", "hr", "set9"));

        SetRestoreJob.requireWhole(SET);
        assertThatThrownBy(() -> SetRestoreJob.requireWhole(crafted)).isInstanceOf(BackupDeskException.class)
                .hasMessageContaining("its backup b9 of hr does not belong to it (it names the set set9)")
                .hasMessageContaining("Nothing was changed.");
    }

    private static SetRestoreRequest request(List<SetRestoreRequest.Choice> choices, RestoreMode mode) {
        return new SetRestoreRequest(SET, TARGET, choices, mode, RolesMode.CREATE_MISSING, false, false, false, Set.of());
    }

    private static SetRestoreRequest.Source source(String id, BackupCatalog.Entry... members) {
        List<BackupSet.Member> listed = java.util.Arrays.stream(members)
                .map(m -> new BackupSet.Member(m.record().database(), m.record().id(), null)).toList();
        BackupSet set = new BackupSet(BackupSet.SCHEMA_VERSION, id, "srv", "db1", 5432, "15.4", BackupFormat.CUSTOM,
                Instant.EPOCH, 0, "srv.globals.sql", "00", null, listed, List.of(), null, "manual", false, false,
                List.of());
        return new SetRestoreRequest.Source(set, Optional.empty(), List.of(members));
    }

    private static BackupCatalog.Entry member(String id, String database, String set) {
        BackupRecord record = BackupRecord.builder().id(id).profile("srv").database(database)
                .format(BackupFormat.CUSTOM).fileName(id + ".dump").set(set).build();
        return new BackupCatalog.Entry(record, Path.of("/backups/srv/" + database + "/" + id + ".backup.json"),
                BackupStatus.OK);
    }
}

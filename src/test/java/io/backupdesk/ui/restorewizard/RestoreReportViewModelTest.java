package io.backupdesk.ui.restorewizard;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Progress;
import io.backupdesk.core.RestoreRecord;
import io.backupdesk.core.SslMode;
import io.backupdesk.restore.PreflightCheck;
import io.backupdesk.restore.RestorePlan;
import io.backupdesk.restore.RestoreReport;
import io.backupdesk.jobs.SecretKeys;
import io.backupdesk.ui.SyncTaskRunner;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's rollback and drop, as the engine's records tell them which database is kept. */
class RestoreReportViewModelTest {
    private static final ConnectionProfile PROD = new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, null);
    private static final String ASIDE = "sales_before_20261206_0300";
    private static final String RESTORED = "sales_restored_20261206_0315";

    private final List<String> calls = new ArrayList<>();
    private RuntimeException failure;
    private String rollbackKeeps = RESTORED;
    private final SimpleObjectProperty<RestoreReport> report = new SimpleObjectProperty<>();
    private final SimpleStringProperty problem = new SimpleStringProperty("");
    private final RestoreReportViewModel actions = new RestoreReportViewModel(new Engine(), new SyncTaskRunner(), report,
            new SimpleObjectProperty<>(PROD), problem);

    @Test
    void beforeARollbackTheDropNamesThePreviousDatabaseAndSaysSoAsNewsNotAsAnError() {
        report.set(safeReplace());

        assertThat(actions.keptDatabaseProperty().get()).isEqualTo(ASIDE);
        assertThat(actions.dropQuestion().text()).contains(ASIDE).contains("prod").contains("cannot be undone");
        assertThat(actions.dropQuestion().action()).as("the button names the database").isEqualTo("Drop " + ASIDE);
        actions.dropOldCopy();

        assertThat(calls).containsExactly("drop r1");
        assertThat(actions.noticeProperty().get()).isEqualTo("Dropped " + ASIDE + ".");
        assertThat(problem.get()).isEmpty();
        assertThat(actions.canDropOldCopy().get()).as("nothing is left to drop").isFalse();
        assertThat(actions.keptDatabaseProperty().get()).isEmpty();
    }

    @Test
    void afterARollbackTheDropNamesTheRestoredCopyThatTheRollbackKept() {
        report.set(safeReplace());
        assertThat(actions.rollbackQuestion().text()).contains("sales").contains("prod").contains("not dropped");

        actions.rollback();

        assertThat(actions.canRollback().get()).as("once is enough").isFalse();
        assertThat(actions.keptDatabaseProperty().get()).isEqualTo(RESTORED);
        assertThat(actions.noticeProperty().get()).contains("Rolled back").contains(RESTORED);
        assertThat(actions.dropQuestion().text()).contains(RESTORED).doesNotContain(ASIDE);
        assertThat(actions.dropQuestion().action()).isEqualTo("Drop " + RESTORED);

        actions.dropOldCopy();

        assertThat(calls).containsExactly("rollback r1", "drop r1");
        assertThat(actions.noticeProperty().get()).isEqualTo("Dropped " + RESTORED + ".");
        assertThat(problem.get()).isEmpty();
    }

    @Test
    void anInPlaceRestoreHasNothingToDropUntilItsRollbackKeepsTheRestoredState() {
        report.set(new RestoreReport("r1", RestoreReport.Outcome.COMPLETE, "Complete.", "sales", List.of(), List.of(),
                List.of(), null, "safety-1", List.of()));
        rollbackKeeps = "sales_before_20261206_0320";

        assertThat(actions.canDropOldCopy().get()).isFalse();
        assertThat(actions.canRollback().get()).isTrue();
        assertThat(actions.rollbackQuestion().text()).contains("safety backup");
        actions.rollback();

        assertThat(actions.keptDatabaseProperty().get()).isEqualTo("sales_before_20261206_0320");
        assertThat(actions.canDropOldCopy().get()).isTrue();
    }

    @Test
    void aFailedDropIsAProblemAndTheDatabaseStaysOnOffer() {
        report.set(safeReplace());
        failure = new BackupDeskException(io.backupdesk.core.ErrorKind.CONFIGURATION, "Permission denied to drop "
                + ASIDE + ".", "");

        actions.dropOldCopy();

        assertThat(problem.get()).contains("Permission denied");
        assertThat(actions.noticeProperty().get()).isEmpty();
        assertThat(actions.keptDatabaseProperty().get()).isEqualTo(ASIDE);
        assertThat(actions.canDropOldCopy().get()).isTrue();
    }

    @Test
    void aFailedRestoreOffersNoRollback() {
        report.set(new RestoreReport("r1", RestoreReport.Outcome.FAILED, "Failed.", "sales", List.of(), List.of(),
                List.of(), null, null, List.of()));

        assertThat(actions.canRollback().get()).isFalse();
        assertThat(actions.canDropOldCopy().get()).isFalse();
    }

    private static RestoreReport safeReplace() {
        return new RestoreReport("r1", RestoreReport.Outcome.COMPLETE, "Complete.", "sales", List.of(), List.of(),
                List.of(), ASIDE, null, List.of());
    }

    private RestoreRecord record(String aside, Instant rolledBackAt, String restoredCopy) {
        return RestoreRecord.builder().id("r1").backupId("b1").profile("prod").database("sales").mode("safe-replace")
                .startedAt(Instant.parse("2026-12-06T03:00:00Z")).finishedAt(Instant.parse("2026-12-06T03:10:00Z"))
                .outcome("complete").asideDatabase(aside).rolledBackAt(rolledBackAt).restoredCopy(restoredCopy).build();
    }

    /** The engine's side as its records come back: a rollback keeps the restored copy, a drop forgets it. */
    private final class Engine implements RestoreOperations {
        @Override
        public List<ConnectionProfile> profiles() {
            return List.of(PROD);
        }

        @Override
        public io.backupdesk.backup.BackupCatalog.Entry importFile(Path file, String profile) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean databaseExists(ConnectionProfile profile, String database) {
            return true;
        }

        @Override
        public void requireOpenable(io.backupdesk.backup.BackupCatalog.Entry backup, SecretKeys secrets) {
        }

        @Override
        public List<PreflightCheck> preflight(RestorePlan plan, SecretKeys secrets) {
            return List.of();
        }

        @Override
        public RestoreReport restore(RestorePlan plan, SecretKeys secrets, Progress progress, Consumer<String> log, Cancellation cancel) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RestoreRecord rollback(String restoreId, ConnectionProfile target) {
            calls.add("rollback " + restoreId);
            return record(null, Instant.parse("2026-12-06T03:15:00Z"), rollbackKeeps);
        }

        @Override
        public RestoreRecord dropOldCopy(String restoreId, ConnectionProfile target) {
            if (failure != null) {
                throw failure;
            }
            calls.add("drop " + restoreId);
            return record(null, null, null);
        }

        @Override
        public Optional<Duration> backupDuration(ConnectionProfile profile, String database) {
            return Optional.empty();
        }
    }
}

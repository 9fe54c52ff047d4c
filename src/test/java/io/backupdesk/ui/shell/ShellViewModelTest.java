package io.backupdesk.ui.shell;

import io.backupdesk.ui.shell.Navigation;
import io.backupdesk.core.Cancellation;
import io.backupdesk.ui.RunningJob;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {
    private final SyncTaskRunner runner = new SyncTaskRunner();
    private final ShellViewModel shell = new ShellViewModel(new Navigation(), runner);

    @Test
    void theStatusBarIsReadyWhileNothingRuns() {
        assertThat(shell.statusText().get()).isEqualTo("Ready");
        assertThat(shell.busy().get()).isFalse();
        assertThat(shell.firstJob().get()).isNull();
    }

    @Test
    void theStatusBarFollowsTheOldestJobAndCountsTheOthers() {
        RunningJob backup = new RunningJob("Backing up prod/sales", new Cancellation());
        runner.jobs().add(backup);
        runner.jobs().add(new RunningJob("Verifying 3 backups", new Cancellation()));

        assertThat(shell.statusText().get()).isEqualTo("Backing up prod/sales  +1 more");
        assertThat(shell.busy().get()).isTrue();
        assertThat(shell.firstJob().get()).isSameAs(backup);

        shell.cancelFirst();
        assertThat(backup.isCancelled()).isTrue();
    }

    @Test
    void aFinishedJobsOutcomeStaysInTheStatusBarUntilTheNextJobStarts() {
        runner.run("Backing up prod/shop", (progress, cancel) -> "made", made ->
                shell.tellOutcome("prod/shop: 2.3 MB, verified in 4 s"), failed -> { });

        assertThat(shell.statusText().get()).as("issue 19: it said Ready").isEqualTo("prod/shop: 2.3 MB, verified in 4 s");

        RunningJob next = new RunningJob("Verifying 1 backup", new Cancellation());
        runner.jobs().add(next);
        runner.jobs().remove(next);
        assertThat(shell.statusText().get()).isEqualTo("Ready");
    }

    @Test
    void goingToAScreenChangesTheNavigation() {
        shell.go(Navigation.Screen.BACKUPS);

        assertThat(shell.navigation().current()).isEqualTo(Navigation.Screen.BACKUPS);
    }
}

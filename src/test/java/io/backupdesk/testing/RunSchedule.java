package io.backupdesk.testing;

import io.backupdesk.core.Cancellation;
import io.backupdesk.core.JobRun;
import io.backupdesk.core.JobStatus;
import io.backupdesk.core.Schedule;
import io.backupdesk.engine.AppPaths;
import io.backupdesk.engine.Engine;

import java.nio.file.Path;

/**
 * Runs one schedule now, as the scheduler does when it is due (its backup, then its retention), for screenshot scripts
 * that want backups made by a schedule without waiting for its time.
 *
 * <p>Usage: {@code RunSchedule CONFIG_DIR SCHEDULE_NAME}; exits with 1 when the run does not end OK.
 */
public final class RunSchedule {
    private RunSchedule() { }

    public static void main(String[] args) {
        Path config = Path.of(args[0]);
        Engine engine = new Engine(new AppPaths(config, config), null, System.err::println);
        Schedule schedule = engine.schedules().list().stream().filter(s -> args[1].equals(s.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no schedule named " + args[1]));
        JobRun run = engine.jobs().backup().scheduled(schedule, schedule.origin(), new Cancellation(),
                System.err::println);
        System.out.println("schedule " + args[1] + ": " + run.status());
        System.exit(run.status() == JobStatus.OK ? 0 : 1);
    }
}

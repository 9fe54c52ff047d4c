package io.backupdesk.core;

/**
 * How many parallel workers a backup or restore may ask for. Each worker is a server connection, so a typo such as
 * 100000 used up every connection the server had; 64 is pg_dump's own limit on Windows, held the same everywhere.
 */
public final class ParallelJobs {
    public static final int MAX = 64;

    private ParallelJobs() { }

    /** Refuses a worker count given by the user that is not between 1 and {@link #MAX}. */
    public static int check(int jobs) {
        if (jobs < 1 || jobs > MAX) {
            throw BackupDeskException.configuration(jobs + " parallel jobs are out of range: use 1 to " + MAX + ".",
                    "Each job is one connection to the server; a few per core of the server is plenty, e.g. 4.")
                    .withCommandLineHint("Each job is one connection to the server; a few per core of the server is"
                            + " plenty, e.g. --jobs 4.");
        }
        return jobs;
    }

    /**
     * Refuses more workers than the server has connections free for this login (pg_dump needs one more for itself).
     *
     * @param free connections the server and the role would still accept; negative when unknown
     */
    public static void checkAgainstServer(int jobs, int free, String target) {
        if (free >= 0 && jobs + 1 > free) {
            throw BackupDeskException.configuration(jobs + " parallel jobs need " + (jobs + 1) + " connections to "
                    + target + ", but only " + free + " are free.",
                    "Use fewer jobs (" + Math.max(1, free - 1) + " or less), or raise max_connections.")
                    .withCommandLineHint("Use fewer jobs (--jobs " + Math.max(1, free - 1) + " or less), or raise"
                            + " max_connections.");
        }
    }
}

package io.backupdesk.pg;

/** The PostgreSQL client programs we run. */
public enum ClientTool {
    PG_DUMP("pg_dump"), PG_DUMPALL("pg_dumpall"), PG_RESTORE("pg_restore"), PSQL("psql");

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    private final String baseName;

    ClientTool(String baseName) {
        this.baseName = baseName;
    }

    public String baseName() {
        return baseName;
    }

    public String executableName() {
        return WINDOWS ? baseName + ".exe" : baseName;
    }
}

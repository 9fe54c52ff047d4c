package io.backupdesk.testing;

import io.backupdesk.core.ConnectionProfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test data and file-system checks shared by the integration tests. */
public final class Fixtures {
    private Fixtures() { }

    /**
     * A table large enough that dumping it takes a few seconds here: time to cancel, time out or kill mid-run.
     * The text varies per row so that compression has real work to do.
     */
    public static void bigTable(TestServer server, String database, int rows) {
        server.execute(database, "create table public.big (id bigint primary key, filler text not null)");
        server.execute(database, "insert into public.big select g, md5(g::text) || md5((g * 7)::text) || md5((g * 13)::text)"
                + " || repeat(chr(65 + g % 26), 40) from generate_series(1, " + rows + ") g");
        server.execute(database, "analyze public.big");
    }

    /**
     * A fresh database with a schema of its own and two tables, 5000 orders and 300 customers, and a profile
     * {@code prod} for it on the command line's configuration.
     *
     * @return the database's name
     */
    public static String shopWithProfile(TestServer server, Cli cli) {
        String db = server.createDatabase();
        server.execute(db, "create schema shop; create table shop.orders (id int primary key, note text);"
                + " insert into shop.orders select g, 'order ' || g from generate_series(1, 5000) g;"
                + " create table shop.customers as select g as id, md5(g::text) as name from generate_series(1, 300) g");
        cli.addProfile(server, "prod", db);
        return db;
    }

    /** A fresh database holding {@link #bigTable}, and a rig with profile "p" for it. */
    public record BigTableSetup(EngineRig rig, String database, ConnectionProfile profile) { }

    public static BigTableSetup bigTableSetup(TestServer server, Path dir, int rows) {
        String db = server.createDatabase();
        bigTable(server, db, rows);
        EngineRig rig = EngineRig.standard(dir, server);
        return new BigTableSetup(rig, db, rig.addProfile("p", db));
    }

    /** Every path under the folder whose name ends with the suffix. */
    public static List<Path> filesEndingWith(Path folder, String suffix) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    /** Names of pg_dump processes started by this JVM that are still alive. */
    public static List<String> livePgDumpChildren() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().orElse(""))
                .filter(c -> c.endsWith("pg_dump") || c.endsWith("pg_dumpall"))
                .toList();
    }
}

package io.backupdesk.cli;

import io.backupdesk.testing.Cli;
import io.backupdesk.testing.TestServer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Databases and roles of one test's own, for the tests of server connections. */
final class SetFixtures {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** The two roles the databases' objects belong to; {@code member} is a member of {@code owner}. */
    record Roles(String owner, String member) { }

    private SetFixtures() { }

    /** A prefix no other test on the server uses: its include pattern picks only this test's databases. */
    static String prefix() {
        return "bdset" + ProcessHandle.current().pid() + "n" + COUNTER.incrementAndGet();
    }

    /** Creates a database of this name, dropped after the test. */
    static String database(TestServer server, String name) {
        server.adopt(name);
        server.execute("postgres", "create database " + name + " template template0");
        return name;
    }

    /**
     * Databases {@code <prefix>_a}, {@code _b} and {@code _c} with tables owned by two roles, one a member of the
     * other, the owner with a setting of its own.
     */
    static Roles threeDatabasesWithRoles(TestServer server, String prefix) {
        Roles roles = new Roles(server.createRole("ownerpw"), server.createRole("memberpw"));
        server.execute("postgres", "grant " + roles.owner() + " to " + roles.member());
        server.execute("postgres", "alter role " + roles.owner() + " set work_mem = '8MB'");
        String a = database(server, prefix + "_a");
        String b = database(server, prefix + "_b");
        String c = database(server, prefix + "_c");
        server.execute(a, "create table items as select generate_series(1, 500) as id;"
                + " alter table items owner to " + roles.owner());
        server.execute(b, "create table orders as select generate_series(1, 40) as id;"
                + " alter table orders owner to " + roles.member());
        server.execute(c, "create table notes as select generate_series(1, 3) as id, 'n' as body");
        return roles;
    }

    /** Adds a server connection {@code name} logging in as {@code user}, with these options added. */
    static void addServerProfile(Cli cli, TestServer server, String user, String password, String name,
                                 String... options) {
        List<String> args = new ArrayList<>(List.of("profiles", "add", name, "--url",
                "postgresql://" + user + "@" + server.host() + ":" + server.port() + "/", "--all-databases",
                "--password-stdin"));
        args.addAll(Arrays.asList(options));
        Cli.Run added = cli.withInput(password + "\n", args.toArray(String[]::new));
        if (added.code() != 0) {
            throw new AssertionError("profiles add " + name + " failed: " + added.err());
        }
    }
}

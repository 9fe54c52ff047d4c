package io.backupdesk.testing;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.SslMode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for one test: it hands out fresh databases and drops them when the test ends.
 * The login must be allowed to create databases.
 */
public final class TestServer {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;
    private final List<String> created = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();

    TestServer(String host, int port, String user, String password, String adminDatabase) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Creates an empty database with a unique name that is dropped after the test. */
    public String createDatabase() {
        String name = "bdtest_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        adminExecute("create database " + name + " encoding 'UTF8' template template0");
        synchronized (created) {
            created.add(name);
        }
        return name;
    }

    /** A unique database name, not created, that is dropped after the test if something created it. */
    public String reserveName() {
        String name = "bdtest_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        adopt(name);
        return name;
    }

    /** Drops this database, made by the code under test, after the test. */
    public void adopt(String database) {
        synchronized (created) {
            created.add(database);
        }
    }

    /** Creates a login role (cluster-wide, so dropped after the test with everything it owns). */
    public String createRole(String password) {
        String name = "bdrole_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        adminExecute("create role " + name + " login password '" + password.replace("'", "''") + "'");
        synchronized (roles) {
            roles.add(name);
        }
        return name;
    }

    /** A profile for this server and database, named as given. */
    public ConnectionProfile profile(String name, String database) {
        return new ConnectionProfile(name, host, port, database, user, SslMode.PREFER, null);
    }

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, props);
    }

    public void execute(String database, String sql) {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + database + ": " + sql, e);
        }
    }

    void adminExecute(String sql) {
        execute(adminDatabase, sql);
    }

    void dropCreated() {
        List<String> names;
        synchronized (created) {
            names = List.copyOf(created);
            created.clear();
        }
        for (String name : names) {
            adminExecute("drop database if exists \"" + name.replace("\"", "\"\"") + "\" with (force)");
        }
        List<String> roleNames;
        synchronized (roles) {
            roleNames = List.copyOf(roles);
            roles.clear();
        }
        for (String role : roleNames) {
            adminExecute("drop role if exists " + role);
        }
    }

    /** The environment a test uses to run the real client programs itself. */
    public java.util.Map<String, String> toolEnvironment() {
        return java.util.Map.of("PGHOST", host, "PGPORT", String.valueOf(port), "PGUSER", user, "PGPASSWORD", password);
    }
}

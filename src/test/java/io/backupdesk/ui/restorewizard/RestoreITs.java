package io.backupdesk.ui.restorewizard;

import io.backupdesk.testing.TestServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Looks at the databases a restore leaves on the test server. */
final class RestoreITs {
    private RestoreITs() { }

    static int databasesLike(TestServer server, String prefix) throws SQLException {
        int count = 0;
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select datname from pg_database")) {
            while (rs.next()) {
                if (rs.getString(1).startsWith(prefix)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The name the previous database was kept under by a safe replace. */
    static String asideOf(TestServer server, String database) throws SQLException {
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select datname from pg_database where datname like '" + database + "_before_%'")) {
            return rs.next() ? rs.getString(1) : database + "_before_none";
        }
    }
}

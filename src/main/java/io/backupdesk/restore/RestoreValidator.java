package io.backupdesk.restore;

import io.backupdesk.core.TableCount;
import io.backupdesk.pg.ConnectionFactory;
import io.backupdesk.pg.TargetServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Counts the rows of the restored database's tables, exactly, against those the backup recorded. */
final class RestoreValidator {
    private RestoreValidator() { }

    /** One comparison per table of the backup; a table that is not there has no actual count. */
    static List<TableComparison> compare(Connection restored, List<TableCount> expected, String target) {
        List<TableComparison> result = new ArrayList<>();
        try (Statement st = restored.createStatement()) {
            for (TableCount table : expected) {
                result.add(new TableComparison(table.schema(), table.name(), table.rows(), count(st, table)));
            }
        } catch (SQLException e) {
            throw ConnectionFactory.classify(e, target);
        }
        return result;
    }

    private static Long count(Statement st, TableCount table) throws SQLException {
        String exists = "select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = " + literal(table.schema()) + " and c.relname = " + literal(table.name());
        try (ResultSet rs = st.executeQuery(exists)) {
            if (!rs.next()) {
                return null;
            }
        }
        try (ResultSet rs = st.executeQuery("select count(*) from only " + TargetServer.quoteIdent(table.schema()) + "."
                + TargetServer.quoteIdent(table.name()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}

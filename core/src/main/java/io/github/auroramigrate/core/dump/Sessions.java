package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.probe.Flavor;
import io.github.auroramigrate.core.probe.ServerVersion;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Session settings of dump connections, and small query helpers. */
final class Sessions {
    private Sessions() {
    }

    /**
     * Prepares a connection: UTC time zone, long network timeouts, REPEATABLE READ, and for workers
     * {@code character_set_results = binary} so values arrive as the column's raw bytes.
     */
    static void configure(Connection c, boolean worker, Flavor flavor, ServerVersion version) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION time_zone = '+00:00'");
            s.execute("SET SESSION net_write_timeout = 3600, net_read_timeout = 3600, wait_timeout = 86400");
            s.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            s.execute("SET SESSION sql_mode = '', sql_quote_show_create = 1");
            if (flavor != Flavor.MARIADB && version.atLeast(8, 0, 0)) {
                // information_schema row and size estimates are cached for a day by default
                s.execute("SET SESSION information_schema_stats_expiry = 0");
            }
            if (worker) {
                s.execute("SET SESSION character_set_results = binary");
            }
        }
        c.setAutoCommit(true);
    }

    static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

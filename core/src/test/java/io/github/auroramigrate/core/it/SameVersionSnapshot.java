package io.github.auroramigrate.core.it;

import io.github.auroramigrate.testkit.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Everything of a schema on one server, for comparing two servers of the same version: every object's
 * {@code SHOW CREATE} text (DEFINER clauses removed, AUTO_INCREMENT counters kept) and every table's rows as a
 * multiset (count plus order-independent CRC32 sum and xor of each row's values and NULL flags, read at time zone
 * +00:00). On the same server version the server prints a definition the same way, so equal texts mean equal
 * objects.
 */
public final class SameVersionSnapshot {
    private static final Pattern DEFINER = Pattern.compile("DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*` ");

    private SameVersionSnapshot() {
    }

    /** @return "kind name" -> definition, and "rows table" -> content, sorted */
    public static Map<String, String> of(TestServer server, String schema) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = server.rootConnection(); Statement st = c.createStatement()) {
            st.execute("USE " + q(schema));
            st.execute("SET SESSION time_zone = '+00:00'");
            try {
                st.execute("SET SESSION information_schema_stats_expiry = 0");
            } catch (SQLException notOn80) {
                // 5.7 and MariaDB read AUTO_INCREMENT live
            }
            out.put("schema", show(c, "SHOW CREATE DATABASE " + q(schema), 2));
            for (String[] t : list(c, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
                    schema)) {
                if (t[1].contains("VIEW")) {
                    out.put("view " + t[0], show(c, "SHOW CREATE VIEW " + q(t[0]), 2));
                } else {
                    out.put("table " + t[0], show(c, "SHOW CREATE TABLE " + q(t[0]), 2));
                    out.put("rows " + t[0], rows(c, schema, t[0]));
                }
            }
            for (String[] r : list(c, "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES "
                    + "WHERE ROUTINE_SCHEMA = ?", schema)) {
                out.put(r[1].toLowerCase() + " " + r[0], show(c, "SHOW CREATE " + r[1] + " " + q(r[0]), 3)
                        + " | " + String.join(",", list(c, "SELECT CONCAT_WS('/', SQL_MODE, CHARACTER_SET_CLIENT, "
                        + "COLLATION_CONNECTION, DATABASE_COLLATION) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?"
                        + " AND ROUTINE_NAME = '" + r[0].replace("'", "''") + "'", schema).get(0)));
            }
            for (String[] t : list(c, "SELECT TRIGGER_NAME, CONCAT_WS('/', SQL_MODE, CHARACTER_SET_CLIENT, "
                    + "COLLATION_CONNECTION, ACTION_ORDER) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?", schema)) {
                out.put("trigger " + t[0], show(c, "SHOW CREATE TRIGGER " + q(t[0]), 3) + " | " + t[1]);
            }
            for (String[] e : list(c, "SELECT EVENT_NAME, CONCAT_WS('/', STATUS, SQL_MODE, TIME_ZONE, ON_COMPLETION) "
                    + "FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?", schema)) {
                out.put("event " + e[0], show(c, "SHOW CREATE EVENT " + q(e[0]), 4) + " | " + e[1]);
            }
        }
        return out;
    }

    private static String show(Connection c, String sql, int column) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return DEFINER.matcher(rs.getString(column)).replaceAll("");
        }
    }

    private static List<String[]> list(Connection c, String sql, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            List<String[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    private static String rows(Connection c, String schema, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        for (String[] col : list(c, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = '"
                + table.replace("'", "''") + "' ORDER BY ORDINAL_POSITION", schema)) {
            cols.add(q(col[0]));
        }
        String row = "CRC32(CONCAT_WS('#', " + String.join(", ", cols) + ", CONCAT("
                + String.join(", ", cols.stream().map(x -> "ISNULL(" + x + ")").toList()) + ")))";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(BIT_XOR(" + row
                + "), 0), COALESCE(SUM(" + row + "), 0) FROM " + q(schema) + "." + q(table))) {
            rs.next();
            return rs.getLong(1) + " rows, xor " + rs.getLong(2) + ", sum " + rs.getString(3);
        }
    }

    private static String q(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }
}

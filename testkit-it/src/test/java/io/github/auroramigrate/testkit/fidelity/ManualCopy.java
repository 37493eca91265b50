package io.github.auroramigrate.testkit.fidelity;

import io.github.auroramigrate.testkit.fidelity.internal.Names;
import io.github.auroramigrate.testkit.fidelity.internal.SqlTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a schema into another schema of the same server by hand, the way a careful DBA would: the schema's
 * charset and collation, every table from its {@code SHOW CREATE TABLE} (with its AUTO_INCREMENT counter),
 * rows by {@code INSERT ... SELECT} over the stored (non-generated, visible and invisible) columns, then
 * routines, views (in dependency order), triggers (after the data, in ACTION_ORDER) and events, each under the
 * sql_mode, character set context and time zone its {@code SHOW CREATE} reports.
 */
final class ManualCopy {
    private static final String VIEW_MODE = "STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION";

    private ManualCopy() {
    }

    static void copy(Connection c, String from, String to) throws SQLException {
        try (Statement st = c.createStatement()) {
            String[] cs = row(c, "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA"
                    + " WHERE SCHEMA_NAME = ?", from);
            st.execute("DROP DATABASE IF EXISTS " + q(to));
            st.execute("CREATE DATABASE " + q(to) + " CHARACTER SET " + cs[0] + " COLLATE " + cs[1]);
            st.execute("USE " + q(to));
            st.execute("SET NAMES utf8mb4");
            st.execute("SET foreign_key_checks = 0");
            st.execute("SET time_zone = '+00:00'");
            st.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,ALLOW_INVALID_DATES,NO_ENGINE_SUBSTITUTION,NO_AUTO_VALUE_ON_ZERO'");
            for (String t : list(c, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                    + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", from)) {
                st.execute(show(c, "SHOW CREATE TABLE " + q(from) + "." + q(t))[2]);
                List<String> cols = list(c, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
                        + " AND TABLE_NAME = '" + t.replace("'", "''") + "' AND EXTRA NOT LIKE '%VIRTUAL GENERATED%' AND EXTRA NOT LIKE '%STORED GENERATED%'"
                        + " ORDER BY ORDINAL_POSITION", from);
                String list = String.join(", ", cols.stream().map(ManualCopy::q).toList());
                st.execute("INSERT INTO " + q(to) + "." + q(t) + " (" + list + ") SELECT " + list + " FROM " + q(from) + "." + q(t));
            }
            st.execute("SET foreign_key_checks = 1");
            for (String[] r : rows(c, "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?"
                    + " ORDER BY ROUTINE_NAME", from)) {
                String[] sc = show(c, "SHOW CREATE " + r[0] + " " + q(from) + "." + q(r[1]));
                run(st, sc[2], null, sc[4], sc[5], sc[3]);
            }
            List<String> views = list(c, "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?"
                    + " ORDER BY TABLE_NAME", from);
            for (int round = 0; !views.isEmpty(); round++) {
                List<String> failed = new ArrayList<>();
                SQLException last = null;
                for (String v : views) {
                    String[] sc = show(c, "SHOW CREATE VIEW " + q(from) + "." + q(v));
                    try {
                        run(st, VIEW_MODE, null, sc[3], sc[4], sc[2].replace(q(from) + ".", q(to) + "."));
                    } catch (SQLException e) {
                        failed.add(v);
                        last = e;
                    }
                }
                if (failed.size() == views.size() && last != null) {
                    throw last;
                }
                views = failed;
            }
            for (String[] r : rows(c, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?"
                    + " ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER", from)) {
                String[] sc = show(c, "SHOW CREATE TRIGGER " + q(from) + "." + q(r[0]));
                run(st, sc[2], null, sc[4], sc[5], withoutOrderClause(sc[3]));
            }
            for (String[] r : rows(c, "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?"
                    + " ORDER BY EVENT_NAME", from)) {
                String[] sc = show(c, "SHOW CREATE EVENT " + q(from) + "." + q(r[0]));
                run(st, sc[2], sc[3], sc[5], sc[6], sc[4]);
            }
            st.execute("SET NAMES utf8mb4");
            st.execute("SET time_zone = '+00:00'");
        }
    }

    /** Triggers are created in ACTION_ORDER, so FOLLOWS/PRECEDES (which may name a trigger not yet created) go. */
    private static String withoutOrderClause(String create) {
        List<SqlTokens.Token> t = SqlTokens.tokenize(create);
        for (int i = 0; i + 4 < t.size(); i++) {
            if (t.get(i).is("for") && t.get(i + 1).is("each") && t.get(i + 2).is("row")
                    && (t.get(i + 3).is("follows") || t.get(i + 3).is("precedes"))) {
                return create.substring(0, t.get(i + 3).start()) + create.substring(t.get(i + 4).end());
            }
        }
        return create;
    }

    private static void run(Statement st, String sqlMode, String timeZone, String client, String collation, String sql)
            throws SQLException {
        if (sqlMode != null) {
            st.execute("SET SESSION sql_mode = '" + sqlMode + "'");
        }
        if (timeZone != null) {
            st.execute("SET time_zone = '" + timeZone + "'");
        }
        st.execute("SET character_set_client = " + client + ", collation_connection = " + collation);
        try {
            st.execute(sql);
        } finally {
            st.execute("SET NAMES utf8mb4");
        }
    }

    private static String q(String name) {
        return Names.quoteId(name);
    }

    private static String[] show(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            String[] out = new String[rs.getMetaData().getColumnCount() + 1];
            for (int i = 1; i < out.length; i++) {
                out[i] = rs.getString(i);
            }
            return out;
        }
    }

    private static List<String[]> rows(Connection c, String sql, String param) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] r = new String[n];
                    for (int i = 0; i < n; i++) {
                        r[i] = rs.getString(i + 1);
                    }
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static List<String> list(Connection c, String sql, String param) throws SQLException {
        return rows(c, sql, param).stream().map(r -> r[0]).toList();
    }

    private static String[] row(Connection c, String sql, String param) throws SQLException {
        return rows(c, sql, param).get(0);
    }
}

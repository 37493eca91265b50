package io.github.auroramigrate.testkit.fidelity.internal;

import com.mysql.cj.jdbc.JdbcConnection;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads every row of a table or view as canonical values. Each column is selected in a form that every
 * server prints the same way for equal values, and read through the binary protocol (a server-side
 * prepared statement) so that FLOAT and DOUBLE arrive as their exact bits:
 * <ul>
 *   <li>integers, BIT, DECIMAL, temporal types, MariaDB UUID/INET4/INET6: {@code CAST(c AS CHAR)} (BIT as
 *       {@code c + 0}), parsed; temporal values at the session time zone {@code +00:00};</li>
 *   <li>FLOAT and DOUBLE: the value itself, as its exact binary value;</li>
 *   <li>character types, ENUM, SET: {@code CAST(CONVERT(c USING utf8mb4) AS BINARY)}, i.e. decoded by the
 *       server from the column's own character set, independent of the connection's;</li>
 *   <li>JSON: its text (through utf8mb4 as above), parsed as a document;</li>
 *   <li>binary and spatial types: the stored bytes (spatial: the internal SRID + WKB form).</li>
 * </ul>
 */
public final class RowReader {
    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");
    private static final Set<String> DECIMALS = Set.of("decimal", "numeric");
    private static final Set<String> TEMPORAL = Set.of("date", "datetime", "timestamp", "time", "year");
    private static final Set<String> STRINGS = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "enum", "set");
    private static final Set<String> BINARY = Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob",
            "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
            "geometrycollection", "geomcollection");

    private RowReader() {
    }

    /** Reads all rows of {@code shape} in {@code schema}; a failing SELECT is recorded, not thrown. */
    public static TableRows read(Connection c, String schema, TableShape shape) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        List<TableShape.Column> cols = shape.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(expression(cols.get(i)));
        }
        sql.append(" FROM ").append(Names.quoteId(schema)).append('.').append(Names.quoteId(shape.name()));
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.unwrap(JdbcConnection.class).serverPrepareStatement(sql.toString());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] row = new Object[cols.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = value(rs, i + 1, cols.get(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            if (!shape.view()) {
                throw e;
            }
            return new TableRows(shape, List.of(), "error " + e.getErrorCode() + ": " + e.getMessage());
        }
        return new TableRows(shape, rows, null);
    }

    private static String expression(TableShape.Column col) {
        String c = Names.quoteId(col.name());
        String t = col.dataType();
        if (col.json()) {
            return "CAST(CONVERT(CAST(" + c + " AS CHAR) USING utf8mb4) AS BINARY)";
        }
        if (t.equals("bit")) {
            return "CAST(" + c + " + 0 AS CHAR)";
        }
        if (INTEGERS.contains(t) || DECIMALS.contains(t) || TEMPORAL.contains(t)) {
            return "CAST(" + c + " AS CHAR)";
        }
        if (t.equals("float") || t.equals("double") || t.equals("real")) {
            return c;
        }
        if (STRINGS.contains(t)) {
            return "CAST(CONVERT(" + c + " USING utf8mb4) AS BINARY)";
        }
        if (BINARY.contains(t)) {
            return c;
        }
        return "CAST(CONVERT(CAST(" + c + " AS CHAR) USING utf8mb4) AS BINARY)";
    }

    private static Object value(ResultSet rs, int i, TableShape.Column col) throws SQLException {
        String t = col.dataType();
        if (t.equals("float")) {
            float f = rs.getFloat(i);
            return rs.wasNull() ? null : f;
        }
        if (t.equals("double") || t.equals("real")) {
            double d = rs.getDouble(i);
            return rs.wasNull() ? null : d;
        }
        if (!col.json() && BINARY.contains(t)) {
            byte[] b = rs.getBytes(i);
            return b == null ? null : new Values.Bytes(b);
        }
        if (col.json() || STRINGS.contains(t) || !(INTEGERS.contains(t) || DECIMALS.contains(t)
                || TEMPORAL.contains(t) || t.equals("bit"))) {
            byte[] b = rs.getBytes(i);
            if (b == null) {
                return null;
            }
            String s = new String(b, StandardCharsets.UTF_8);
            return col.json() ? Values.json(s) : s;
        }
        String s = rs.getString(i);
        if (s == null) {
            return null;
        }
        if (INTEGERS.contains(t) || t.equals("bit")) {
            return new BigInteger(s);
        }
        if (DECIMALS.contains(t)) {
            return Values.decimal(s);
        }
        return Values.temporal(s);
    }
}

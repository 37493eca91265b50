package io.github.auroramigrate.core.internal.checksum;

import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.internal.format.ColumnTypes;
import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Computes the row checksum of docs/dump-format.md section 4 in SQL, on any MySQL 5.7+/8.x or MariaDB server:
 * over a chunk's key range, a whole table, or any predicate. The dumper computes the same value client-side, so
 * a manifest can be checked against the source, and a target against the manifest, per chunk.
 *
 * <pre>{@code
 * try (Connection c = target.connect()) {
 *     Checksum onTarget = ChunkChecksum.of(c, "target_schema", table, chunk);
 *     if (!onTarget.equals(chunk.checksum())) { ... chunk differs ... }
 * }
 * }</pre>
 *
 * <p>Sets the session's {@code time_zone} to {@code '+00:00'} (TIMESTAMPs are compared in UTC) on the
 * connection it is given. Rows must fit {@code max_allowed_packet} (CONCAT_WS limit). Stateless and thread-safe.
 */
public final class ChunkChecksum {
    private ChunkChecksum() {
    }

    /** @return the SQL expression of one row's hash over {@code columns} */
    public static String rowHashExpression(List<ColumnEntry> columns) {
        StringBuilder values = new StringBuilder();
        StringBuilder nulls = new StringBuilder();
        for (ColumnEntry c : columns) {
            String e = ColumnTypes.readExpression(c);
            values.append("CAST(").append(e).append(" AS BINARY),");
            nulls.append(nulls.isEmpty() ? "" : ",").append("ISNULL(").append(e).append(')');
        }
        return "CRC32(CONCAT_WS('#'," + values + "CONCAT(" + nulls + ")))";
    }

    /** @return the query that returns count, xor and sum for the rows of {@code schema.table} matching {@code predicate} */
    public static String query(String schema, String table, List<ColumnEntry> columns, String predicate) {
        return "SELECT COUNT(*), COALESCE(BIT_XOR(h), 0), COALESCE(SUM(h), 0) FROM (SELECT " + rowHashExpression(columns)
                + " AS h FROM " + ColumnTypes.quote(schema) + "." + ColumnTypes.quote(table) + " WHERE " + predicate + ") x";
    }

    /**
     * The checksum of the rows of one chunk of a dumped table, read from {@code schema} on this connection.
     * The table's row filter ({@link TableEntry#where()}) applies too.
     *
     * @throws io.github.auroramigrate.core.diagnose.MigrationException with a diagnosis when the query fails
     */
    public static Checksum of(Connection connection, String schema, TableEntry table, ChunkEntry chunk) {
        String range = KeyRangePredicate.sql(table.chunking().key(), chunk.lower(), chunk.upper());
        return of(connection, schema, table.name(), table.columns(), withWhere(range, table.where()));
    }

    /** The checksum of all rows of a dumped table in {@code schema} (its row filter applied). */
    public static Checksum ofTable(Connection connection, String schema, TableEntry table) {
        return of(connection, schema, table.name(), table.columns(), withWhere("1=1", table.where()));
    }

    /**
     * The checksum of the rows of {@code schema.table} that match {@code predicate}, over {@code columns}.
     *
     * @param predicate an SQL condition, e.g. {@code 1=1}
     */
    public static Checksum of(Connection connection, String schema, String table, List<ColumnEntry> columns,
            String predicate) {
        String sql = query(schema, table, columns, predicate);
        try (Statement s = connection.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                BigDecimal sum = rs.getBigDecimal(3);
                return new Checksum(rs.getLong(1), rs.getLong(2), sum.longValueExact());
            }
        } catch (SQLException e) {
            throw ErrorCatalog.toException(e, null, false);
        }
    }

    private static String withWhere(String predicate, String where) {
        return where == null || where.isBlank() ? predicate : "(" + predicate + ") AND (" + where + ")";
    }
}

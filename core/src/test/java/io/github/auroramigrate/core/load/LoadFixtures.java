package io.github.auroramigrate.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.testkit.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Test data on a real source server, flat chunks written by the server itself, and content comparison. */
final class LoadFixtures {
    static final String TABLE_DDL = "CREATE TABLE %s.t_pk (id INT PRIMARY KEY, name VARCHAR(100) CHARACTER SET utf8mb4, "
            + "note TEXT CHARACTER SET utf8mb4, amount DECIMAL(12,2), created DATETIME(3), ts TIMESTAMP NULL DEFAULT NULL, "
            + "payload BLOB, d DATE) ENGINE=InnoDB";
    static final String NOPK_DDL = "CREATE TABLE %s.t_nopk (grp INT NOT NULL, label VARCHAR(50), v BIGINT) ENGINE=InnoDB";

    private LoadFixtures() {
    }

    /** Creates t_pk (rows rows, awkward values) and t_nopk (rows/2 rows, with duplicate rows) in schema. */
    static void createSourceTables(TestServer source, String schema, int rows) throws SQLException {
        source.execute(String.format(TABLE_DDL, q(schema)), String.format(NOPK_DDL, q(schema)));
        try (Connection c = source.rootConnection(); Statement st = c.createStatement()) {
            st.execute("SET SESSION sql_mode = '', time_zone = '+00:00'");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q(schema) + ".t_pk VALUES (?,?,?,?,?,?,?,?)")) {
                for (int i = 1; i <= rows; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, i % 17 == 0 ? null : "name\t" + i + " \\ \"q\" 'x' é😀");
                    ps.setString(3, i % 11 == 0 ? "" : "line1\nline2\r\n" + "\\N".repeat(i % 3) + i);
                    ps.setBigDecimal(4, i % 13 == 0 ? null : new java.math.BigDecimal(i).movePointLeft(2).negate());
                    ps.setString(5, i % 19 == 0 ? "0000-00-00 00:00:00" : "2024-01-02 03:04:05." + (i % 1000));
                    ps.setString(6, i % 7 == 0 ? null : "2023-06-0" + (1 + i % 9) + " 12:00:00");
                    byte[] payload = new byte[i % 40];
                    for (int k = 0; k < payload.length; k++) {
                        payload[k] = (byte) (i * 31 + k * 7);
                    }
                    ps.setBytes(7, i % 23 == 0 ? null : payload);
                    ps.setString(8, i % 29 == 0 ? "0000-00-00" : "2020-02-" + (10 + i % 18));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q(schema) + ".t_nopk VALUES (?,?,?)")) {
                for (int i = 1; i <= rows / 2; i++) {
                    ps.setInt(1, i % 4);
                    ps.setString(2, i % 5 == 0 ? null : "dup" + (i % 10)); // many identical rows
                    ps.setLong(3, i % 10);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /** Writes one flat chunk per (where) clause with the source's own SELECT INTO OUTFILE and returns FileChunks. */
    static List<FileChunk> outfileChunks(TestServer source, String schema, String table, String targetSchema,
            List<String> wheres) throws SQLException {
        List<FileChunk> chunks = new ArrayList<>();
        try (Connection c = source.rootConnection(); Statement st = c.createStatement()) {
            st.execute("SET SESSION time_zone = '+00:00'");
            int n = 0;
            for (String where : wheres) {
                n++;
                Path file = source.secureFilePriv().resolve(schema + "." + table + "." + n + ".tsv");
                st.execute("SELECT * INTO OUTFILE '" + file + "' FROM " + q(schema) + "." + q(table) + " WHERE " + where);
                long rows = st.getUpdateCount();
                chunks.add(FileChunk.builder().id(table + "." + n).schema(targetSchema).table(table).file(file)
                        .crc32(FileChunk.crc32Of(file)).expectedRows(rows).build());
            }
        }
        return chunks;
    }

    /** Row count plus order-independent checksums (BIT_XOR and SUM, so duplicated rows change it) of a table. */
    static String content(Connection c, String schema, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(q(rs.getString(1)));
                }
            }
        }
        assertThat(cols).as("columns of %s.%s", schema, table).isNotEmpty();
        String row = "CRC32(CONCAT_WS('#', " + String.join(", ", cols) + ", "
                + String.join(", ", cols.stream().map(x -> "ISNULL(" + x + ")").toList()) + "))";
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION time_zone = '+00:00'");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(BIT_XOR(" + row + "), 0), COALESCE(SUM(" + row
                    + "), 0) FROM " + q(schema) + "." + q(table))) {
                rs.next();
                return rs.getLong(1) + " rows, xor " + rs.getLong(2) + ", sum " + rs.getString(3);
            }
        }
    }

    static String content(TestServer server, String schema, String table) throws SQLException {
        try (Connection c = server.rootConnection()) {
            return content(c, schema, table);
        }
    }

    static long count(TestServer server, String sql) {
        return Long.parseLong(server.queryString(sql).orElseThrow());
    }

    static String q(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    static Path copyWithBytes(Path from, Path to, byte[] bytes) throws java.io.IOException {
        Files.write(to, bytes);
        return to;
    }
}

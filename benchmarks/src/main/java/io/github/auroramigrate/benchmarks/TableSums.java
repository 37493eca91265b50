package io.github.auroramigrate.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Per-table row count and CRC32 checksum (the row hash of docs/dump-format.md section 4: CRC32 of
 * {@code CONCAT_WS('#', CAST(col AS BINARY)..., CONCAT(ISNULL(col)...))}, summarised as BIT_XOR and SUM), computed
 * in SQL on a server independently of any tool under test.
 *
 * <pre>{@code
 * Map<String, TableSums.Sum> onSource = TableSums.of(source, "bench", 2);
 * List<String> diffs = TableSums.diff(onSource, TableSums.of(target, "bench", 2));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
final class TableSums {
    /** One table's summary. */
    record Sum(long rows, long xor, String sum) {
    }

    /** Opens connections to one server. */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    private TableSums() {
    }

    /** @return table name -> sum, for every base table of {@code schema}, computed over {@code threads} connections */
    static Map<String, Sum> of(Connector server, String schema, int threads) throws Exception {
        Map<String, List<String>> columns = new TreeMap<>();
        try (Connection c = server.open(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c"
                        + " JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                        + " WHERE c.TABLE_SCHEMA = '" + schema + "' AND t.TABLE_TYPE = 'BASE TABLE'"
                        + " ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<String> names = new ArrayList<>(columns.keySet());
        Map<String, Sum> out = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<String, Sum>>> parts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int part = i;
                parts.add(pool.submit(() -> {
                    Map<String, Sum> mine = new TreeMap<>();
                    try (Connection c = server.open(); Statement st = c.createStatement()) {
                        for (int j = part; j < names.size(); j += threads) {
                            String t = names.get(j);
                            try (ResultSet rs = st.executeQuery(query(schema, t, columns.get(t)))) {
                                rs.next();
                                mine.put(t, new Sum(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3).toPlainString()));
                            }
                        }
                    }
                    return mine;
                }));
            }
            for (Future<Map<String, Sum>> f : parts) {
                out.putAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    static String query(String schema, String table, List<String> columns) {
        StringBuilder values = new StringBuilder();
        StringBuilder nulls = new StringBuilder();
        for (String c : columns) {
            String q = "`" + c + "`";
            values.append("CAST(").append(q).append(" AS BINARY),");
            nulls.append(nulls.isEmpty() ? "" : ",").append("ISNULL(").append(q).append(')');
        }
        return "SELECT COUNT(*), COALESCE(BIT_XOR(h), 0), COALESCE(SUM(h), 0) FROM (SELECT CRC32(CONCAT_WS('#'," + values
                + "CONCAT(" + nulls + "))) AS h FROM `" + schema + "`.`" + table + "`) x";
    }

    /** @return human-readable differences, empty when {@code actual} holds exactly the expected tables and rows */
    static List<String> diff(Map<String, Sum> expected, Map<String, Sum> actual) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Sum> e : expected.entrySet()) {
            Sum a = actual.get(e.getKey());
            if (a == null) {
                out.add(e.getKey() + ": missing");
            } else if (!a.equals(e.getValue())) {
                out.add(e.getKey() + ": expected " + e.getValue() + " but was " + a);
            }
        }
        for (String t : actual.keySet()) {
            if (!expected.containsKey(t)) {
                out.add(t + ": unexpected table");
            }
        }
        return out;
    }
}

package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.testkit.TestServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Test helpers: endpoints for test servers, a consistent snapshot copy with its coordinates, content checksums. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The endpoint of the account tests act as (root, or the Aurora-like master user). */
    public static Endpoint endpoint(TestServer s) {
        return Endpoint.builder().host(s.host()).port(s.port()).user(s.user()).password(s.password())
                .allowPublicKeyRetrieval(true).build();
    }

    /** The root endpoint. */
    public static Endpoint rootEndpoint(TestServer s) {
        return Endpoint.builder().host(s.host()).port(s.port()).user(s.rootUser()).password(s.rootPassword())
                .allowPublicKeyRetrieval(true).build();
    }

    /** Where a snapshot was taken: binlog coordinates and the GTID state at that point. */
    public record SnapshotPoint(BinlogPosition position, String gtids) {
    }

    /** Creates the schema on {@code target} (as its endpoint's user) and the same DDL of the given tables. */
    public static void createSchemaOn(Endpoint target, String db) throws SQLException {
        try (Connection t = target.connect(); Statement st = t.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS `" + db + "`");
        }
    }

    /**
     * Copies every table of {@code db} from the source to the target the way a consistent dump does: FLUSH TABLES WITH
     * READ LOCK, a consistent-snapshot transaction, the binlog coordinates (and GTIDs) read under the lock, UNLOCK
     * TABLES, then the rows read from the snapshot while writers go on.
     */
    public static SnapshotPoint copy(TestServer source, Endpoint target, String db) throws SQLException {
        try (Connection s = source.rootConnection(); Statement st = s.createStatement()) {
            st.execute("FLUSH TABLES WITH READ LOCK");
            st.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            st.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
            BinlogPosition pos;
            try (ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
                rs.next();
                pos = new BinlogPosition(rs.getString("File"), rs.getLong("Position"));
            }
            String gtids = source.kind().isMariaDb() ? scalar(st, "SELECT @@GLOBAL.gtid_binlog_pos")
                    : scalar(st, "SELECT @@GLOBAL.gtid_executed");
            st.execute("UNLOCK TABLES");
            createSchemaOn(target, db);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                    + db + "' AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            try (Connection t = target.connect(); Statement tst = t.createStatement()) {
                tst.execute("USE `" + db + "`");
                for (String table : tables) {
                    String ddl;
                    try (ResultSet rs = st.executeQuery("SHOW CREATE TABLE `" + db + "`.`" + table + "`")) {
                        rs.next();
                        ddl = rs.getString(2);
                    }
                    tst.execute(ddl);
                    copyRows(st, t, db, table);
                }
            }
            st.execute("COMMIT");
            return new SnapshotPoint(pos, gtids == null ? "" : gtids);
        }
    }

    private static void copyRows(Statement src, Connection t, String db, String table) throws SQLException {
        try (ResultSet rs = src.executeQuery("SELECT * FROM `" + db + "`.`" + table + "`")) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            String marks = String.join(",", java.util.Collections.nCopies(n, "?"));
            try (PreparedStatement ins = t.prepareStatement("INSERT INTO `" + db + "`.`" + table + "` VALUES (" + marks
                    + ")")) {
                int batch = 0;
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        ins.setObject(i, rs.getObject(i));
                    }
                    ins.addBatch();
                    if (++batch % 500 == 0) {
                        ins.executeBatch();
                    }
                }
                ins.executeBatch();
            }
        }
    }

    static String scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Row count and content checksum of every table in {@code db}: table -> "count:checksum". */
    public static Map<String, String> checksums(Connection c, String db) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            ps.setString(1, db);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add("IFNULL(`" + rs.getString(2) + "`, '\\\\N')");
                }
            }
        }
        Map<String, String> out = new TreeMap<>();
        try (Statement st = c.createStatement()) {
            for (Map.Entry<String, List<String>> e : columns.entrySet()) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*), COALESCE(BIT_XOR(CRC32(CONCAT_WS('|', "
                        + String.join(", ", e.getValue()) + "))), 0) FROM `" + db + "`.`" + e.getKey() + "`")) {
                    rs.next();
                    out.put(e.getKey(), rs.getLong(1) + ":" + rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** Checksums through a fresh connection of the server's test account. */
    public static Map<String, String> checksums(TestServer s, String db) throws SQLException {
        try (Connection c = s.rootConnection()) {
            return checksums(c, db);
        }
    }

    /**
     * Every row of every base table of {@code db}, as the server's text (null for NULL), ordered by all columns: the
     * exact content, for comparing source and target row by row.
     */
    public static Map<String, List<List<String>>> rows(Connection c, String db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            ps.setString(1, db);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        Map<String, List<List<String>>> out = new TreeMap<>();
        try (Statement st = c.createStatement()) {
            for (String table : tables) {
                List<List<String>> rows = new ArrayList<>();
                int n;
                try (ResultSet rs = st.executeQuery("SELECT * FROM `" + db + "`.`" + table + "` LIMIT 0")) {
                    n = rs.getMetaData().getColumnCount();
                }
                StringBuilder order = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    order.append(i == 1 ? "" : ", ").append(i);
                }
                try (ResultSet rs = st.executeQuery("SELECT * FROM `" + db + "`.`" + table + "` ORDER BY " + order)) {
                    while (rs.next()) {
                        List<String> row = new ArrayList<>(n);
                        for (int i = 1; i <= n; i++) {
                            row.add(rs.getString(i));
                        }
                        rows.add(row);
                    }
                }
                out.put(table, rows);
            }
        }
        return out;
    }

    /** Asserts that every table of {@code db} holds exactly the same rows on both servers (read as root). */
    public static void assertSameRows(TestServer source, TestServer target, String db) throws SQLException {
        Map<String, List<List<String>>> s;
        Map<String, List<List<String>>> t;
        try (Connection cs = source.rootConnection(); Connection ct = target.rootConnection()) {
            s = rows(cs, db);
            t = rows(ct, db);
        }
        assertThat(t.keySet()).as("tables of %s on the target", db).isEqualTo(s.keySet());
        for (String table : s.keySet()) {
            assertThat(t.get(table)).as("rows of %s.%s on the target vs the source", db, table)
                    .containsExactlyElementsOf(s.get(table));
        }
        assertThat(s.values().stream().mapToInt(List::size).sum()).as("rows compared").isPositive();
    }

    /**
     * Marks {@code gtids} applied on the target as root, the way a person does by hand
     * ({@code SET GLOBAL gtid_purged = '+...'} with what the target lacks), so that auto-positioning starts after them.
     */
    public static void markAppliedAsRoot(TestServer target, String gtids) {
        String missing = target.queryString("SELECT GTID_SUBTRACT('" + gtids + "', @@GLOBAL.gtid_executed)").orElse("");
        if (!missing.isBlank()) {
            target.execute("SET GLOBAL gtid_purged = '+" + missing + "'");
        }
    }

    /** Asserts that the target has executed every GTID the source has (so also any skipped one). */
    public static void assertEverySourceGtidExecuted(TestServer source, TestServer target) {
        String executed = source.queryString("SELECT @@GLOBAL.gtid_executed").orElseThrow();
        assertThat(target.queryString("SELECT GTID_SUBSET('" + executed + "', @@GLOBAL.gtid_executed)"))
                .as("every source GTID is executed on the target").contains("1");
    }

    /** Stops and forgets whatever replication an earlier test left on a target (as root). */
    public static void resetReplicaAsRoot(TestServer target) {
        boolean v8 = !target.kind().isMariaDb() && target.version().startsWith("8");
        target.execute(v8 ? "STOP REPLICA" : "STOP SLAVE", v8 ? "RESET REPLICA ALL" : "RESET SLAVE ALL");
    }

    /**
     * The end of a migration test: configures and starts {@code repl}, lets the writer commit 100 more writes, stops
     * it, waits until the target has applied everything, compares every row of {@code db}, and resets replication.
     */
    public static void replicateToTheEnd(Replication repl, Writer writer, TestServer source, TestServer target,
            String db) throws Exception {
        try {
            repl.configure();
            repl.start();
            awaitWrites(writer, 100, Duration.ofSeconds(60));
            writer.stop();
            repl.awaitCaughtUp(Duration.ofSeconds(60));
            assertSameRows(source, target, db);
        } finally {
            repl.reset();
        }
    }

    /** Waits until the writer has committed {@code more} writes beyond what it had. */
    public static void awaitWrites(Writer writer, long more, Duration timeout) {
        long goal = writer.ops() + more;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (writer.ops() < goal) {
            assertThat(System.nanoTime()).as("writer did not reach %s writes within %s", goal, timeout)
                    .isLessThan(deadline);
            sleep(20);
        }
    }

    /** Polls the status until {@code condition} holds, failing after {@code timeout}. */
    public static ReplicaStatus awaitStatus(Replication repl, Duration timeout, Predicate<ReplicaStatus> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ReplicaStatus s = repl.status();
        while (!condition.test(s)) {
            assertThat(System.nanoTime()).as("status condition not met within %s; last status %s", timeout, s)
                    .isLessThan(deadline);
            sleep(100);
            s = repl.status();
        }
        return s;
    }

    /** Sleeps between polls (never in place of a condition). */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

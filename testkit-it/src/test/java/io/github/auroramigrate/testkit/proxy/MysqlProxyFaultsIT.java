package io.github.auroramigrate.testkit.proxy;

import com.mysql.cj.jdbc.JdbcStatement;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each fault as a client (Connector/J, as the library uses it) sees it, and its counter. */
class MysqlProxyFaultsIT {
    private static TestServer server;
    private static String db;

    @BeforeAll
    static void server() {
        server = TestServers.shared(ServerKind.MYSQL_80);
        db = server.createSchema("proxy_faults");
        server.execute("CREATE TABLE " + db + ".big (id INT PRIMARY KEY, pad VARCHAR(200))",
                "SET SESSION cte_max_recursion_depth = 100000",
                "INSERT INTO " + db + ".big WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 30000)"
                        + " SELECT n, REPEAT('y', 200) FROM s");
    }

    @Test
    void resetFailsStatementsAtOnceAndRefusalRejectsNewConnections() throws Exception {
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).start();
             Connection busy = Proxied.connect(proxy, server, db, "socketTimeout=60000");
             Connection idle = Proxied.connect(proxy, server, db, "socketTimeout=60000")) {
            String busyId = Proxied.query(busy, "SELECT CONNECTION_ID()");
            CompletableFuture<String> sleeping = CompletableFuture.supplyAsync(() -> query(busy, "SELECT SLEEP(30)"));
            Proxied.await("the server runs the SLEEP", Duration.ofSeconds(10), () -> server.queryString(
                    "SELECT COUNT(*) FROM information_schema.processlist WHERE id = " + busyId + " AND info LIKE 'SELECT SLEEP%'")
                    .orElse("0").equals("1"));

            long t0 = System.nanoTime();
            assertThat(proxy.resetAll()).isEqualTo(2);
            assertThatThrownBy(() -> sleeping.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("%s", e).startsWith("08"));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
            assertThatThrownBy(() -> Proxied.query(idle, "SELECT 1")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).as("%s", e).startsWith("08"));
            Proxied.await("the server ends the reset session", Duration.ofSeconds(10), () -> server.queryString(
                    "SELECT COUNT(*) FROM information_schema.processlist WHERE id = " + busyId).orElse("1").equals("0"));
            assertThat(proxy.stats().resets()).isEqualTo(2);

            proxy.refuseConnections(true);
            long t1 = System.nanoTime();
            assertThatThrownBy(() -> Proxied.connect(proxy, server, db, "connectTimeout=20000"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("%s", e).startsWith("08"));
            assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofSeconds(3));
            assertThat(proxy.stats().connectionsRefused()).isEqualTo(1);
            proxy.refuseConnections(false);
            try (Connection again = Proxied.connect(proxy, server, db, "")) {
                assertThat(Proxied.query(again, "SELECT 'back'")).isEqualTo("back");
            }
            assertThat(proxy.stats().connectionsAccepted()).isEqualTo(4);
        }
    }

    @Test
    void blackHoleMakesClientsTimeOutAndForwardsWhatItHeldWhenSwitchedOff() throws Exception {
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).start();
             Connection patient = Proxied.connect(proxy, server, db, "");
             Connection impatient = Proxied.connect(proxy, server, db, "socketTimeout=1000")) {
            proxy.blackHole(true);
            CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> query(patient, "SELECT 'held'"));

            long t0 = System.nanoTime();
            assertThatThrownBy(() -> Proxied.query(impatient, "SELECT 1")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).as("%s", e).startsWith("08"));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
            assertThat(held).isNotDone();          // after the impatient client's whole second of waiting

            proxy.blackHole(false);
            assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo("held");
            assertThat(proxy.stats().heldByBlackHole()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void latencyIsAddedInEachDirection() throws Exception {
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).start();
             Connection c = Proxied.connect(proxy, server, db, "")) {
            proxy.latency(Duration.ofMillis(60));
            for (int i = 0; i < 3; i++) {
                assertThat(roundTrip(c)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
            }
            proxy.latency(Direction.CLIENT_TO_SERVER, Duration.ZERO);
            assertThat(roundTrip(c)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
            proxy.clearFaults();
            Duration fastest = Duration.ofHours(1);                 // the fastest of a few: robust on a busy machine
            for (int i = 0; i < 5; i++) {
                Duration d = roundTrip(c);
                fastest = d.compareTo(fastest) < 0 ? d : fastest;
            }
            assertThat(fastest).isLessThan(Duration.ofMillis(60));
        }
    }

    @Test
    void bandwidthLimitsEachDirection() throws Exception {
        int k = 300_000;
        long limit = 300_000;
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).start();
             Connection c = Proxied.connect(proxy, server, db, "")) {
            proxy.bandwidth(Direction.SERVER_TO_CLIENT, limit);
            long t0 = System.nanoTime();
            assertThat(Proxied.query(c, "SELECT REPEAT('x', " + k + ")")).hasSize(k);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(1000L * k / limit));

            proxy.clearFaults();
            proxy.bandwidth(Direction.CLIENT_TO_SERVER, limit);
            long t1 = System.nanoTime();
            assertThat(Proxied.query(c, "SELECT LENGTH('" + "z".repeat(k) + "')")).isEqualTo(String.valueOf(k));
            assertThat(Duration.ofNanos(System.nanoTime() - t1)).isGreaterThanOrEqualTo(Duration.ofMillis(1000L * k / limit));
        }
    }

    @Test
    void aCutInTheMiddleOfALoadDataLocalStreamLeavesNoPartialRows() throws Exception {
        server.execute("CREATE TABLE " + db + ".loaded (id INT PRIMARY KEY, pad VARCHAR(200))");
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            tsv.append(i).append('\t').append("p".repeat(150)).append('\n');
        }
        byte[] file = tsv.toString().getBytes(StandardCharsets.UTF_8);
        int cutAt = 6 << 20;
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).start();
             Connection c = Proxied.connect(proxy, server, db, "allowLoadLocalInfile=true");
             Statement st = c.createStatement()) {
            String id = Proxied.query(c, "SELECT CONNECTION_ID()");
            c.setAutoCommit(false);
            st.executeUpdate("INSERT INTO loaded VALUES (-1, 'same transaction')");
            proxy.cutAfter(Direction.CLIENT_TO_SERVER, cutAt);
            JdbcStatement js = st.unwrap(JdbcStatement.class);
            js.setLocalInfileInputStream(new ByteArrayInputStream(file));
            try {
                assertThatThrownBy(() -> st.executeUpdate("LOAD DATA LOCAL INFILE 'big.tsv' INTO TABLE loaded"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("%s", e).startsWith("08"));
            } finally {
                if (!st.isClosed()) {
                    js.setLocalInfileInputStream(null);
                }
            }
            assertThat(proxy.stats().byteCuts()).isEqualTo(1);
            assertThat(proxy.stats().bytesClientToServer()).isBetween((long) cutAt, (long) file.length);
            Proxied.await("the server ends the cut session", Duration.ofSeconds(30), () -> server.queryString(
                    "SELECT COUNT(*) FROM information_schema.processlist WHERE id = " + id).orElse("1").equals("0"));
            assertThat(server.queryString("SELECT COUNT(*) FROM " + db + ".loaded")).contains("0");

            try (Connection again = Proxied.connect(proxy, server, db, "allowLoadLocalInfile=true")) {
                assertThat(Proxied.query(again, "SELECT COUNT(*) FROM big")).isEqualTo("30000");
            }
        }
    }

    @Test
    void aCutInTheMiddleOfAStreamedSelectFailsTheReadAfterSomeRows() throws Exception {
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).start();
             Connection c = Proxied.connect(proxy, server, db, "");
             Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(Integer.MIN_VALUE);
            proxy.cutAfter(Direction.SERVER_TO_CLIENT, 2 << 20);
            int[] read = {0};
            assertThatThrownBy(() -> {
                try (ResultSet rs = st.executeQuery("SELECT id, pad FROM big ORDER BY id")) {
                    while (rs.next()) {
                        assertThat(rs.getInt(1)).isEqualTo(++read[0]);
                    }
                }
            }).isInstanceOfSatisfying(SQLException.class, e -> {
                // what Connector/J 8.4 reports for a connection lost while streaming rows: no 08 SQLSTATE, no
                // CommunicationsException, just the socket's failure as the cause
                assertThat(e.getSQLState()).isEqualTo("S1000");
                assertThat(e.getMessage()).startsWith("Error retrieving record");
                assertThat((Throwable) e).hasRootCauseInstanceOf(java.net.SocketException.class);
            });
            assertThat(read[0]).isBetween(1, 29_999);
            assertThat(proxy.stats().byteCuts()).isEqualTo(1);
        }
    }

    @Test
    void aQueryCutFailsOnlyThatStatement() throws Exception {
        server.execute("CREATE TABLE " + db + ".marks (id INT PRIMARY KEY)");
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).start();
             Connection doomed = Proxied.connect(proxy, server, db, "");
             Connection bystander = Proxied.connect(proxy, server, db, "")) {
            proxy.cutOnQuery(sql -> sql.contains("/* doomed */"), QueryCut.BEFORE_SENDING);
            assertThat(update(bystander, "INSERT INTO marks VALUES (1)")).isEqualTo(1);
            assertThatThrownBy(() -> update(doomed, "INSERT INTO marks VALUES (2) /* doomed */"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("%s", e).startsWith("08"));
            assertThat(update(bystander, "INSERT INTO marks VALUES (3) /* doomed */")).isEqualTo(1);   // one-shot
            assertThat(marks()).isEqualTo("1,3");                     // 2 never reached the server

            proxy.cutOnQuery(sql -> sql.contains("/* doomed */"), QueryCut.BEFORE_RESPONSE);
            try (Connection committedUnheard = Proxied.connect(proxy, server, db, "")) {
                assertThatThrownBy(() -> update(committedUnheard, "INSERT INTO marks VALUES (4) /* doomed */"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("%s", e).startsWith("08"));
            }
            assertThat(marks()).isEqualTo("1,3,4");                   // ran and committed, the client never knew
            assertThat(Proxied.query(bystander, "SELECT COUNT(*) FROM marks")).isEqualTo("3");
            assertThat(proxy.stats().queryCuts()).isEqualTo(2);
        }
    }

    @Test
    void countersFollowConnections() throws Exception {
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).start()) {
            for (int i = 0; i < 3; i++) {
                try (Connection c = DriverManager.getConnection(Proxied.url(proxy, db, ""), server.user(),
                        server.password())) {
                    assertThat(proxy.stats().connectionsOpen()).isEqualTo(1);
                    assertThat(Proxied.query(c, "SELECT " + i)).isEqualTo(String.valueOf(i));
                }
            }
            Proxied.await("all connections closed", Duration.ofSeconds(5), () -> proxy.stats().connectionsOpen() == 0);
            ProxyStats s = proxy.stats();
            assertThat(s.connectionsAccepted()).isEqualTo(3);
            assertThat(s.queries()).isGreaterThanOrEqualTo(3);
            assertThat(s.bytesClientToServer()).isPositive();
            assertThat(s.bytesServerToClient()).isGreaterThan(s.bytesClientToServer());
            assertThat(s.resets() + s.byteCuts() + s.queryCuts() + s.connectionsRefused() + s.heldByBlackHole())
                    .isZero();
        }
    }

    private static Duration roundTrip(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        Proxied.query(c, "SELECT 1");
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static String query(Connection c, String sql) {
        try {
            return Proxied.query(c, sql);
        } catch (SQLException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    private static String marks() {
        return server.queryString("SELECT GROUP_CONCAT(id ORDER BY id) FROM " + db + ".marks").orElse("");
    }
}

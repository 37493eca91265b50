package io.github.auroramigrate.testkit.proxy;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The query handler: Aurora's {@code LOAD DATA FROM S3} emulated on a real server (LOAD DATA LOCAL on the client's
 * own session and transaction, plus a bookkeeping INSERT whose OK is swallowed), synthesized answers, a replaced
 * text, a relayed result set, and a handler that throws.
 */
class MysqlProxyInterceptionIT {
    private static final Pattern FROM_S3 = Pattern.compile(
            "LOAD DATA FROM S3 (?:FILE )?'([^']*)' INTO TABLE (\\S+) (\\(.*\\))", Pattern.CASE_INSENSITIVE);
    /** What "S3" holds: object key to content. */
    private final Map<String, byte[]> bucket = new ConcurrentHashMap<>();
    private final List<String> fileNamesAsked = new CopyOnWriteArrayList<>();
    private final List<ServerResponse> swallowed = new CopyOnWriteArrayList<>();

    /** Emulates LOAD DATA FROM S3 with the rows of {@link #bucket}; passes everything else. */
    private QueryDecision loadFromS3(String sql, ProxySession session) throws Exception {
        Matcher m = FROM_S3.matcher(sql.strip());
        if (!m.matches()) {
            return QueryDecision.pass();
        }
        byte[] rows = bucket.get(m.group(1));
        if (rows == null) {
            return QueryDecision.error(63994, "HY000", "S3 API returned error: Missing Key: " + m.group(1));
        }
        ServerResponse r = session.query("LOAD DATA LOCAL INFILE '" + m.group(1) + "' INTO TABLE " + m.group(2)
                + " CHARACTER SET utf8mb4 " + m.group(3));
        if (r.kind() != ServerResponse.Kind.LOCAL_INFILE) {
            return QueryDecision.relay(r);
        }
        fileNamesAsked.add(r.fileName());
        ServerResponse loaded = session.sendLocalInfile(new ByteArrayInputStream(rows));
        if (loaded.kind() == ServerResponse.Kind.OK) {
            swallowed.add(session.query("INSERT INTO s3_history (file_name, rows_loaded) VALUES ('" + m.group(1)
                    + "', " + loaded.affectedRows() + ")"));
        }
        return QueryDecision.relay(loaded);
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, names = {"MYSQL_80", "MYSQL_57"})
    void loadDataFromS3RunsInTheClientsTransaction(ServerKind kind) throws Exception {
        TestServer server = TestServers.shared(kind);
        String db = server.createSchema("proxy_s3");
        server.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, name VARCHAR(50)) CHARSET utf8mb4",
                "CREATE TABLE " + db + ".s3_history (file_name VARCHAR(200), rows_loaded INT)");
        bucket.put("s3://bucket/rows.tsv", "1\tone\n2\tzwei ü\n3\t三\n".getBytes(StandardCharsets.UTF_8));
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).forceLocalInfile(true)
                .queryHandler(this::loadFromS3).start();
             Connection c = Proxied.connect(proxy, server, db, "");
             Statement st = c.createStatement()) {
            String load = "LOAD DATA FROM S3 FILE 's3://bucket/rows.tsv' INTO TABLE t (id, name)";

            c.setAutoCommit(false);
            assertThat(st.executeUpdate(load)).isEqualTo(3);
            assertThat(fileNamesAsked).containsExactly("s3://bucket/rows.tsv");
            assertThat(swallowed).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(ServerResponse.Kind.OK);
                assertThat(r.affectedRows()).isEqualTo(1);
            });
            assertThat(Proxied.query(c, "SELECT COUNT(*) FROM t")).isEqualTo("3");
            assertThat(Proxied.query(c, "SELECT rows_loaded FROM s3_history")).isEqualTo("3");
            c.rollback();
            assertThat(Proxied.query(c, "SELECT COUNT(*) FROM t")).isEqualTo("0");
            assertThat(Proxied.query(c, "SELECT COUNT(*) FROM s3_history")).isEqualTo("0");
            assertThat(server.queryString("SELECT COUNT(*) FROM " + db + ".t")).contains("0");

            assertThat(st.executeUpdate(load)).isEqualTo(3);
            c.commit();
            assertThat(server.queryString("SELECT GROUP_CONCAT(id, '=', name ORDER BY id) FROM " + db + ".t"))
                    .contains("1=one,2=zwei ü,3=三");
            assertThat(server.queryString("SELECT COUNT(*) FROM " + db + ".s3_history")).contains("1");

            // the client did not enable LOCAL INFILE; the proxy's capability flag let the server ask for the file
            assertThatThrownBy(() -> st.execute("LOAD DATA LOCAL INFILE 'x' INTO TABLE t"))
                    .isInstanceOf(SQLException.class);
            assertThat(proxy.stats().handlerFailures()).isZero();
        }
    }

    @Test
    void aSynthesizedErrorReachesTheClientAsIsAndTheSessionGoesOn() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_80);
        String db = server.createSchema("proxy_err");
        server.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, name VARCHAR(50))");
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).forceLocalInfile(true)
                .queryHandler(this::loadFromS3).start();
             Connection c = Proxied.connect(proxy, server, db, "");
             Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("LOAD DATA FROM S3 's3://bucket/missing.tsv' INTO TABLE t (id)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(63994);
                        assertThat(e.getSQLState()).isEqualTo("HY000");
                        assertThat(e.getMessage()).isEqualTo("S3 API returned error: Missing Key: s3://bucket/missing.tsv");
                    });
            assertThat(Proxied.query(c, "SELECT 1 + 1")).isEqualTo("2");
            assertThat(proxy.stats().handlerCalls()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void replacedTextsOkPacketsAndRelayedResultSets() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_80);
        String db = server.createSchema("proxy_answers");
        server.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, name VARCHAR(50))",
                "INSERT INTO " + db + ".t VALUES (1, 'a'), (2, NULL), (3, 'ç')");
        List<ServerResponse> seen = new CopyOnWriteArrayList<>();
        QueryHandler handler = (sql, session) -> switch (sql) {
            case "SELECT 'before'" -> QueryDecision.replace("SELECT 'after ✓'");
            case "CALL mysql.rds_noop()" -> QueryDecision.ok(7);
            case "SELECT @proxy_saw" -> {           // a statement of its own first, its OK swallowed, then pass
                seen.add(session.query("SET @proxy_saw = CONCAT('session ', CONNECTION_ID())"));
                yield QueryDecision.pass();
            }
            case "SELECT @@aurora_version" -> {
                ServerResponse rows = session.query("SELECT id, name FROM t ORDER BY id");
                seen.add(rows);
                yield QueryDecision.relay(session.query("SELECT '3.05.2' AS `@@aurora_version`"));
            }
            default -> QueryDecision.pass();
        };
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).queryHandler(handler).start();
             Connection c = Proxied.connect(proxy, server, db, "");
             Statement st = c.createStatement()) {
            assertThat(Proxied.query(c, "SELECT 'before'")).isEqualTo("after ✓");
            assertThat(st.executeUpdate("CALL mysql.rds_noop()")).isEqualTo(7);
            assertThat(Proxied.query(c, "SELECT @@aurora_version")).isEqualTo("3.05.2");
            assertThat(Proxied.query(c, "SELECT @proxy_saw")).isEqualTo("session " + Proxied.query(c, "SELECT CONNECTION_ID()"));
            assertThat(seen).hasSize(2);
            assertThat(seen.get(1).kind()).isEqualTo(ServerResponse.Kind.OK);
            assertThat(seen.subList(0, 1)).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(ServerResponse.Kind.RESULT_SET);
                assertThat(r.columnNames()).containsExactly("id", "name");
                assertThat(r.rows()).containsExactly(List.of("1", "a"), Arrays.asList("2", null), List.of("3", "ç"));
            });
            assertThat(Proxied.query(c, "SELECT COUNT(*) FROM t")).isEqualTo("3");

            // MySQL 8.0 and Connector/J 8.4 negotiate query attributes: the text is found after the attribute
            // counts (above), and a statement that carries attributes passes unread
            long calls = proxy.stats().handlerCalls();
            st.unwrap(com.mysql.cj.jdbc.JdbcStatement.class).setAttribute("trace", "abc");
            try (java.sql.ResultSet rs = st.executeQuery("SELECT 'before'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("before");
            }
            assertThat(proxy.stats().handlerCalls()).isEqualTo(calls);
        }
    }

    @Test
    void aHandlerThatThrowsClosesItsConnectionOnly() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_80);
        QueryHandler handler = (sql, session) -> {
            if (sql.equals("SELECT 'boom'")) {
                throw new IllegalStateException("handler failure on purpose");
            }
            if (sql.equals("SELECT 'assert'")) {
                assertThat(sql).as("a test's assertion in a handler, failing on purpose").isEmpty();
            }
            return QueryDecision.pass();
        };
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).queryHandler(handler).start();
             Connection doomed = Proxied.connect(proxy, server, "", "");
             Connection other = Proxied.connect(proxy, server, "", "")) {
            assertThatThrownBy(() -> Proxied.query(doomed, "SELECT 'boom'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("08"));
            assertThat(doomed.isValid(2)).isFalse();
            assertThat(Proxied.query(other, "SELECT 'still here'")).isEqualTo("still here");
            assertThat(proxy.stats().handlerFailures()).isEqualTo(1);
            Proxied.await("the failed connection closed", Duration.ofSeconds(5),
                    () -> proxy.stats().connectionsOpen() == 1);
            assertThatThrownBy(() -> Proxied.query(other, "SELECT 'assert'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("08"));
            assertThat(proxy.stats().handlerFailures()).isEqualTo(2);
        }
    }

    @Test
    void aFailingFileStreamResetsTheConnectionAndAnUnansweredRequestClosesIt() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_80);
        String db = server.createSchema("proxy_badstream");
        server.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY, name VARCHAR(50))");
        byte[] firstPart = "1\tone\n2\ttwo\n".repeat(1).getBytes(StandardCharsets.UTF_8);
        QueryHandler handler = (sql, session) -> {
            if (sql.equals("LOAD BROKEN")) {
                session.query("LOAD DATA LOCAL INFILE 'broken' INTO TABLE t");
                session.sendLocalInfile(new java.io.SequenceInputStream(new ByteArrayInputStream(firstPart),
                        new java.io.InputStream() {
                            @Override
                            public int read() throws java.io.IOException {
                                throw new java.io.IOException("the object store went away");
                            }
                        }));
                return QueryDecision.ok(2);
            }
            if (sql.equals("LOAD FORGOTTEN")) {
                session.query("LOAD DATA LOCAL INFILE 'forgotten' INTO TABLE t");
                return QueryDecision.ok(0);                        // the server's file request left unanswered
            }
            return QueryDecision.pass();
        };
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).forceLocalInfile(true)
                .queryHandler(handler).start()) {
            try (Connection c = Proxied.connect(proxy, server, db, ""); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.executeUpdate("INSERT INTO t VALUES (0, 'same transaction')");
                assertThatThrownBy(() -> st.execute("LOAD BROKEN")).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).startsWith("08"));
            }
            assertThat(proxy.stats().handlerFailures()).isEqualTo(1);
            try (Connection c = Proxied.connect(proxy, server, db, ""); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute("LOAD FORGOTTEN")).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).startsWith("08"));
            }
            assertThat(proxy.stats().handlerFailures()).isEqualTo(2);
            Proxied.await("both sessions ended on the server", Duration.ofSeconds(10), () -> server.queryString(
                    "SELECT COUNT(*) FROM information_schema.processlist WHERE db = '" + db + "'").orElse("1").equals("0"));
            assertThat(server.queryString("SELECT COUNT(*) FROM " + db + ".t")).contains("0");
        }
    }

    @Test
    void handlersRunConcurrentlyForDifferentConnections() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_80);
        int clients = 6;
        java.util.concurrent.CountDownLatch allInside = new java.util.concurrent.CountDownLatch(clients);
        QueryHandler handler = (sql, session) -> {
            if (!sql.startsWith("SELECT ") || !sql.endsWith(" /* double */")) {
                return QueryDecision.pass();
            }
            if (session.attributes().putIfAbsent("first", true) == null) {
                allInside.countDown();        // every connection's first statement waits for all the others
                if (!allInside.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    return QueryDecision.error(1105, "HY000", "handlers were not called concurrently");
                }
            }
            int n = Integer.parseInt(sql.substring(7, sql.indexOf(' ', 7)));
            return QueryDecision.relay(session.query("SELECT " + (2 * n) + " + 0 * CONNECTION_ID()"));
        };
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).queryHandler(handler).start()) {
            List<Thread> threads = new ArrayList<>();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < clients; t++) {
                int base = t * 1000;
                threads.add(new Thread(() -> {
                    try (Connection c = Proxied.connect(proxy, server, "", "")) {
                        for (int i = 0; i < 40; i++) {
                            String got = Proxied.query(c, "SELECT " + (base + i) + " /* double */");
                            if (!String.valueOf(2 * (base + i)).equals(got)) {
                                failures.add("got " + got + " for " + (base + i));
                            }
                        }
                    } catch (SQLException e) {
                        failures.add(e.toString());
                    }
                }, "proxy-it-client-" + t));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(60_000);
            }
            assertThat(failures).isEmpty();
            assertThat(allInside.getCount()).isZero();
            assertThat(proxy.stats().handlerFailures()).isZero();
        }
    }
}

package io.github.auroramigrate.testkit.proxy;

import com.mysql.cj.jdbc.JdbcStatement;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything a session does arrives through the proxy exactly: DDL, a LOAD DATA LOCAL streamed from Java, a
 * streamed SELECT of several MB, and a BLOB over 16 MiB (multi-packet framing both ways), with the proxy relaying
 * blindly and with a query handler that makes it read every statement (also on MySQL 5.7 and MariaDB 11.4).
 */
class MysqlProxyPassThroughIT {
    private static final int ROWS = 60_000;

    static Stream<Arguments> proxies() {
        return Stream.of(Arguments.of(ServerKind.MYSQL_80, false), Arguments.of(ServerKind.MYSQL_80, true),
                Arguments.of(ServerKind.MYSQL_57, true), Arguments.of(ServerKind.MARIADB_114, true));
    }

    @ParameterizedTest(name = "{0}, handler {1}")
    @MethodSource("proxies")
    void aSessionThroughTheProxySeesExactlyWhatItWrote(ServerKind kind, boolean handler) throws Exception {
        TestServer server = TestServers.shared(kind);
        String db = server.createSchema("proxy_pass");
        MysqlProxy.Builder b = MysqlProxy.to(server.host(), server.port());
        if (handler) {
            b.queryHandler((sql, session) -> QueryDecision.pass());
        }
        try (MysqlProxy proxy = b.start();
             Connection c = Proxied.connect(proxy, server, db, "allowLoadLocalInfile=true");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(100), note TEXT)");
            st.execute("CREATE TABLE b (id INT PRIMARY KEY, data LONGBLOB)");

            StringBuilder tsv = new StringBuilder();
            for (int i = 0; i < ROWS; i++) {
                tsv.append(i).append('\t').append("name-").append(i).append("-ü\t").append("x".repeat(i % 97))
                        .append('\n');
            }
            byte[] file = tsv.toString().getBytes(StandardCharsets.UTF_8);
            assertThat(file.length).as("a LOAD stream of several MB").isGreaterThan(3_000_000);
            JdbcStatement js = st.unwrap(JdbcStatement.class);
            js.setLocalInfileInputStream(new ByteArrayInputStream(file));
            try {
                assertThat(st.executeUpdate("LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE t "
                        + "CHARACTER SET utf8mb4 (id, name, note)")).isEqualTo(ROWS);
            } finally {
                js.setLocalInfileInputStream(null);
            }

            // streamed back row by row through the proxy: byte-identical to what was loaded
            StringBuilder back = new StringBuilder();
            try (Statement streaming = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                streaming.setFetchSize(Integer.MIN_VALUE);
                try (ResultSet rs = streaming.executeQuery("SELECT id, name, note FROM t ORDER BY id")) {
                    while (rs.next()) {
                        back.append(rs.getInt(1)).append('\t').append(rs.getString(2)).append('\t')
                                .append(rs.getString(3)).append('\n');
                    }
                }
            }
            assertThat(back.toString()).isEqualTo(tsv.toString());

            byte[] blob = new byte[17 * 1024 * 1024 + 123];
            new Random(42).nextBytes(blob);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO b VALUES (1, ?)")) {
                ps.setBytes(1, blob);
                ps.executeUpdate();
            }
            try (ResultSet rs = st.executeQuery("SELECT data, LENGTH(data), SHA2(data, 256) FROM b WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(2)).isEqualTo(blob.length);
                assertThat(rs.getString(3)).isEqualTo(hex(MessageDigest.getInstance("SHA-256").digest(blob)));
                try (InputStream in = rs.getBinaryStream(1)) {
                    assertThat(in.readAllBytes()).isEqualTo(blob);
                }
            }
            assertThat(proxy.stats().bytesClientToServer()).isGreaterThan(blob.length + file.length);
            assertThat(proxy.stats().bytesServerToClient()).isGreaterThan(blob.length + file.length);
            assertThat(proxy.stats().queries()).isGreaterThanOrEqualTo(6);
            assertThat(proxy.stats().handlerCalls()).isEqualTo(handler ? proxy.stats().queries() : 0);
        }
    }

    @ParameterizedTest(name = "handler {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void payloadsOfExactlyTheMaximumPacketSizeCrossBothWays(boolean handler) throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_80);
        int max = 0xFFFFFF;
        int exactRow = max - 4;        // a row of one value: 0xFD, 3 length bytes, the value
        MysqlProxy.Builder b = MysqlProxy.to(server.host(), server.port());
        if (handler) {
            b.queryHandler((sql, session) -> sql.equals("SELECT 'exact row'")
                    ? QueryDecision.relay(session.query("SELECT REPEAT('a', " + exactRow + ")"))
                    : QueryDecision.pass());
        }
        try (MysqlProxy proxy = b.start();
             Connection c = Proxied.connect(proxy, server, "", "socketTimeout=60000")) {     // a framing error: no hang
            if (handler) {      // read by the proxy, relayed renumbered: the empty packet after it must follow
                assertThat(Proxied.query(c, "SELECT 'exact row'")).hasSize(exactRow).matches("a+");
            }
            assertThat(Proxied.query(c, "SELECT REPEAT('b', " + exactRow + ")")).hasSize(exactRow);
            // COM_QUERY payloads around 0xFFFFFF bytes (1 command byte, maybe 2 attribute-count bytes, the text):
            // one of them is an exact multiple, followed by an empty packet
            String head = "SELECT LENGTH('";
            for (int n = max - 1 - head.length() - 2 - 3; n <= max - 1 - head.length() - 2 + 1; n++) {
                assertThat(Proxied.query(c, head + "c".repeat(n) + "')")).isEqualTo(String.valueOf(n));
            }
        }
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }
}

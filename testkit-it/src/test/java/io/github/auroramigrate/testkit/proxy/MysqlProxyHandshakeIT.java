package io.github.auroramigrate.testkit.proxy;

import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The handshake options: TLS and compression stripped so statements can be seen, relayed blindly otherwise;
 * a client asking for TLS after the strip is refused; CLIENT_LOCAL_FILES forced for the handler's own LOAD.
 */
class MysqlProxyHandshakeIT {
    private static final int CLIENT_SSL = 0x800;

    private static String url(MysqlProxy proxy, String params) {
        return "jdbc:mysql://127.0.0.1:" + proxy.port() + "/?" + params;
    }

    private static QueryHandler counting(AtomicInteger calls) {
        return (sql, session) -> {
            calls.incrementAndGet();
            return QueryDecision.pass();
        };
    }

    @Test
    void aPreferredClientGetsTlsThroughTheProxyUnlessItStripsIt() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_80);
        AtomicInteger calls = new AtomicInteger();
        String preferred = "sslMode=PREFERRED&allowPublicKeyRetrieval=true";
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).queryHandler(counting(calls)).start();
             Connection c = DriverManager.getConnection(url(proxy, preferred), server.user(), server.password())) {
            assertThat(Proxied.query(c, "SELECT VARIABLE_VALUE FROM performance_schema.session_status "
                    + "WHERE VARIABLE_NAME = 'Ssl_cipher'")).isNotBlank();
            assertThat(calls).hasValue(0);
            assertThat(proxy.stats().opaqueConnections()).isEqualTo(1);
            assertThat(proxy.stats().queries()).isZero();
            proxy.latency(Duration.ofMillis(50));                    // byte faults still apply
            long t0 = System.nanoTime();
            Proxied.query(c, "SELECT 1");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).stripSsl(true)
                .queryHandler(counting(calls)).start();
             Connection c = DriverManager.getConnection(url(proxy, preferred), server.user(), server.password())) {
            assertThat(Proxied.query(c, "SELECT VARIABLE_VALUE FROM performance_schema.session_status "
                    + "WHERE VARIABLE_NAME = 'Ssl_cipher'")).isEmpty();
            assertThat(calls.get()).isPositive();
            assertThat(proxy.stats().opaqueConnections()).isZero();
        }
    }

    @Test
    void theAuroraMasterUsersCachingSha2PasswordWorksInClearWithPublicKeyRetrieval() throws Exception {
        TestServer aurora = TestServers.shared(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3, "");
        assertThat(aurora.queryString("SELECT plugin FROM mysql.user WHERE user = '" + aurora.user() + "'"))
                .contains("caching_sha2_password");
        AtomicInteger calls = new AtomicInteger();
        try (MysqlProxy proxy = MysqlProxy.to(aurora.host(), aurora.port()).stripSsl(true)
                .queryHandler(counting(calls)).start()) {
            aurora.execute("FLUSH PRIVILEGES");                       // empties the cache: full authentication
            assertThatThrownBy(() -> DriverManager.getConnection(url(proxy, "sslMode=PREFERRED"), aurora.user(),
                    aurora.password()).close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage())
                            .contains("Public Key Retrieval is not allowed"));
            try (Connection c = DriverManager.getConnection(url(proxy, "sslMode=PREFERRED&allowPublicKeyRetrieval=true"),
                    aurora.user(), aurora.password())) {
                assertThat(Proxied.query(c, "SELECT CURRENT_USER()")).startsWith("master@");
                assertThat(Proxied.query(c, "SELECT VARIABLE_VALUE FROM performance_schema.session_status "
                        + "WHERE VARIABLE_NAME = 'Ssl_cipher'")).isEmpty();
            }
            assertThat(calls.get()).isPositive();
        }
    }

    @Test
    void aClientAskingForTlsAfterTheStripIsClosed() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_80);
        try (MysqlProxy plain = MysqlProxy.to(server.host(), server.port()).start();
             Socket s = new Socket("127.0.0.1", plain.port())) {
            assertThat(capabilities(greeting(s.getInputStream())) & CLIENT_SSL).as("the server offers TLS").isNotZero();
        }
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).stripSsl(true).start();
             Socket s = new Socket("127.0.0.1", proxy.port())) {
            s.setSoTimeout(5000);
            byte[] greeting = greeting(s.getInputStream());
            assertThat(capabilities(greeting) & CLIENT_SSL).isZero();
            // an SSLRequest anyway: capabilities with CLIENT_SSL, max packet, charset, 23 zero bytes; sequence id 1
            byte[] request = new byte[4 + 32];
            request[0] = 32;
            request[3] = 1;
            int caps = 0x0200 | 0x8000 | 0x80000 | CLIENT_SSL;          // PROTOCOL_41, SECURE_CONNECTION, PLUGIN_AUTH
            for (int i = 0; i < 4; i++) {
                request[4 + i] = (byte) (caps >>> (8 * i));
            }
            request[11] = 1;
            request[12] = (byte) 255;
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            assertThat(s.getInputStream().read()).as("the proxy closes the connection").isEqualTo(-1);
            Proxied.await("the connection counted closed", Duration.ofSeconds(5),
                    () -> proxy.stats().connectionsOpen() == 0);
        }
    }

    @Test
    void compressionIsRelayedBlindlyUnlessStripped() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_80);
        AtomicInteger calls = new AtomicInteger();
        String params = "sslMode=DISABLED&allowPublicKeyRetrieval=true&useCompression=true";
        for (boolean strip : new boolean[] {false, true}) {
            calls.set(0);
            try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).stripCompression(strip)
                    .queryHandler(counting(calls)).start();
                 Connection c = DriverManager.getConnection(url(proxy, params), server.user(), server.password())) {
                assertThat(Proxied.query(c, "SELECT VARIABLE_VALUE FROM performance_schema.session_status "
                        + "WHERE VARIABLE_NAME = 'Compression'")).isEqualTo(strip ? "OFF" : "ON");
                assertThat(calls.get() > 0).isEqualTo(strip);
                assertThat(proxy.stats().opaqueConnections()).isEqualTo(strip ? 0 : 1);
            }
        }
    }

    @Test
    void withoutForceLocalInfileTheServerRefusesTheHandlersLocalLoad() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_80);
        String db = server.createSchema("proxy_nolocal");
        server.execute("CREATE TABLE " + db + ".t (id INT)");
        QueryHandler handler = (sql, session) -> sql.equals("LOAD FROM ELSEWHERE")
                ? QueryDecision.relay(session.query("LOAD DATA LOCAL INFILE 'x' INTO TABLE t"))
                : QueryDecision.pass();
        try (MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).queryHandler(handler).start();
             Connection c = Proxied.connect(proxy, server, db, "");
             java.sql.Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("LOAD FROM ELSEWHERE"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).as("%s", e).isEqualTo(3948);
                        assertThat(e.getMessage()).contains("Loading local data is disabled");
                    });
            assertThat(Proxied.query(c, "SELECT 'usable'")).isEqualTo("usable");
        }
    }

    /** Reads the server's (or proxy's) first packet. */
    private static byte[] greeting(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] header = new byte[4];
        d.readFully(header);
        byte[] payload = new byte[(header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16];
        d.readFully(payload);
        return payload;
    }

    /** The lower capability flags of a protocol-10 handshake. */
    private static int capabilities(byte[] g) {
        assertThat(g[0]).as("protocol version").isEqualTo((byte) 10);
        int pos = 1;
        while (g[pos] != 0) {
            pos++;
        }
        pos += 1 + 4 + 8 + 1;
        return (g[pos] & 0xFF) | (g[pos + 1] & 0xFF) << 8;
    }
}

package io.github.auroramigrate.testkit.proxy;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** close() ends every thread and connection, also with statements held or a handler waiting; it is idempotent. */
class MysqlProxyLifecycleIT {

    @Test
    void closeEndsEveryThreadAndConnection() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_80);
        MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).start();
        int port = proxy.port();
        try (Connection a = Proxied.connect(proxy, server, "", "");
             Connection b = Proxied.connect(proxy, server, "", "")) {
            Proxied.query(a, "SELECT 1");
            assertThat(Proxied.threadsOf(port)).containsExactlyInAnyOrder("aurora-proxy-" + port + "-accept",
                    "aurora-proxy-" + port + "-1-up", "aurora-proxy-" + port + "-1-down",
                    "aurora-proxy-" + port + "-2-up", "aurora-proxy-" + port + "-2-down");
            proxy.blackHole(true);
            CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> query(b, "SELECT 'held'"));
            Proxied.await("the statement is held", Duration.ofSeconds(5), () -> proxy.stats().heldByBlackHole() == 1);

            proxy.close();
            Proxied.await("no proxy thread left", Duration.ofSeconds(5), () -> Proxied.threadsOf(port).isEmpty());
            assertThatThrownBy(() -> held.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("08"));
            assertThatThrownBy(() -> Proxied.query(a, "SELECT 1")).isInstanceOf(SQLException.class);
            assertThat(proxy.stats().connectionsOpen()).isZero();
            proxy.close();                                         // idempotent
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void closeWhileAHandlerWaitsForTheServer() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_80);
        CountDownLatch waiting = new CountDownLatch(1);
        QueryHandler handler = (sql, session) -> {
            if (!sql.equals("SELECT 'slow'")) {
                return QueryDecision.pass();
            }
            waiting.countDown();
            return QueryDecision.relay(session.query("SELECT SLEEP(60)"));
        };
        MysqlProxy proxy = MysqlProxy.to(server.host(), server.port()).queryHandler(handler).start();
        int port = proxy.port();
        try (Connection c = Proxied.connect(proxy, server, "", "")) {
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> query(c, "SELECT 'slow'"));
            assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            proxy.close();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            Proxied.await("no proxy thread left", Duration.ofSeconds(5), () -> Proxied.threadsOf(port).isEmpty());
            assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SQLException.class);
            assertThat(proxy.stats().handlerFailures()).as("a close is no handler failure").isZero();
        }
    }

    @Test
    void aServerThatIsNotThereFailsTheClientsConnect() throws Exception {
        int nothing;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            nothing = s.getLocalPort();
        }
        try (MysqlProxy proxy = MysqlProxy.to("127.0.0.1", nothing).connectTimeout(Duration.ofSeconds(2)).start()) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> java.sql.DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + proxy.port()
                    + "/?sslMode=DISABLED&connectTimeout=10000", "root", "").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("08"));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            Proxied.await("the connection closed", Duration.ofSeconds(5), () -> proxy.stats().connectionsOpen() == 0);
            assertThat(proxy.stats().connectionsAccepted()).isEqualTo(1);
        }
    }

    private static String query(Connection c, String sql) {
        try {
            return Proxied.query(c, sql);
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }
}

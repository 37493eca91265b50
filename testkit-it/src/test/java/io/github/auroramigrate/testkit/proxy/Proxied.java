package io.github.auroramigrate.testkit.proxy;

import io.github.auroramigrate.testkit.TestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.fail;

/** Helpers of the proxy ITs: JDBC connections through a proxy, polling for a condition, the proxy's threads. */
final class Proxied {
    private Proxied() {
    }

    /** A connection through {@code proxy} to {@code server}'s database {@code db}, as the server's test user. */
    static Connection connect(MysqlProxy proxy, TestServer server, String db, String params) throws SQLException {
        return DriverManager.getConnection(url(proxy, db, params), server.user(), server.password());
    }

    /** Like TestServer.jdbcUrl (TLS off, public key retrieval on), through the proxy, plus {@code params}. */
    static String url(MysqlProxy proxy, String db, String params) {
        return "jdbc:mysql://127.0.0.1:" + proxy.port() + "/" + db + "?sslMode=DISABLED&allowPublicKeyRetrieval=true"
                + (params.isEmpty() ? "" : "&" + params);
    }

    /** The first column of the first row. */
    static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("Timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }

    /** Live threads of the proxy listening on {@code port}. */
    static List<String> threadsOf(int port) {
        String prefix = "aurora-proxy-" + port + "-";
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).toList();
    }
}

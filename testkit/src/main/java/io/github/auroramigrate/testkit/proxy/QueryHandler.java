package io.github.auroramigrate.testkit.proxy;

/**
 * Sees every COM_QUERY a client sends through a {@link MysqlProxy} and decides what happens to it.
 *
 * <pre>{@code
 * QueryHandler h = (sql, session) -> sql.startsWith("SELECT @@aurora_version")
 *         ? QueryDecision.relay(session.query("SELECT '3.05.2' AS aurora_version"))
 *         : QueryDecision.pass();
 * }</pre>
 *
 * <p>Called on the connection's client-to-server thread before anything of the statement reaches the server, once
 * per statement and one statement at a time per connection; calls for different connections run concurrently,
 * so a handler shared by connections must be thread-safe. While it runs, the client waits for its answer. A
 * handler that throws (an exception, or an {@link AssertionError} of a test's assertion) or returns null has its
 * connection closed, which the client sees as a communications failure; the failure is logged at WARN and counted
 * in {@link ProxyStats#handlerFailures()}.
 */
@FunctionalInterface
public interface QueryHandler {
    /**
     * Decides what to do with one statement.
     *
     * @param sql     the statement's text, decoded as UTF-8
     * @param session the connection's session: per-connection state and the server connection, on which the
     *                handler may run its own statements first ({@link ProxySession#query})
     * @return what the proxy does with the statement
     * @throws Exception to close the connection
     */
    QueryDecision onQuery(String sql, ProxySession session) throws Exception;
}

package io.github.auroramigrate.testkit.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentMap;

/**
 * One client connection through a {@link MysqlProxy}, as a {@link QueryHandler} sees it: per-connection state
 * and the connection's own server session, on which the handler can run statements of its own (same session,
 * so same transaction, same temporary tables and session variables as the client's).
 *
 * <pre>{@code
 * ServerResponse r = session.query("LOAD DATA LOCAL INFILE 'x' INTO TABLE t (id, name)");
 * if (r.kind() == ServerResponse.Kind.LOCAL_INFILE) {
 *     r = session.sendLocalInfile(new ByteArrayInputStream("1\ta\n2\tb\n".getBytes(UTF_8)));
 * }
 * session.query("INSERT INTO history VALUES ('x')");          // its OK is swallowed
 * return QueryDecision.relay(r);                               // the client sees the LOAD's OK
 * }</pre>
 *
 * <p>{@link #query} and {@link #sendLocalInfile} may be called only by the handler's own thread while it handles
 * a statement; while it does, the server's packets go to the handler, not to the client. Every response they
 * cause must be read through them (they do), and a LOCAL INFILE request must be answered before the handler
 * returns, or the proxy closes the connection. {@link #attributes()} may be used from any thread.
 */
public interface ProxySession {
    /** The connection's number in its proxy: 1 for the first one accepted. */
    long id();

    /** State a handler keeps for this connection; empty at first, dropped with the connection. */
    ConcurrentMap<String, Object> attributes();

    /**
     * Sends {@code sql} to the server as a COM_QUERY and reads its complete response.
     *
     * @return OK, ERR, a result set, or a LOCAL INFILE request the handler must answer with
     *         {@link #sendLocalInfile} before anything else
     * @throws IOException           if the connection fails, is closed, or the server does not answer within the
     *                               proxy's {@link MysqlProxy.Builder#responseTimeout response timeout}
     * @throws IllegalStateException if called outside the handler's call, or while a LOCAL INFILE request is
     *                               unanswered
     */
    ServerResponse query(String sql) throws IOException;

    /**
     * Answers the pending LOCAL INFILE request: streams {@code data} to the server in packets of 64 KiB, then
     * the empty packet that ends the file, and reads the server's response. {@code data} is not closed.
     * If reading {@code data} fails, the connection is reset at once (so the server keeps nothing of the
     * statement) and the exception is rethrown.
     *
     * @return the server's response to the LOAD statement (OK or ERR)
     * @throws IOException           if reading {@code data} or the connection fails
     * @throws IllegalStateException if no LOCAL INFILE request is pending, or called outside the handler's call
     */
    ServerResponse sendLocalInfile(InputStream data) throws IOException;
}

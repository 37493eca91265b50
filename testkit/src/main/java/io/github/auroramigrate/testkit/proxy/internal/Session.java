package io.github.auroramigrate.testkit.proxy.internal;

import io.github.auroramigrate.testkit.proxy.ProxySession;
import io.github.auroramigrate.testkit.proxy.QueryDecision;
import io.github.auroramigrate.testkit.proxy.QueryHandler;
import io.github.auroramigrate.testkit.proxy.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@link ProxySession} of one connection, and the switch that routes the server's bytes to the query
 * handler while it has taken the connection over.
 *
 * <pre>{@code
 * QueryDecision d = session.call(handler, sql);     // client-to-server thread
 * String problem = session.release();               // null if the handler left the protocol in step
 * }</pre>
 *
 * <p>Thread-safe as documented per method: {@link #offer} and {@link #serverEnded} come from the
 * server-to-client thread, the rest from the client-to-server thread.
 */
public final class Session implements ProxySession {
    private static final int INFILE_PACKET = 64 * 1024;
    private final ProxyConnection connection;
    private final ChunkStream fromServer;
    private final PacketReader reader;
    private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();
    private final Object route = new Object();
    private boolean takenOver;
    private volatile Thread handlerThread;
    private boolean pendingInfile;
    private int nextSeq;
    private int lastStatus = Packets.SERVER_STATUS_AUTOCOMMIT;

    /** The session of {@code connection}. */
    public Session(ProxyConnection connection) {
        this.connection = connection;
        this.fromServer = new ChunkStream(connection.config().responseTimeout());
        this.reader = new PacketReader(fromServer);
    }

    @Override
    public long id() {
        return connection.id();
    }

    @Override
    public ConcurrentMap<String, Object> attributes() {
        return attributes;
    }

    /**
     * Server-to-client thread: hands {@code n} bytes of {@code buf} to the handler if it has taken over.
     *
     * @return false if the bytes are for the client
     */
    public boolean offer(byte[] buf, int n) {
        synchronized (route) {
            if (!takenOver) {
                return false;
            }
            fromServer.offer(Arrays.copyOf(buf, n));
            return true;
        }
    }

    /** The server's stream ended or the connection closed: a waiting handler reads the end. */
    public void serverEnded() {
        fromServer.end();
    }

    /** Calls {@code handler} for {@code sql} on this thread, which becomes the only one allowed to use the session. */
    public QueryDecision call(QueryHandler handler, String sql) throws Exception {
        handlerThread = Thread.currentThread();
        try {
            return handler.onQuery(sql, this);
        } finally {
            handlerThread = null;
        }
    }

    /**
     * Ends a take-over: the server's bytes go to the client again.
     *
     * @return what the handler left out of step (a pending LOCAL INFILE request, unread server bytes), or null
     */
    public String release() {
        synchronized (route) {
            takenOver = false;
        }
        if (pendingInfile) {
            pendingInfile = false;
            return "left a LOCAL INFILE request unanswered";
        }
        return fromServer.hasUnread() ? "left server packets unread" : null;
    }

    /** The server status of the last response a handler read; autocommit if none. */
    public int lastStatus() {
        return lastStatus & ~Packets.SERVER_MORE_RESULTS_EXISTS;
    }

    @Override
    public ServerResponse query(String sql) throws IOException {
        checkHandlerThread();
        if (pendingInfile) {
            throw new IllegalStateException("The server's LOCAL INFILE request is pending: answer it with "
                    + "sendLocalInfile first");
        }
        synchronized (route) {
            takenOver = true;
        }
        connection.toServer().writePacket(QueryText.comQuery(sql, connection.negotiated(Packets.CLIENT_QUERY_ATTRIBUTES)), 0);
        return read();
    }

    @Override
    public ServerResponse sendLocalInfile(InputStream data) throws IOException {
        checkHandlerThread();
        if (!pendingInfile) {
            throw new IllegalStateException("No LOCAL INFILE request is pending");
        }
        byte[] buf = new byte[INFILE_PACKET];
        int seq = nextSeq;
        while (true) {
            int n;
            try {
                n = data.readNBytes(buf, 0, buf.length);
            } catch (IOException | RuntimeException e) {
                pendingInfile = false;
                connection.abort(Counters.Counter.HANDLER_FAILURES, "reading the handler's LOCAL INFILE data "
                        + "failed (" + e + "); reset so that the server keeps nothing of the statement");
                throw e;
            }
            if (n == 0) {
                break;
            }
            seq = connection.toServer().writePacket(n == buf.length ? buf : Arrays.copyOf(buf, n), seq);
        }
        connection.toServer().writePacket(new byte[0], seq);
        pendingInfile = false;
        return read();
    }

    private ServerResponse read() throws IOException {
        Response r = Response.read(reader, connection.negotiated(Packets.CLIENT_DEPRECATE_EOF),
                connection.negotiated(Packets.CLIENT_SESSION_TRACK));
        if (r.kind() == ServerResponse.Kind.LOCAL_INFILE) {
            pendingInfile = true;
            nextSeq = (reader.lastSequenceId() + 1) & 0xFF;
        } else if (r.kind() != ServerResponse.Kind.ERROR) {
            lastStatus = r.status();
        }
        return r;
    }

    private void checkHandlerThread() {
        if (handlerThread != Thread.currentThread()) {
            throw new IllegalStateException("A ProxySession is usable only by its query handler, on the handler's "
                    + "thread, while the handler runs");
        }
    }
}

package io.github.auroramigrate.testkit.proxy.internal;

import io.github.auroramigrate.testkit.proxy.QueryCut;
import io.github.auroramigrate.testkit.proxy.QueryDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Objects;

/**
 * The client-to-server side of one connection: relays the client's packets, adjusts its handshake response,
 * and finds the COM_QUERY commands to cut or hand to the query handler.
 *
 * <p>Command detection without the server's side of the conversation: after the handshake response, a packet
 * with sequence id 0 that continues no packet (a payload of 0xFFFFFF bytes continues in the next) is a command,
 * unless the client is streaming a LOCAL INFILE file, whose packets run on from the COM_QUERY's sequence id (and
 * wrap through 0); such a stream is recognised as client packets after a COM_QUERY that are not commands, and it
 * ends at the empty packet. This holds for clients that wait for each response before the next command
 * (Connector/J, the MySQL and MariaDB clients).
 *
 * <pre>{@code
 * new ClientPump(connection, new PacketReader(new BufferedInputStream(client.getInputStream()))).run();
 * }</pre>
 *
 * <p>Not thread-safe: it runs on the connection's client-to-server thread.
 */
final class ClientPump {
    private static final Logger LOG = LoggerFactory.getLogger(ClientPump.class);
    private static final int CHUNK = 64 * 1024;
    private final ProxyConnection connection;
    private final PacketReader in;
    private final byte[] chunk = new byte[CHUNK];

    ClientPump(ProxyConnection connection, PacketReader in) {
        this.connection = connection;
        this.in = in;
    }

    void run() throws IOException {
        byte[] first = in.readLogical();
        if (first != null && handshake(first, in.lastSequenceId())) {
            commands();
        }
    }

    /** Relays the handshake response; false if the connection went opaque or closed. */
    private boolean handshake(byte[] response, int seq) throws IOException {
        ProxyConfig config = connection.config();
        int flags = response.length >= 4 ? Packets.int4(response, 0) : 0;
        connection.clientCapabilities(flags);
        if ((flags & Packets.CLIENT_SSL) != 0) {
            if (config.stripSsl()) {
                LOG.warn("{}: the client asked for TLS although the proxy removed CLIENT_SSL from the server's "
                        + "handshake (stripSsl); the proxy cannot read TLS, closing the connection", connection);
                connection.close();
                return false;
            }
            opaque("TLS", response, seq);
            return false;
        }
        byte[] out = response;
        if (config.forceLocalInfile() && (flags & Packets.CLIENT_PROTOCOL_41) != 0
                && (flags & Packets.CLIENT_LOCAL_FILES) == 0) {
            out = response.clone();
            Packets.putInt4(out, 0, flags | Packets.CLIENT_LOCAL_FILES);
        }
        if (connection.negotiated(Packets.CLIENT_COMPRESS | Packets.CLIENT_ZSTD_COMPRESSION)) {
            opaque("the compressed protocol", out, seq);
            return false;
        }
        connection.toServer().writePacket(out, seq);
        return true;
    }

    private void opaque(String why, byte[] response, int seq) throws IOException {
        connection.counters().add(Counters.Counter.OPAQUE, 1);
        LOG.info("{}: {}; relayed as opaque bytes (byte faults apply, queries are not seen)", connection, why);
        connection.toServer().writePacket(response, seq);
        int n;
        while ((n = in.stream().read(chunk)) >= 0) {
            connection.toServer().write(chunk, 0, n);
        }
    }

    private void commands() throws IOException {
        boolean afterQuery = false;
        boolean infile = false;
        boolean continuation = false;
        int length;
        while ((length = in.readHeader()) >= 0) {
            boolean continues = length == Packets.MAX_PAYLOAD;
            if (!continuation && !infile && in.lastSequenceId() == 0) {
                byte[] command = new byte[Math.min(1, length)];
                in.readFully(command, 0, command.length);
                afterQuery = command.length == 1 && command[0] == Packets.COM_QUERY;
                if (afterQuery) {
                    connection.counters().add(Counters.Counter.QUERIES, 1);
                    if (connection.interceptsQueries()) {
                        query(in.readLogicalRest(length, command));
                        continuation = false;
                        continue;
                    }
                }
                forward(length, command);
            } else {
                infile |= !continuation && afterQuery;
                forward(length, new byte[0]);
                if (infile && !continuation && length == 0) {
                    infile = false;
                    afterQuery = false;
                }
            }
            continuation = continues;
        }
    }

    /** Forwards the current physical packet: its header and {@code length} payload bytes, some already read. */
    private void forward(int length, byte[] already) throws IOException {
        int firstPart = Math.min(length, CHUNK - 4);
        byte[] buf = new byte[4 + firstPart];
        System.arraycopy(in.lastHeader(), 0, buf, 0, 4);
        System.arraycopy(already, 0, buf, 4, already.length);
        in.readFully(buf, 4 + already.length, firstPart - already.length);
        connection.toServer().write(buf, 0, buf.length);
        for (int left = length - firstPart; left > 0; ) {
            int n = Math.min(left, CHUNK);
            in.readFully(chunk, 0, n);
            connection.toServer().write(chunk, 0, n);
            left -= n;
        }
    }

    private void query(byte[] payload) throws IOException {
        QueryText q = QueryText.parse(payload, connection.negotiated(Packets.CLIENT_QUERY_ATTRIBUTES));
        if (q == null) {
            LOG.debug("{}: a COM_QUERY with query attributes, passed on unread", connection);
            connection.toServer().writePacket(payload, 0);
            return;
        }
        if (cut(q.sql())) {
            return;
        }
        if (connection.config().handler() == null) {
            connection.toServer().writePacket(payload, 0);
            return;
        }
        connection.counters().add(Counters.Counter.HANDLER_CALLS, 1);
        Session session = connection.session();
        QueryDecision d;
        String problem;
        try {
            d = Objects.requireNonNull(session.call(connection.config().handler(), q.sql()),
                    "the query handler returned null");
        } catch (Exception | AssertionError e) {      // a test's assertion inside its handler fails like a throw
            session.release();
            if (!connection.isClosed()) {
                handlerFailed("threw on a " + QueryText.verb(q.sql()) + " statement", e);
            }
            return;
        }
        problem = session.release();
        if (problem != null) {
            handlerFailed(problem + " (" + QueryText.verb(q.sql()) + " statement)", null);
            return;
        }
        switch (d.kind()) {
            case PASS -> connection.toServer().writePacket(payload, 0);
            case REPLACE -> connection.toServer().writePacket(q.withText(d.text()), 0);
            case RELAY -> {
                int seq = 1;
                for (byte[] p : d.response().packets()) {
                    seq = connection.toClient().writePacket(p, seq);
                }
            }
            case OK -> connection.toClient().writePacket(Packets.ok(d.affectedRows(), 0, session.lastStatus(), 0), 1);
            case ERROR -> connection.toClient().writePacket(Packets.err(d.errorCode(), d.sqlState(), d.text()), 1);
        }
    }

    /** Applies an armed query cut; true if the connection was cut before the statement was sent. */
    private boolean cut(String sql) {
        Faults.QueryRule rule;
        try {
            rule = connection.faults().takeQueryCut(sql);
        } catch (RuntimeException e) {
            LOG.warn("{}: the cutOnQuery predicate threw; treated as no match", connection, e);
            return false;
        }
        if (rule == null) {
            return false;
        }
        if (rule.point() == QueryCut.BEFORE_SENDING) {
            connection.abort(Counters.Counter.QUERY_CUTS, "cut before a matching " + QueryText.verb(sql)
                    + " statement reached the server");
            return true;
        }
        LOG.info("{}: a matching {} statement goes to the server; the connection is cut at its response",
                connection, QueryText.verb(sql));
        connection.toClient().cutBeforeNextWrite();
        return false;
    }

    private void handlerFailed(String what, Throwable e) {
        connection.counters().add(Counters.Counter.HANDLER_FAILURES, 1);
        LOG.warn("{}: the query handler {}; closing the connection", connection, what, e);
        connection.close();
    }
}

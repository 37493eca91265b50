package io.github.auroramigrate.testkit.proxy.internal;

import io.github.auroramigrate.testkit.proxy.Direction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One client connection through the proxy and its own server connection, with two daemon threads:
 * {@code <prefix>-<id>-up} (client to server: connects, then runs a {@link ClientPump}) and
 * {@code <prefix>-<id>-down} (server to client: adjusts the server's handshake, then relays raw chunks, or hands
 * them to the query handler while it has taken over).
 *
 * <pre>{@code
 * ProxyConnection c = new ProxyConnection(7, accepted, config, faults, counters, open::remove);
 * c.start();
 * c.abort(Counters.Counter.RESETS, "reset by resetAll");
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ProxyConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyConnection.class);
    private static final int CHUNK = 64 * 1024;
    private final long id;
    private final Socket client;
    private final ProxyConfig config;
    private final Faults faults;
    private final Counters counters;
    private final Consumer<ProxyConnection> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Session session;
    private final Thread up;
    private Socket server;
    private Thread down;
    private volatile Link toServer;
    private volatile Link toClient;
    private volatile int serverCapabilities;
    private volatile int clientCapabilities;

    /** A connection for the accepted {@code client} socket; {@code onClose} runs once when it closes. */
    public ProxyConnection(long id, Socket client, ProxyConfig config, Faults faults, Counters counters,
                           Consumer<ProxyConnection> onClose) {
        this.id = id;
        this.client = client;
        this.config = config;
        this.faults = faults;
        this.counters = counters;
        this.onClose = onClose;
        this.session = new Session(this);
        this.up = new Thread(this::runUp, config.threadPrefix() + "-" + id + "-up");
        this.up.setDaemon(true);
        counters.add(Counters.Counter.OPEN, 1);          // open from acceptance until shut
    }

    /** Starts the connection's threads (unless it was closed already): it connects to the server and relays. */
    public synchronized void start() {
        if (!closed.get()) {
            up.start();
        }
    }

    private void runUp() {
        try {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(config.upstreamHost(), config.upstreamPort()),
                        (int) config.connectTimeout().toMillis());
            } catch (IOException e) {
                s.close();
                if (!closed.get()) {
                    LOG.warn("{}: cannot connect to the server: {}; closing the client connection", this, e.toString());
                }
                return;
            }
            s.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            synchronized (this) {
                if (closed.get()) {
                    s.close();
                    return;
                }
                server = s;
                toServer = new Link(Direction.CLIENT_TO_SERVER, s.getOutputStream(), this);
                toClient = new Link(Direction.SERVER_TO_CLIENT, client.getOutputStream(), this);
                down = new Thread(this::runDown, config.threadPrefix() + "-" + id + "-down");
                down.setDaemon(true);
                down.start();
            }
            LOG.debug("{}: connected to the server", this);
            if (config.raw()) {
                relay(client.getInputStream(), toServer);
            } else {
                new ClientPump(this, new PacketReader(new BufferedInputStream(client.getInputStream(), CHUNK))).run();
            }
        } catch (IOException | RuntimeException e) {
            ended("client", e);
        } finally {
            close();
        }
    }

    private void runDown() {
        try {
            InputStream in = new BufferedInputStream(server.getInputStream(), CHUNK);
            if (config.raw()) {
                relay(in, toClient);
                return;
            }
            PacketReader reader = new PacketReader(in);
            byte[] greeting = reader.readLogical();
            if (greeting == null) {
                return;
            }
            serverCapabilities = Greeting.capabilities(greeting);
            int strip = (config.stripSsl() ? Packets.CLIENT_SSL : 0)
                    | (config.stripCompression() ? Packets.CLIENT_COMPRESS | Packets.CLIENT_ZSTD_COMPRESSION : 0);
            toClient.writePacket(Greeting.without(greeting, strip), reader.lastSequenceId());
            byte[] buf = new byte[CHUNK];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0 && !session.offer(buf, n)) {
                    toClient.write(buf, 0, n);
                }
            }
        } catch (IOException | RuntimeException e) {
            ended("server", e);
        } finally {
            session.serverEnded();
            close();
        }
    }

    /** Relays bytes as they come (a raw proxy), through the link's faults. */
    private static void relay(InputStream in, Link out) throws IOException {
        byte[] buf = new byte[CHUNK];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (n > 0) {
                out.write(buf, 0, n);
            }
        }
    }

    private void ended(String side, Exception e) {
        if (e instanceof RuntimeException) {
            LOG.warn("{}: relay from the {} failed; closing the connection", this, side, e);
        } else if (!closed.get()) {
            LOG.debug("{}: relay from the {} ended: {}", this, side, e.toString());
        }
    }

    /** The connection's number in its proxy. */
    public long id() {
        return id;
    }

    /** The proxy's settings. */
    public ProxyConfig config() {
        return config;
    }

    /** The proxy's fault switches. */
    public Faults faults() {
        return faults;
    }

    /** The proxy's counters. */
    public Counters counters() {
        return counters;
    }

    /** The session a query handler sees. */
    public Session session() {
        return session;
    }

    /** The link to the server (set once connected). */
    public Link toServer() {
        return toServer;
    }

    /** The link to the client (set once connected). */
    public Link toClient() {
        return toClient;
    }

    void clientCapabilities(int flags) {
        clientCapabilities = flags;
    }

    /** Whether the client asked for, and the server offered, any of the capabilities in {@code mask}. */
    public boolean negotiated(int mask) {
        return (clientCapabilities & serverCapabilities & mask) != 0;
    }

    /** Whether COM_QUERY texts must be read: a handler is set or a query cut is armed. */
    boolean interceptsQueries() {
        return config.handler() != null || faults.queryCutArmed();
    }

    /** Whether the connection is closed. */
    public boolean isClosed() {
        return closed.get();
    }

    /** The connection's threads started so far. */
    public synchronized List<Thread> threads() {
        List<Thread> out = new ArrayList<>();
        if (up.isAlive()) {
            out.add(up);
        }
        if (down != null) {
            out.add(down);
        }
        return out;
    }

    /**
     * Resets both sockets (TCP RST: linger 0, then close), logged at INFO.
     *
     * @param counter what to count, or null
     * @param why     what the log says happened
     */
    public void abort(Counters.Counter counter, String why) {
        if (shut(true, counter)) {
            if (counter == Counters.Counter.HANDLER_FAILURES) {
                LOG.warn("{}: {}", this, why);
            } else {
                LOG.info("{}: {}", this, why);
            }
        }
    }

    /** Closes both sockets; idempotent. */
    public void close() {
        shut(false, null);
    }

    private boolean shut(boolean reset, Counters.Counter counter) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        if (counter != null) {
            counters.add(counter, 1);      // before the sockets close: whoever sees the reset sees it counted
        }
        Socket s;
        Thread d;
        synchronized (this) {
            s = server;
            d = down;
        }
        for (Socket socket : new Socket[] {client, s}) {
            if (socket == null) {
                continue;
            }
            try {
                if (reset) {
                    socket.setSoLinger(true, 0);
                }
                socket.close();
            } catch (IOException e) {
                LOG.debug("{}: closing a socket: {}", this, e.toString());
            }
        }
        session.serverEnded();
        for (Thread t : new Thread[] {up, d}) {
            if (t != null && t != Thread.currentThread()) {
                t.interrupt();
            }
        }
        counters.add(Counters.Counter.OPEN, -1);
        onClose.accept(this);
        return true;
    }

    @Override
    public String toString() {
        return "proxy " + config.name() + " connection " + id;
    }
}

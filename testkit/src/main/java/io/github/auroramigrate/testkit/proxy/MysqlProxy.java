package io.github.auroramigrate.testkit.proxy;

import io.github.auroramigrate.testkit.proxy.internal.Acceptor;
import io.github.auroramigrate.testkit.proxy.internal.Counters;
import io.github.auroramigrate.testkit.proxy.internal.Counters.Counter;
import io.github.auroramigrate.testkit.proxy.internal.Faults;
import io.github.auroramigrate.testkit.proxy.internal.ProxyConfig;
import io.github.auroramigrate.testkit.proxy.internal.ProxyConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A TCP proxy for tests that understands enough of the MySQL protocol to inject network faults between a client
 * and a real server, and to see, rewrite or answer the client's statements. It listens on a free port of
 * 127.0.0.1 (loopback only); each client connection gets its own server connection.
 *
 * <pre>{@code
 * try (MysqlProxy proxy = MysqlProxy.to("127.0.0.1", server.port()).start()) {
 *     String url = "jdbc:mysql://127.0.0.1:" + proxy.port() + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
 *     proxy.latency(Duration.ofMillis(20));                       // switched on and off while connections are open
 *     proxy.cutAfter(Direction.CLIENT_TO_SERVER, 4 << 20);        // the next connection to pass 4 MiB is cut
 *     ...
 *     assertThat(proxy.stats().byteCuts()).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Faults, each switchable at any time and each counted in {@link #stats()}: {@link #resetAll()} and
 * {@link #refuseConnections}, {@link #blackHole}, {@link #latency}, {@link #bandwidth}, {@link #cutAfter},
 * {@link #cutOnQuery}; {@link #clearFaults()} switches them all off. Faults apply to every byte the proxy writes,
 * the query handler's included; a fault that cuts a connection resets both its sockets (TCP RST), so the server
 * aborts the session and rolls back its open transaction. Statements are seen through a {@link QueryHandler}
 * (see {@link Builder#queryHandler}); the package documentation describes what the proxy understands of the
 * protocol and what it does not.
 *
 * <p>Threads (daemons): {@code aurora-proxy-<port>-accept}, and per connection {@code aurora-proxy-<port>-<n>-up}
 * and {@code -down}. {@link #close()} closes every connection and waits up to 5 s for these threads to end.
 * Thread-safe.
 */
public final class MysqlProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MysqlProxy.class);
    private final ProxyConfig config;
    private final ServerSocket listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Faults faults = new Faults();
    private final Counters counters = new Counters();
    private final Acceptor acceptor;

    private MysqlProxy(Builder b, ServerSocket listener) {
        this.listener = listener;
        String prefix = "aurora-proxy-" + listener.getLocalPort();
        this.config = new ProxyConfig("127.0.0.1:" + listener.getLocalPort() + "->" + b.host + ":" + b.port, prefix,
                b.host, b.port, b.stripSsl, b.stripCompression, b.forceLocalInfile, b.queryHandler, b.connectTimeout,
                b.responseTimeout, b.raw);
        this.acceptor = new Acceptor(listener, config, faults, counters);
    }

    /**
     * A builder for a proxy to the server at {@code host}:{@code port}.
     *
     * @throws NullPointerException     if host is null
     * @throws IllegalArgumentException if port is not 1 to 65535
     */
    public static Builder to(String host, int port) {
        return new Builder(host, port);
    }

    /** The port the proxy listens on, on 127.0.0.1. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Always {@code "127.0.0.1"}: the proxy listens on loopback only. */
    public String host() {
        return "127.0.0.1";
    }

    /** Adds {@code latency} before every chunk forwarded in either direction ({@link Duration#ZERO}: none). */
    public void latency(Duration latency) {
        for (Direction d : Direction.values()) {
            latency(d, latency);
        }
    }

    /**
     * Adds {@code latency} before every chunk forwarded in {@code direction}: a packet, or up to 64 KiB of one
     * (so a large transfer is slowed by the latency once per 64 KiB). Default: none.
     *
     * @throws IllegalArgumentException if latency is negative
     */
    public void latency(Direction direction, Duration latency) {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        faults.latency(direction, latency);
    }

    /** Limits each connection to {@code bytesPerSecond} in both directions; 0 removes the limits. */
    public void bandwidth(long bytesPerSecond) {
        for (Direction d : Direction.values()) {
            bandwidth(d, bytesPerSecond);
        }
    }

    /**
     * Limits each connection to {@code bytesPerSecond} in {@code direction}, without bursts: every slice of at
     * most a 50th of the limit waits its own transmission time, so K bytes take at least K / limit seconds.
     * 0 (the default) removes the limit.
     *
     * @throws IllegalArgumentException if bytesPerSecond is negative
     */
    public void bandwidth(Direction direction, long bytesPerSecond) {
        Objects.requireNonNull(direction, "direction");
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must be >= 0 (0: no limit), got " + bytesPerSecond);
        }
        faults.bandwidth(direction, bytesPerSecond);
    }

    /**
     * Switches the black hole on or off. While on, nothing is forwarded in either direction and the sockets stay
     * open (new connections are accepted, but even the server's greeting is held): a client notices only by its
     * own timeouts. The bytes held (by the proxy, and in the sockets' buffers) are forwarded when it is switched
     * off. Default: off.
     */
    public void blackHole(boolean on) {
        faults.blackHole(on);
    }

    /**
     * While on, every new connection is accepted and reset at once (TCP RST), as by a firewall that rejects.
     * Open connections are not affected. Default: off.
     */
    public void refuseConnections(boolean on) {
        faults.refuse(on);
    }

    /**
     * Resets every open connection abruptly: TCP RST to the client and to the server.
     *
     * @return how many connections were reset
     */
    public int resetAll() {
        int n = 0;
        for (ProxyConnection c : acceptor.open()) {
            if (!c.isClosed()) {
                c.abort(Counter.RESETS, "reset by resetAll");
                n++;
            }
        }
        return n;
    }

    /**
     * Arms a one-shot cut: the next connection to pass {@code bytes} more bytes in {@code direction} (counted
     * per connection from its first write after this call) is reset after about that many bytes. Replaces a cut
     * armed before in that direction; {@link #clearFaults()} disarms it. A cut fires once, then is disarmed.
     *
     * @throws IllegalArgumentException if bytes is negative
     */
    public void cutAfter(Direction direction, long bytes) {
        Objects.requireNonNull(direction, "direction");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        faults.armByteCut(direction, bytes);
    }

    /**
     * Arms a one-shot cut at the next COM_QUERY, on any connection, whose text (UTF-8) matches {@code sql}; where
     * it cuts is {@code point}. The predicate runs before the query handler, on the client's text; one that
     * throws counts as no match (logged). Replaces a query cut armed before; {@link #clearFaults()} disarms it.
     * Statements on opaque (TLS, compressed) connections and prepared statements are not seen.
     *
     * @throws NullPointerException if sql or point is null
     */
    public void cutOnQuery(Predicate<String> sql, QueryCut point) {
        faults.armQueryCut(new Faults.QueryRule(sql, point));
    }

    /** Switches every fault off: no latency, no bandwidth limit, no black hole, no refusal, no armed cut. */
    public void clearFaults() {
        faults.clear();
    }

    /** A snapshot of the counters. */
    public ProxyStats stats() {
        return new ProxyStats(counters.get(Counter.ACCEPTED), counters.get(Counter.OPEN),
                counters.get(Counter.REFUSED), counters.get(Counter.BYTES_TO_SERVER),
                counters.get(Counter.BYTES_TO_CLIENT), counters.get(Counter.RESETS), counters.get(Counter.BYTE_CUTS),
                counters.get(Counter.QUERY_CUTS), counters.get(Counter.HELD), counters.get(Counter.QUERIES),
                counters.get(Counter.HANDLER_CALLS), counters.get(Counter.HANDLER_FAILURES),
                counters.get(Counter.OPAQUE));
    }

    /**
     * Stops listening, closes every connection (a normal close, not a reset) and waits up to 5 s for the proxy's
     * threads to end; idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            acceptor.close();
            LOG.info("Proxy {} closed: {}", config.name(), stats());
        }
    }

    @Override
    public String toString() {
        return "MysqlProxy " + config.name();
    }

    /**
     * Options of a {@link MysqlProxy}; {@link #start()} binds a free port and starts it.
     *
     * <pre>{@code
     * MysqlProxy proxy = MysqlProxy.to("127.0.0.1", server.port())
     *         .stripSsl(true).forceLocalInfile(true)
     *         .queryHandler((sql, session) -> QueryDecision.pass())
     *         .start();
     * }</pre>
     *
     * <p>Not thread-safe; the proxy it starts is.
     */
    public static final class Builder {
        private final String host;
        private final int port;
        private boolean stripSsl;
        private boolean stripCompression;
        private boolean forceLocalInfile;
        private boolean raw;
        private QueryHandler queryHandler;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(60);

        private Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
            }
            this.port = port;
        }

        /**
         * Removes CLIENT_SSL from the capabilities the server's handshake offers, so a client whose TLS is
         * optional (Connector/J {@code sslMode=PREFERRED}, the library's default) talks in clear and its statements
         * can be seen. A client that requires TLS then fails to connect; one that asks for TLS anyway has its
         * connection closed (logged at WARN). In clear, {@code caching_sha2_password} accounts need the client's
         * {@code allowPublicKeyRetrieval=true} (or a cached login). Default: false, and a TLS connection is relayed
         * as opaque bytes (byte faults apply, statements are not seen).
         */
        public Builder stripSsl(boolean strip) {
            this.stripSsl = strip;
            return this;
        }

        /**
         * Removes CLIENT_COMPRESS and CLIENT_ZSTD_COMPRESSION_ALGORITHM from the server's handshake, so a client
         * with {@code useCompression=true} talks uncompressed. Default: false, and a compressed connection is
         * relayed as opaque bytes.
         */
        public Builder stripCompression(boolean strip) {
            this.stripCompression = strip;
            return this;
        }

        /**
         * Adds CLIENT_LOCAL_FILES to the client's handshake response, so the server lets the session run
         * {@code LOAD DATA LOCAL INFILE} (the query handler's own, through {@link ProxySession#query}) although the
         * client did not enable it. A client that did not enable it itself still refuses the server's file requests
         * for its own statements. Default: false.
         */
        public Builder forceLocalInfile(boolean force) {
            this.forceLocalInfile = force;
            return this;
        }

        /**
         * Relays bytes without reading them as the MySQL protocol, for any TCP protocol whose client speaks first (HTTP
         * to an S3-compatible server, say): only the byte faults apply (latency, bandwidth, black hole, resets, cuts
         * after N bytes). Cannot be combined with a query handler or the handshake options. Default: false.
         */
        public Builder raw(boolean raw) {
            this.raw = raw;
            return this;
        }

        /** Sees every COM_QUERY (see {@link QueryHandler}). Default: none, statements pass unread. */
        public Builder queryHandler(QueryHandler handler) {
            this.queryHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** How long connecting to the server may take per client connection. Default: 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * How long {@link ProxySession#query} and {@link ProxySession#sendLocalInfile} wait for the server's
         * response. Default: 60 s.
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Binds a free port on 127.0.0.1 and starts accepting connections.
         *
         * @throws IllegalArgumentException if a timeout is not positive (connectTimeout also at most
         *                                  {@link Integer#MAX_VALUE} ms)
         * @throws UncheckedIOException     if the port cannot be bound
         */
        public MysqlProxy start() {
            if (connectTimeout.isNegative() || connectTimeout.isZero()
                    || connectTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("connectTimeout must be positive and at most "
                        + Integer.MAX_VALUE + " ms, got " + connectTimeout);
            }
            if (responseTimeout.isNegative() || responseTimeout.isZero()) {
                throw new IllegalArgumentException("responseTimeout must be positive, got " + responseTimeout);
            }
            if (raw && (queryHandler != null || stripSsl || stripCompression || forceLocalInfile)) {
                throw new IllegalArgumentException("a raw proxy reads no MySQL: no query handler or handshake option");
            }
            ServerSocket listener;
            try {
                listener = new ServerSocket();
                listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot bind a proxy port on 127.0.0.1", e);
            }
            MysqlProxy proxy = new MysqlProxy(this, listener);
            proxy.acceptor.start();
            LOG.info("Proxy {} listening (stripSsl={}, stripCompression={}, forceLocalInfile={}, queryHandler={})",
                    proxy.config.name(), stripSsl, stripCompression, forceLocalInfile, queryHandler != null);
            return proxy;
        }
    }
}

package io.github.auroramigrate.testkit.proxy.internal;

import io.github.auroramigrate.testkit.proxy.QueryHandler;

import java.time.Duration;
import java.util.Objects;

/**
 * The fixed settings of one running proxy.
 *
 * <pre>{@code
 * new ProxyConfig("127.0.0.1:41000->127.0.0.1:3306", "aurora-proxy-41000", "127.0.0.1", 3306,
 *         true, false, true, null, Duration.ofSeconds(10), Duration.ofSeconds(60), false);
 * }</pre>
 *
 * @param name             how logs name the proxy
 * @param threadPrefix     the prefix of its threads' names
 * @param upstreamHost     the server's host
 * @param upstreamPort     the server's port
 * @param stripSsl         remove CLIENT_SSL from the server's handshake
 * @param stripCompression remove CLIENT_COMPRESS and CLIENT_ZSTD_COMPRESSION_ALGORITHM from it
 * @param forceLocalInfile add CLIENT_LOCAL_FILES to the client's handshake response
 * @param handler          the query handler, or null
 * @param connectTimeout   for connecting to the server
 * @param responseTimeout  how long a handler waits for a server response
 * @param raw              relay bytes without reading them as MySQL (any TCP protocol); byte faults only
 */
public record ProxyConfig(String name, String threadPrefix, String upstreamHost, int upstreamPort, boolean stripSsl,
                          boolean stripCompression, boolean forceLocalInfile, QueryHandler handler,
                          Duration connectTimeout, Duration responseTimeout, boolean raw) {
    /** Validates. */
    public ProxyConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(threadPrefix, "threadPrefix");
        Objects.requireNonNull(upstreamHost, "upstreamHost");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
    }
}

package io.github.auroramigrate.testkit.spi;

import java.nio.file.Path;

/**
 * One running server as started by a {@link ServerProvider}.
 *
 * <pre>{@code
 * ServerHandle h = provider.start(ServerKind.MYSQL_80);
 * try { use(h.host(), h.port()); } finally { h.stop(); }
 * }</pre>
 *
 * <p>Implementations must be thread-safe; {@link #stop()} must be idempotent.
 */
public interface ServerHandle {

    /** Host to connect to, e.g. {@code "127.0.0.1"}. */
    String host();

    /** TCP port the server listens on. */
    int port();

    /** The server's {@code server_id}. */
    long serverId();

    /** The server's data directory (as seen by the server). */
    Path dataDir();

    /** The server's {@code secure_file_priv} directory (as seen by the server). */
    Path secureFilePriv();

    /** Stops the server process and starts it again on the same port with the same data. */
    void restart();

    /** Stops the server (SIGTERM, then SIGKILL after a deadline) and deletes its data. Idempotent. */
    void stop();

    /** True while the server process is alive. */
    boolean isRunning();

    /** Last lines of the server's error log, for diagnostics; empty if unavailable. */
    String errorLogTail(int lines);
}

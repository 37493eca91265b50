package io.github.auroramigrate.testkit.proxy;

/**
 * Which way bytes travel through a {@link MysqlProxy}.
 *
 * <pre>{@code
 * proxy.latency(Direction.SERVER_TO_CLIENT, Duration.ofMillis(50));
 * proxy.cutAfter(Direction.CLIENT_TO_SERVER, 4 << 20);
 * }</pre>
 */
public enum Direction {
    /** From the client (the JDBC driver) to the server. */
    CLIENT_TO_SERVER,
    /** From the server to the client. */
    SERVER_TO_CLIENT
}

package io.github.auroramigrate.testkit.proxy;

/**
 * Where {@link MysqlProxy#cutOnQuery} cuts the connection of a matching statement.
 *
 * <pre>{@code
 * proxy.cutOnQuery(sql -> sql.startsWith("COMMIT"), QueryCut.BEFORE_RESPONSE);   // committed, but nobody hears it
 * }</pre>
 */
public enum QueryCut {
    /** The statement never reaches the server: the connection is reset instead of forwarding it. */
    BEFORE_SENDING,
    /**
     * The statement reaches the server, which runs it; the connection is reset when its response would reach the
     * client (a relayed server response, or one the query handler delivers). The client cannot tell whether the
     * statement took effect.
     */
    BEFORE_RESPONSE
}

package io.github.auroramigrate.testkit.proxy;

import java.util.Objects;

/**
 * What a {@link QueryHandler} decides for one statement: pass it on, replace its text, or answer the client
 * itself (with a response the server gave the handler, or a synthesized OK or ERR packet).
 *
 * <pre>{@code
 * return QueryDecision.pass();
 * return QueryDecision.replace(sql.replace("FROM S3", "LOCAL INFILE"));
 * return QueryDecision.relay(session.sendLocalInfile(rows));             // the server's OK, renumbered
 * return QueryDecision.error(1227, "42000", "Access denied; you need the SUPER privilege");
 * }</pre>
 *
 * <p>When the client is answered ({@link #relay}, {@link #ok}, {@link #error}), its statement never reaches the
 * server; the answer's packets get the sequence ids the client expects (1, 2, ... after its command).
 * Immutable and thread-safe.
 */
public final class QueryDecision {
    private static final QueryDecision PASS = new QueryDecision(Kind.PASS, null, null, 0, 0, null);

    /** The kinds of decision. */
    public enum Kind {
        /** Forward the statement unchanged. */
        PASS,
        /** Forward another text instead. */
        REPLACE,
        /** Answer with a response the server gave the handler. */
        RELAY,
        /** Answer with a synthesized OK packet. */
        OK,
        /** Answer with a synthesized ERR packet. */
        ERROR
    }

    private final Kind kind;
    private final String text;
    private final ServerResponse response;
    private final long affectedRows;
    private final int errorCode;
    private final String sqlState;

    private QueryDecision(Kind kind, String text, ServerResponse response, long affectedRows, int errorCode,
                          String sqlState) {
        this.kind = kind;
        this.text = text;
        this.response = response;
        this.affectedRows = affectedRows;
        this.errorCode = errorCode;
        this.sqlState = sqlState;
    }

    /** Forward the statement as the client sent it (what happens without a handler). */
    public static QueryDecision pass() {
        return PASS;
    }

    /**
     * Forward {@code sql} instead (sent as UTF-8, re-framed by the proxy; query attributes the client sent with
     * the statement are kept).
     *
     * @throws NullPointerException if {@code sql} is null
     */
    public static QueryDecision replace(String sql) {
        return new QueryDecision(Kind.REPLACE, Objects.requireNonNull(sql, "sql"), null, 0, 0, null);
    }

    /**
     * Answer the client with {@code response}, all of its packets, renumbered from sequence id 1.
     *
     * @param response a complete response: OK, ERR or a result set, as {@link ProxySession#query} or
     *                 {@link ProxySession#sendLocalInfile} returned it
     * @throws IllegalArgumentException if it is a LOCAL INFILE request (the client could not answer it)
     */
    public static QueryDecision relay(ServerResponse response) {
        Objects.requireNonNull(response, "response");
        if (response.kind() == ServerResponse.Kind.LOCAL_INFILE) {
            throw new IllegalArgumentException("A LOCAL INFILE request cannot be relayed; answer it with "
                    + "ProxySession.sendLocalInfile and relay what the server answers then");
        }
        return new QueryDecision(Kind.RELAY, null, response, 0, 0, null);
    }

    /**
     * Answer the client with an OK packet: {@code affectedRows}, no last insert id, no warnings, and the server
     * status of the last response the handler read on this connection (autocommit if none).
     *
     * @throws IllegalArgumentException if {@code affectedRows} is negative
     */
    public static QueryDecision ok(long affectedRows) {
        if (affectedRows < 0) {
            throw new IllegalArgumentException("affectedRows must be >= 0, got " + affectedRows);
        }
        return new QueryDecision(Kind.OK, null, null, affectedRows, 0, null);
    }

    /**
     * Answer the client with an ERR packet; Connector/J throws an {@code SQLException} with exactly these
     * {@code getErrorCode()}, {@code getSQLState()} and message.
     *
     * @param errorCode 1 to 65535, e.g. 1227
     * @param sqlState  five characters A-Z or 0-9, e.g. {@code "42000"}
     * @param message   the message (sent as UTF-8)
     * @throws IllegalArgumentException if errorCode or sqlState is out of range
     */
    public static QueryDecision error(int errorCode, String sqlState, String message) {
        Objects.requireNonNull(sqlState, "sqlState");
        Objects.requireNonNull(message, "message");
        if (errorCode < 1 || errorCode > 0xFFFF) {
            throw new IllegalArgumentException("errorCode must be 1 to 65535, got " + errorCode);
        }
        if (!sqlState.matches("[0-9A-Z]{5}")) {
            throw new IllegalArgumentException("sqlState must be five characters 0-9 or A-Z, got '" + sqlState + "'");
        }
        return new QueryDecision(Kind.ERROR, message, null, 0, errorCode, sqlState);
    }

    /** The kind of decision. */
    public Kind kind() {
        return kind;
    }

    /**
     * The replacement text ({@link Kind#REPLACE}) or the error message ({@link Kind#ERROR}).
     *
     * @throws IllegalStateException for other kinds
     */
    public String text() {
        if (kind != Kind.REPLACE && kind != Kind.ERROR) {
            throw wrongKind("text");
        }
        return text;
    }

    /**
     * The response to relay.
     *
     * @throws IllegalStateException unless {@link Kind#RELAY}
     */
    public ServerResponse response() {
        require(Kind.RELAY, "response");
        return response;
    }

    /**
     * The affected rows of the OK packet.
     *
     * @throws IllegalStateException unless {@link Kind#OK}
     */
    public long affectedRows() {
        require(Kind.OK, "affectedRows");
        return affectedRows;
    }

    /**
     * The error number of the ERR packet.
     *
     * @throws IllegalStateException unless {@link Kind#ERROR}
     */
    public int errorCode() {
        require(Kind.ERROR, "errorCode");
        return errorCode;
    }

    /**
     * The SQLSTATE of the ERR packet.
     *
     * @throws IllegalStateException unless {@link Kind#ERROR}
     */
    public String sqlState() {
        require(Kind.ERROR, "sqlState");
        return sqlState;
    }

    private void require(Kind wanted, String what) {
        if (kind != wanted) {
            throw wrongKind(what);
        }
    }

    private IllegalStateException wrongKind(String what) {
        return new IllegalStateException("A " + kind + " decision has no " + what);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PASS -> "pass";
            case REPLACE -> "replace (" + text.length() + " characters)";
            case RELAY -> "relay " + response.kind();
            case OK -> "ok (" + affectedRows + " rows)";
            case ERROR -> "error " + errorCode + " (" + sqlState + ")";
        };
    }
}

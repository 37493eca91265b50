package io.github.auroramigrate.testkit.proxy;

import java.util.List;

/**
 * A complete response of the server to a statement a {@link QueryHandler} ran through
 * {@link ProxySession#query}: an OK packet, an ERR packet, a LOCAL INFILE request, or a text result set through
 * its terminator. When the server says more results follow (a multi-statement or a {@code CALL}), they belong to
 * the same response: the accessors describe the first, {@link #packets()} holds them all.
 *
 * <pre>{@code
 * ServerResponse r = session.query("SELECT id, name FROM t");
 * if (r.kind() == ServerResponse.Kind.RESULT_SET) {
 *     List<List<String>> rows = r.rows();          // text values, null for SQL NULL
 * }
 * }</pre>
 *
 * <p>Each accessor belongs to one kind and throws {@link IllegalStateException} for the others. Immutable and
 * thread-safe.
 */
public interface ServerResponse {
    /** What the server answered. */
    enum Kind {
        /** An OK packet. */
        OK,
        /** An ERR packet. */
        ERROR,
        /** A LOCAL INFILE request (0xFB): answer it with {@link ProxySession#sendLocalInfile}. */
        LOCAL_INFILE,
        /** A result set. */
        RESULT_SET
    }

    /** What the server answered. */
    Kind kind();

    /** {@link Kind#OK}: the affected rows. */
    long affectedRows();

    /** {@link Kind#OK}: the last insert id. */
    long lastInsertId();

    /** {@link Kind#OK}: the warning count. */
    int warnings();

    /** {@link Kind#OK}: the server's message, e.g. {@code "Records: 3  Deleted: 0  Skipped: 0  Warnings: 0"};
     *  empty if there is none. */
    String info();

    /** {@link Kind#ERROR}: the error number, e.g. 1146. */
    int errorCode();

    /** {@link Kind#ERROR}: the SQLSTATE, e.g. {@code "42S02"} ({@code "HY000"} if the server sent none). */
    String sqlState();

    /** {@link Kind#ERROR}: the message. */
    String errorMessage();

    /** {@link Kind#LOCAL_INFILE}: the file name the statement named. */
    String fileName();

    /** {@link Kind#RESULT_SET}: the column names (aliases where given). */
    List<String> columnNames();

    /** {@link Kind#RESULT_SET}: the rows, each value as the server's text (UTF-8), null for SQL NULL. */
    List<List<String>> rows();

    /** The payloads of all the response's packets in order (logical packets, without headers), as copies. */
    List<byte[]> packets();
}

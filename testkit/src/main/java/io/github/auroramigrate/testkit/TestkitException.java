package io.github.auroramigrate.testkit;

/**
 * Thrown when a test server cannot be prepared, started, stopped or talked to. The message says what
 * failed and, for start failures, includes the tail of the server's error log and what to do.
 *
 * <pre>{@code
 * try {
 *     TestServers.startPrivate(ServerKind.MYSQL_80, AuroraProfile.NONE);
 * } catch (TestkitException e) {
 *     // e.getMessage() carries the error-log tail, e.g. the libaio.so.1 hint
 * }
 * }</pre>
 */
public class TestkitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message. */
    public TestkitException(String message) {
        super(message);
    }

    /** Creates an exception with a message and cause. */
    public TestkitException(String message, Throwable cause) {
        super(message, cause);
    }
}

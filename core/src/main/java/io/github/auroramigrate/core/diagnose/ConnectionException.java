package io.github.auroramigrate.core.diagnose;

/**
 * Connecting to an endpoint failed: unknown host (2005), nothing listening (2003), access denied (1045),
 * TLS problems, and the like. The diagnosis names the endpoint (never its password).
 *
 * <pre>{@code
 * try (EndpointPool pool = endpoint.pool()) { ... }
 * catch (ConnectionException e) { System.err.println(e.diagnosis().render()); }
 * }</pre>
 */
public class ConnectionException extends MigrationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param diagnosis what went wrong
     * @param cause     the driver exception
     */
    public ConnectionException(Diagnosis diagnosis, Throwable cause) {
        super(diagnosis, cause);
    }
}

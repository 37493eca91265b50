package io.github.auroramigrate.testkit.spi;

import io.github.auroramigrate.testkit.ServerKind;

/**
 * Starts server processes for the testkit. The built-in provider runs the binaries bundled in Maven
 * Central artifacts as local processes; another provider (e.g. one backed by Testcontainers where a
 * Docker engine is reachable) can be registered through {@link java.util.ServiceLoader} in
 * {@code META-INF/services/io.github.auroramigrate.testkit.spi.ServerProvider} and selected with the
 * system property {@code aurora.testkit.provider=<name()>}.
 *
 * <pre>{@code
 * public final class MyProvider implements ServerProvider {
 *     public String name() { return "my"; }
 *     public boolean supports(ServerKind kind) { return true; }
 *     public ServerHandle start(ServerKind kind) { ... }
 * }
 * }</pre>
 *
 * <p>Aurora profiles are applied on top of the handle through SQL, so they work with any provider.
 * Implementations must be thread-safe.
 */
public interface ServerProvider {

    /** Short unique name, matched against the system property {@code aurora.testkit.provider}. */
    String name();

    /** Whether this provider can start {@code kind}. */
    boolean supports(ServerKind kind);

    /**
     * Starts a fresh, empty server of {@code kind} and returns once it accepts connections as
     * {@code root} with an empty password. It must have binlog ROW on, a unique server_id,
     * local_infile=1, and listen on a loopback port.
     *
     * @throws io.github.auroramigrate.testkit.TestkitException if it cannot start
     */
    ServerHandle start(ServerKind kind);
}

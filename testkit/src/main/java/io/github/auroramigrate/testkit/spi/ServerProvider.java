package io.github.auroramigrate.testkit.spi;

import io.github.auroramigrate.testkit.ServerKind;

/**
 * Starts server processes for the testkit, found through {@link java.util.ServiceLoader} in
 * {@code META-INF/services/io.github.auroramigrate.testkit.spi.ServerProvider}. The bundle artifacts register
 * one {@link BundledServerProvider} each (name {@code local}); {@code aurora-migrate-testkit-testcontainers}
 * registers one named {@code testcontainers} for every kind, where a Docker engine is reachable.
 *
 * <pre>{@code
 * public final class MyProvider implements ServerProvider {
 *     public String name() { return "my"; }
 *     public boolean supports(ServerKind kind) { return true; }
 *     public ServerHandle start(ServerKind kind) { ... }
 * }
 * }</pre>
 *
 * <p>For each server, the testkit takes the provider named by the system property
 * {@code aurora.testkit.provider} if it is set; otherwise the first that supports the kind, bundled
 * ({@code local}) ones before the others, the others by name. Several providers may share a name when they
 * support different kinds (the bundles do). When none fits, the start fails with a message naming the
 * artifact to add; a test is never skipped for it. Aurora profiles are applied on top of the handle through
 * SQL, so they work with any provider. Implementations must be thread-safe and have a public no-argument
 * constructor.
 */
public interface ServerProvider {

    /** Short name of the way servers are started, matched against the system property {@code aurora.testkit.provider}. */
    String name();

    /** Whether this provider can start {@code kind}. */
    boolean supports(ServerKind kind);

    /**
     * Starts a fresh, empty server of {@code kind} and returns once it accepts connections as
     * {@code root} with an empty password. It must have binlog ROW on, a unique server_id,
     * local_infile=1, and listen on a port this JVM can reach ({@link ServerHandle#host()}).
     *
     * @throws io.github.auroramigrate.testkit.TestkitException if it cannot start
     */
    ServerHandle start(ServerKind kind);
}

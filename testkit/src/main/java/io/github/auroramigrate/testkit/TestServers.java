package io.github.auroramigrate.testkit;

import io.github.auroramigrate.testkit.internal.Providers;
import io.github.auroramigrate.testkit.spi.ServerHandle;
import io.github.auroramigrate.testkit.spi.ServerProvider;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry point for test servers.
 *
 * <pre>{@code
 * TestServer source = TestServers.shared(ServerKind.MYSQL_57, AuroraProfile.NONE, "source");
 * TestServer target = TestServers.shared(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3, "target");
 * try (TestServer scratch = TestServers.startPrivate(ServerKind.MARIADB_114, AuroraProfile.NONE)) { ... }
 * }</pre>
 *
 * <p>Shared servers are started once per JVM per (kind, profile, role) and reused by every test class;
 * private servers belong to the caller, who closes them. All are stopped at JVM exit.
 * Servers come from a {@link ServerProvider} on the classpath: a bundle artifact's ({@code local}: binaries
 * run as local processes) or the Testcontainers one; {@code -Daurora.testkit.provider=<name>} forces one.
 * A kind no provider supports fails with a {@link TestkitException} naming the artifact to add.
 *
 * <p>Thread-safe: concurrent calls for the same key start one server; different keys start in parallel.
 */
public final class TestServers {
    private static final Map<Key, Object> LOCKS = new ConcurrentHashMap<>();
    private static final Map<Key, TestServer> SHARED = new ConcurrentHashMap<>();

    private TestServers() {
    }

    /**
     * The JVM-wide server for ({@code kind}, {@code profile}, {@code role}), started on first use.
     *
     * @param role distinguishes servers of the same kind and profile, e.g. {@code "source"} and
     *             {@code "target"}; empty means the profile's default role
     * @throws IllegalArgumentException if the profile cannot run on {@code kind}
     * @throws TestkitException         if the server cannot start, or no provider on the classpath supports
     *                                  {@code kind} (the message names the artifact to add)
     */
    public static TestServer shared(ServerKind kind, AuroraProfile profile, String role) {
        Key key = new Key(kind, profile, normalizeRole(profile, role));
        profile.checkCompatible(kind);
        synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
            TestServer server = SHARED.get(key);
            if (server == null || !server.isRunning()) {
                server = TestServer.start(kind, profile, key.role(), true, TestServers::startHandle);
                SHARED.put(key, server);
            }
            return server;
        }
    }

    /** {@code shared(kind, AuroraProfile.NONE, "")}. */
    public static TestServer shared(ServerKind kind) {
        return shared(kind, AuroraProfile.NONE, "");
    }

    /**
     * Starts a server for the caller alone; close it (try-with-resources) when done.
     *
     * @throws IllegalArgumentException if the profile cannot run on {@code kind}
     * @throws TestkitException         if the server cannot start
     */
    public static TestServer startPrivate(ServerKind kind, AuroraProfile profile) {
        return TestServer.start(kind, profile, "private", false, TestServers::startHandle);
    }

    /** {@code startPrivate(kind, AuroraProfile.NONE)}. */
    public static TestServer startPrivate(ServerKind kind) {
        return startPrivate(kind, AuroraProfile.NONE);
    }

    static String normalizeRole(AuroraProfile profile, String role) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(role, "role");
        String r = role.strip();
        return r.isEmpty() ? profile.name().toLowerCase(Locale.ROOT) : r;
    }

    private static ServerHandle startHandle(ServerKind kind) {
        return provider(kind).start(kind);
    }

    private static ServerProvider provider(ServerKind kind) {
        return Providers.forKind(kind, Providers.wanted(), Providers.load(TestServers.class.getClassLoader()));
    }

    /** Identity of a shared server. */
    record Key(ServerKind kind, AuroraProfile profile, String role) {
        Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(role, "role");
        }
    }
}

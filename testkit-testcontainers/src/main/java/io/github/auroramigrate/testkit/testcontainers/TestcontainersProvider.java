package io.github.auroramigrate.testkit.testcontainers;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestkitException;
import io.github.auroramigrate.testkit.internal.Providers;
import io.github.auroramigrate.testkit.spi.ServerHandle;
import io.github.auroramigrate.testkit.spi.ServerProvider;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Starts every {@link ServerKind} as a Docker container through Testcontainers: {@code mysql:8.4.8},
 * {@code mysql:8.0.31}, {@code mysql:5.7.22} and {@code mariadb:11.4.5}, the exact versions the kinds promise.
 * Registered through {@link java.util.ServiceLoader} under the name {@value #NAME}.
 *
 * <pre>{@code
 * // test dependency io.github.auroramigrate:aurora-migrate-testkit-testcontainers, a Docker engine running
 * try (TestServer s = TestServers.startPrivate(ServerKind.MYSQL_84)) {
 *     s.execute("CREATE DATABASE shop");
 * }
 * }</pre>
 *
 * <p>Each container runs with the same server settings as the bundled servers (binlog ROW, unique
 * {@code server_id}, {@code local_infile=1}, {@code max_allowed_packet=64M}, binlog expiry) and root with an
 * empty password; Aurora profiles are applied over SQL as on any server. What differs: {@link ServerHandle#host()}
 * is the Docker host and the port a mapped one, which {@code restart()} may change; {@code dataDir()} and
 * {@code secureFilePriv()} are paths inside the container; two containers cannot replicate from each other
 * through those mapped addresses. Containers are removed by {@code stop()} and, if the JVM dies, by
 * Testcontainers' reaper. Without a reachable Docker engine every start fails with a {@link TestkitException}
 * saying so (never a skip). Thread-safe.
 */
public final class TestcontainersProvider implements ServerProvider {

    /** The provider name: {@code -Daurora.testkit.provider=testcontainers}. */
    public static final String NAME = Providers.TESTCONTAINERS;

    private final BooleanSupplier dockerAvailable;

    /** Called by {@link java.util.ServiceLoader}; asks Testcontainers whether a Docker engine is reachable. */
    public TestcontainersProvider() {
        this(() -> DockerClientFactory.instance().isDockerAvailable());
    }

    TestcontainersProvider(BooleanSupplier dockerAvailable) {
        this.dockerAvailable = Objects.requireNonNull(dockerAvailable, "dockerAvailable");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(ServerKind kind) {
        return true;
    }

    /** The image {@code kind} runs from, e.g. {@code mysql:8.4.8}. */
    public static DockerImageName image(ServerKind kind) {
        return DockerImageName.parse((kind.isMariaDb() ? "mariadb:" : "mysql:") + kind.version());
    }

    @Override
    public ServerHandle start(ServerKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (!dockerAvailable.getAsBoolean()) {
            throw new TestkitException(noDocker(kind));
        }
        return ContainerServer.start(kind, image(kind));
    }

    static String noDocker(ServerKind kind) {
        String alternative = Providers.bundleArtifact(kind)
                .map(b -> ", or use the bundled binaries instead: the test dependency " + Providers.GROUP + ":" + b
                        + " (no Docker needed, run without -D" + Providers.PROPERTY + "=" + NAME + ")")
                .orElse(" (no bundled binaries exist for " + kind.displayName() + ": it needs Docker)");
        return "Cannot start " + kind.displayName() + " (" + image(kind) + ") with the Testcontainers provider:"
                + " no Docker engine is reachable. Testcontainers looked for one through DOCKER_HOST,"
                + " ~/.testcontainers.properties and /var/run/docker.sock (its log above says why each failed)."
                + " Start a Docker engine" + alternative + ".";
    }

    @Override
    public String toString() {
        return NAME + " (Docker containers of every kind)";
    }
}

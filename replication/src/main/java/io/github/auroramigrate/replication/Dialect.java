package io.github.auroramigrate.replication;

/**
 * The replication SQL a server speaks. Chosen automatically from the server (version, flavour, and whether the
 * {@code mysql.rds_*} procedures are present while the user lacks SUPER and REPLICATION_SLAVE_ADMIN); can be forced
 * with {@link Replication.Builder#dialect(Dialect)}.
 *
 * <pre>{@code
 * Replication.of(target).source(source, user).startAt(pos).dialect(Dialect.RDS).build();
 * }</pre>
 */
public enum Dialect {
    /**
     * MySQL 5.5-8.0.21: {@code CHANGE MASTER TO}, {@code START/STOP SLAVE}, {@code SHOW SLAVE STATUS},
     * {@code SHOW MASTER STATUS} (8.0.4+ adds {@code GET_MASTER_PUBLIC_KEY}).
     */
    MYSQL_57,
    /**
     * MySQL 8.0.22-8.3: {@code SHOW REPLICA STATUS}, {@code START/STOP REPLICA}; from 8.0.23
     * {@code CHANGE REPLICATION SOURCE TO}.
     */
    MYSQL_80,
    /** MySQL 8.4+: as {@link #MYSQL_80}, and {@code SHOW BINARY LOG STATUS} instead of {@code SHOW MASTER STATUS}. */
    MYSQL_84,
    /** MariaDB: {@code CHANGE MASTER TO} with {@code MASTER_USE_GTID}, {@code Slave_*}/{@code Master_*} status columns. */
    MARIADB,
    /**
     * Amazon RDS / Aurora MySQL: the {@code mysql.rds_*} stored procedures ({@code rds_set_external_master} on
     * Aurora 2 / 5.7, {@code rds_set_external_source} on Aurora 3 / 8.0, {@code rds_start_replication}, ...),
     * because the master user may not run {@code CHANGE MASTER} itself.
     */
    RDS
}

package io.github.auroramigrate.core.endpoint;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A HikariCP connection pool to one {@link Endpoint}. Thread-safe; {@link #close()} is idempotent. For an endpoint
 * built with the caller's DataSource, the pool's connections are borrowed from that DataSource and given back, their
 * sessions restored, when the pool closes; the caller's DataSource stays open.
 *
 * <pre>{@code
 * try (EndpointPool pool = endpoint.pool(4); Connection c = pool.connection()) {
 *     ...
 * }
 * }</pre>
 */
public final class EndpointPool implements AutoCloseable {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Endpoint endpoint;
    private final HikariDataSource dataSource;

    EndpointPool(Endpoint endpoint, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
        }
        this.endpoint = endpoint;
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("aurora-migrate-" + SEQ.incrementAndGet() + "-" + endpoint.host() + ":" + endpoint.port());
        if (endpoint.callerDataSource() != null) {
            // connections borrowed from the caller's pool, given back (sessions restored) when this pool closes them
            cfg.setDataSource(endpoint.callerDataSource());
        } else if (endpoint.suppliesPassword()) {
            // HikariCP asks its DataSource for every new physical connection: so is the password supplier
            cfg.setDataSource(new SuppliedPasswordDataSource(endpoint));
        } else {
            cfg.setJdbcUrl(endpoint.jdbcUrl());
            cfg.setDataSourceProperties(endpoint.driverProperties());
        }
        cfg.setMaximumPoolSize(maxConnections);
        cfg.setMinimumIdle(0);
        cfg.setConnectionTimeout(Math.max(250, endpoint.connectTimeout().toMillis()));
        // Open one connection now: a wrong host or password fails here with the driver's own exception.
        cfg.setInitializationFailTimeout(1);
        try {
            this.dataSource = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof MigrationException m) { // already diagnosed, e.g. an unsuitable caller's DataSource
                    throw m;
                }
            }
            throw ErrorCatalog.toException(e, endpoint.describe(), true);
        }
    }

    /** @return the endpoint this pool connects to */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** @return the pool as a DataSource (owned by this pool: do not close it separately) */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Borrows a connection; close it to return it.
     *
     * @throws io.github.auroramigrate.core.diagnose.ConnectionException with a diagnosis when none can be had
     */
    public Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw ErrorCatalog.toException(e, endpoint.describe(), true);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return "EndpointPool{" + endpoint.describe() + "}";
    }
}

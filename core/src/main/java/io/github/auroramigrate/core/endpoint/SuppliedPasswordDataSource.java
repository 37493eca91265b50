package io.github.auroramigrate.core.endpoint;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The DataSource an {@link EndpointPool} opens its physical connections through when the endpoint's password comes
 * from a supplier: each {@link #getConnection()} asks the supplier again (through {@link Endpoint#driverProperties()}),
 * so a rotated secret or a fresh IAM token is used by the next new connection. Thread-safe, holds nothing.
 */
final class SuppliedPasswordDataSource implements DataSource {
    private final Endpoint endpoint;
    private volatile PrintWriter logWriter;

    SuppliedPasswordDataSource(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.driverProperties());
    }

    /** The user is the endpoint's: another one is refused rather than silently ignored. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the endpoint's user and password supplier log in");
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the endpoint's connectTimeout applies (a driver property)
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}

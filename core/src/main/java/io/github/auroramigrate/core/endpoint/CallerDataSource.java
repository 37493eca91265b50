package io.github.auroramigrate.core.endpoint;

import com.mysql.cj.conf.PropertyDefinitions;
import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * A caller's DataSource as the library uses it. Each connection borrowed from it is checked (Connector/J, a UTF-8
 * session), given the driver settings the library reads values by, and its session is put back as it was when the
 * library closes it: every session variable the library changed (time_zone, sql_mode, foreign_key_checks, ...), the
 * default schema and the driver settings. A connection whose session cannot be restored is aborted rather than handed
 * back changed. The caller's DataSource itself is never closed.
 */
final class CallerDataSource implements DataSource {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(CallerDataSource.class);
    /** Session variables that move by themselves: setting them back would freeze the clock or replay an id. */
    private static final Set<String> MOVING = Set.of("timestamp", "last_insert_id", "insert_id", "identity",
            "rand_seed1", "rand_seed2", "pseudo_thread_id", "warning_count", "error_count", "gtid_next",
            "original_commit_timestamp", "immediate_server_version", "original_server_version");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> UTF8 = Set.of("utf8mb4", "utf8mb3", "utf8");

    private final DataSource caller;
    private final String describe;

    CallerDataSource(DataSource caller, String describe) {
        this.caller = Objects.requireNonNull(caller, "dataSource");
        this.describe = describe;
    }

    DataSource caller() {
        return caller;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = caller.getConnection();
        try {
            return guard(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private Connection guard(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "The DataSource of " + describe
                    + " gives " + c.getClass().getName() + " connections, not MySQL Connector/J ones.")
                    .withAdvice("Give a DataSource (a pool such as HikariCP is fine) over Connector/J (com.mysql.cj).")
                    .withEndpoint(describe));
        }
        Map<String, String> session = sessionVariables(c);
        for (String v : new String[] {"character_set_client", "character_set_connection", "character_set_results"}) {
            String value = session.getOrDefault(v, "");
            // results NULL (empty here): values come in their columns' own character sets, as on the library's pools
            if (!UTF8.contains(value) && !(value.isEmpty() && v.equals("character_set_results"))) {
                throw new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "The DataSource of " + describe
                        + " opens sessions with " + v + "=" + session.get(v) + "; the library reads and writes UTF-8.")
                        .withAdvice("Set characterEncoding=UTF-8 on the DataSource's connections (a Connector/J property).")
                        .withEndpoint(describe));
            }
        }
        JdbcConnection jc = c.unwrap(JdbcConnection.class);
        // the values Endpoint.driverProperties() gives the library's own pools; both are read per query
        List<Runnable> driver = new ArrayList<>();
        set(jc, PropertyKey.zeroDateTimeBehavior, PropertyDefinitions.ZeroDatetimeBehavior.CONVERT_TO_NULL, driver);
        set(jc, PropertyKey.netTimeoutForStreamingResults, 0, driver);
        String schema = database(c);
        Restorer restorer = new Restorer(c, session, schema, driver);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            restorer.restoreAndClose();
                            return null;
                        case "unwrap":
                            return ((Class<?>) args[0]).isInstance(proxy) ? proxy : c.unwrap((Class<?>) args[0]);
                        case "isWrapperFor":
                            return ((Class<?>) args[0]).isInstance(proxy) || c.isWrapperFor((Class<?>) args[0]);
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "toString":
                            return "Connection{" + describe + " via the caller's DataSource}";
                        default:
                            try {
                                return method.invoke(c, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    private static <T> void set(JdbcConnection jc, PropertyKey key, T value, List<Runnable> undo) {
        RuntimeProperty<T> p = jc.getPropertySet().getProperty(key);
        T old = p.getValue();
        p.setValue(value);
        undo.add(() -> p.setValue(old));
    }

    private static String database(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Map<String, String> sessionVariables(Connection c) throws SQLException {
        Map<String, String> vars = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW SESSION VARIABLES")) {
            while (rs.next()) {
                vars.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        return vars;
    }

    /** Puts a borrowed connection's session back as it was, then hands it back to the caller's DataSource. */
    private final class Restorer {
        private final Connection c;
        private final Map<String, String> session;
        private final String schema;
        private final List<Runnable> driver;
        private boolean closed;

        Restorer(Connection c, Map<String, String> session, String schema, List<Runnable> driver) {
            this.c = c;
            this.session = session;
            this.schema = schema;
            this.driver = driver;
        }

        synchronized void restoreAndClose() throws SQLException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                restore();
            } catch (SchemaChanged e) {
                LOG.debug("{}: a connection from the caller's DataSource now has a default schema; aborting it", describe);
                abort();
            } catch (SQLException | RuntimeException e) {
                // never hand the caller a session we changed: the caller's pool sees the connection closed and drops it
                LOG.warn("{}: the session of a connection from the caller's DataSource could not be restored ({});"
                        + " aborting that connection", describe, e.toString());
                abort();
            } finally {
                c.close();
            }
        }

        private void abort() {
            try {
                c.unwrap(JdbcConnection.class).abortInternal();
            } catch (SQLException | RuntimeException e) {
                LOG.debug("abort failed: {}", e.toString());
            }
            // one call through the caller's pool's own proxy fails with SQLSTATE 08003: a pool such as HikariCP then
            // marks the connection broken and drops it on close instead of lending it out again
            try (Statement st = c.createStatement()) {
                st.execute("DO 1");
            } catch (SQLException | RuntimeException expected) {
                LOG.trace("aborted: {}", expected.toString());
            }
        }

        private void restore() throws SQLException {
            if (c.isClosed()) {
                return;
            }
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            Map<String, String> now = sessionVariables(c);
            try (Statement st = c.createStatement()) {
                for (Map.Entry<String, String> e : session.entrySet()) {
                    String name = e.getKey();
                    String was = e.getValue();
                    if (MOVING.contains(name) || !now.containsKey(name) || Objects.equals(now.get(name), was)) {
                        continue;
                    }
                    // SHOW VARIABLES shows NULL as empty: character_set_results is NULL on Connector/J's sessions
                    String value = was == null || was.isEmpty() && name.startsWith("character_set_") ? "NULL"
                            : NUMBER.matcher(was).matches() ? was
                            : "'" + was.replace("\\", "\\\\").replace("'", "''") + "'";
                    st.execute("SET SESSION " + name + " = " + value);
                }
            }
            if (!Objects.equals(schema, database(c))) { // the server's: a USE statement goes past the driver
                if (schema == null) { // MySQL has no statement that leaves a default schema: the session is dropped
                    throw new SchemaChanged();
                }
                c.setCatalog(schema);
            }
            driver.forEach(Runnable::run);
        }
    }

    /** The session has a default schema it did not have: nothing but a new session can undo that. */
    private static final class SchemaChanged extends SQLException {
        SchemaChanged() {
            super("the default schema cannot be unset");
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the caller's DataSource logs in itself");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return caller.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        caller.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        caller.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return caller.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return caller.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}

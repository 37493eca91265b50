package io.github.auroramigrate.replication;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.internal.Jdbc;
import io.github.auroramigrate.replication.internal.ServerFacts;
import io.github.auroramigrate.replication.internal.SqlStatement;
import io.github.auroramigrate.replication.internal.SqlLiterals;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account the target's replication connects to the source with. {@link #create} makes one on the source with
 * the grants and the authentication plugin that fit both ends; {@link #of} names an existing one.
 *
 * <pre>{@code
 * ReplicationUser repl = ReplicationUser.create(source, "repl", secret, target);
 * }</pre>
 *
 * <p>Plugin choice: {@code mysql_native_password} when the source is MySQL 5.x, when the target is MySQL 5.7 or
 * MariaDB (their replicas cannot use {@code caching_sha2_password}), and when the target is Aurora/RDS on a plain
 * channel; otherwise the 8.0 default {@code caching_sha2_password}, which the target uses with TLS or with
 * {@code GET_SOURCE_PUBLIC_KEY=1} (set by {@link Replication} on plain channels). MariaDB sources use their default.
 * Grants: {@code REPLICATION SLAVE, REPLICATION CLIENT} (MariaDB 10.5+: {@code REPLICATION SLAVE, REPLICATION SLAVE
 * ADMIN, BINLOG MONITOR}). The DDL runs with {@code sql_log_bin=0} where the user may set it, so it does not
 * replicate to the target; on Aurora/RDS sources it is binary-logged: start replication from coordinates taken after
 * it.
 *
 * <p>Immutable and thread-safe; the password is never shown by {@link #toString()}.
 */
public final class ReplicationUser {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationUser.class);

    private final String name;
    private final String host;
    private final String password;
    private final String plugin;

    private ReplicationUser(String name, String host, String password, String plugin) {
        this.name = Objects.requireNonNull(name, "name");
        this.host = Objects.requireNonNull(host, "host");
        this.password = Objects.requireNonNull(password, "password");
        this.plugin = plugin;
        if (name.isBlank() || name.length() > 32) {
            throw new IllegalArgumentException("user name must be 1-32 characters");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
    }

    /** An existing account {@code 'name'@'%'}. */
    public static ReplicationUser of(String name, String password) {
        return new ReplicationUser(name, "%", password, null);
    }

    /** An existing account {@code 'name'@'host'}. */
    public static ReplicationUser of(String name, String host, String password) {
        return new ReplicationUser(name, host, password, null);
    }

    /**
     * Creates (or updates) {@code 'name'@'%'} on the source, for replication into {@code forTarget}.
     *
     * @param source    the source, as a user allowed to create users and grant replication privileges (one
     *                  connection, closed before this returns)
     * @param name      account name
     * @param password  its password (never logged)
     * @param forTarget the target that will replicate (probed once for its version and dialect)
     * @return the account
     * @throws ReplicationException diagnosed: e.g. REPLICATION_CHANNEL_SECURITY when no plugin fits both ends
     */
    public static ReplicationUser create(Endpoint source, String name, String password, Endpoint forTarget) {
        return create(source, name, "%", password, forTarget, false);
    }

    /**
     * Creates (or updates) {@code 'name'@'host'} on the source, for replication into {@code forTarget}.
     *
     * @param source     the source, as a user allowed to create users and grant replication privileges (one
     *                   connection, closed before this returns)
     * @param name       account name
     * @param host       host part, e.g. the target's address or {@code %}
     * @param password   its password (never logged)
     * @param forTarget  the target that will replicate (probed once)
     * @param requireTls whether the account must connect with TLS ({@code REQUIRE SSL}); configure the channel with
     *                   {@code Replication.Builder.channelTls(true)} then
     * @return the account
     * @throws NullPointerException for a null argument
     * @throws ReplicationException diagnosed: e.g. REPLICATION_CHANNEL_SECURITY when no plugin fits both ends
     */
    public static ReplicationUser create(Endpoint source, String name, String host, String password,
            Endpoint forTarget, boolean requireTls) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(forTarget, "forTarget");
        ServerFacts target;
        try (Connection t = forTarget.connect()) {
            target = ServerFacts.probe(t, forTarget.describe());
        } catch (SQLException e) {
            throw Jdbc.failure(e, SqlStatement.of("probe"), forTarget.describe());
        }
        String endpoint = source.describe();
        try (Connection c = source.connect()) {
            return create(c, endpoint, name, host, password, target, requireTls);
        } catch (SQLException e) {
            throw Jdbc.failure(e, SqlStatement.of("SET SESSION sql_log_bin"), endpoint);
        }
    }

    /** Creates (or updates) the account on the source over {@code c}, for a target known by {@code target}. */
    private static ReplicationUser create(Connection c, String endpoint, String name, String host, String password,
            ServerFacts target, boolean requireTls) throws SQLException {
        ServerFacts source = ServerFacts.probe(c, endpoint);
        String plugin = choosePlugin(source, target, requireTls);
        boolean unlogged = disableBinlog(c);
        for (SqlStatement s : ddl(source, name, host, password, plugin, requireTls)) {
            Jdbc.execute(c, s, endpoint);
        }
        if (unlogged) {
            try (Statement st = c.createStatement()) {
                st.execute("SET SESSION sql_log_bin = 1");
            }
        }
        LOG.info("replication user '{}'@'{}' ready on {} ({}{})", name, host, endpoint,
                plugin == null ? "default plugin" : plugin, unlogged ? ", not binary-logged"
                        : ", binary-logged: start replication after it");
        return new ReplicationUser(name, host, password, plugin);
    }

    private static boolean disableBinlog(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("SET SESSION sql_log_bin = 0");
            return true;
        } catch (SQLException e) {
            return false; // 1227 on Aurora/RDS and for users without SUPER / SYSTEM_VARIABLES_ADMIN
        }
    }

    /**
     * The plugin for a replication user on {@code source} used by {@code target}; null for the server default.
     *
     * @throws ReplicationException REPLICATION_CHANNEL_SECURITY when none fits
     */
    static String choosePlugin(ServerFacts source, ServerFacts target, boolean tls) {
        if (source.mariaDb()) {
            return null;
        }
        if (!source.atLeast(8, 0, 0)) {
            return "mysql_native_password";
        }
        boolean oldReplica = target.mariaDb() || !target.atLeast(8, 0, 0);
        boolean rdsPlain = target.dialect() == Dialect.RDS && !tls;
        if (oldReplica || rdsPlain) {
            if (!source.nativePasswordAvailable()) {
                if (oldReplica) {
                    throw new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_CHANNEL_SECURITY,
                            "The source (" + source.describe() + ") offers only caching_sha2_password, which a "
                                    + target.describe() + " replica cannot use")
                            .withAdvice("Load the mysql_native_password plugin on the source "
                                    + "(mysql_native_password=ON in 8.4) or use a newer target."));
                }
                return "caching_sha2_password";
            }
            return "mysql_native_password";
        }
        return "caching_sha2_password";
    }

    static List<SqlStatement> ddl(ServerFacts source, String name, String host, String password, String plugin,
            boolean requireTls) {
        boolean nbe = source.noBackslashEscapes();
        String account = SqlLiterals.literal(name, nbe) + "@" + SqlLiterals.literal(host, nbe);
        String auth = (plugin == null ? "" : " IDENTIFIED WITH " + plugin) + (plugin == null ? " IDENTIFIED BY " : " BY ");
        String pw = SqlLiterals.literal(password, nbe);
        String tls = requireTls ? " REQUIRE SSL" : "";
        List<SqlStatement> out = new ArrayList<>();
        out.add(secret("CREATE USER IF NOT EXISTS " + account + auth, pw, tls, password));
        out.add(secret("ALTER USER " + account + auth, pw, tls, password));
        String grants;
        if (source.mariaDb()) {
            grants = source.atLeast(10, 5, 2) ? "REPLICATION SLAVE, REPLICATION SLAVE ADMIN, BINLOG MONITOR"
                    : "REPLICATION SLAVE, REPLICATION CLIENT";
        } else {
            grants = "REPLICATION SLAVE, REPLICATION CLIENT";
        }
        out.add(SqlStatement.of("GRANT " + grants + " ON *.* TO " + account));
        return out;
    }

    private static SqlStatement secret(String head, String literal, String tail, String password) {
        return new SqlStatement(head + literal + tail, List.of(), head + "'****'" + tail, password);
    }

    /** @return the account name */
    public String name() {
        return name;
    }

    /** @return the host part */
    public String host() {
        return host;
    }

    /** @return the authentication plugin chosen by {@link #create}, when created by it */
    public Optional<String> plugin() {
        return Optional.ofNullable(plugin);
    }

    /** @return {@code 'name'@'host'} */
    public String account() {
        return "'" + name + "'@'" + host + "'";
    }

    /** The password, for the statements that configure the channel; never log it. */
    String password() {
        return password;
    }

    @Override
    public String toString() {
        return "ReplicationUser{" + account() + (plugin == null ? "" : ", " + plugin) + ", password=****}";
    }
}

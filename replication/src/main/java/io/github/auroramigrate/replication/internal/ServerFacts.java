package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.probe.BinlogSettings;
import io.github.auroramigrate.core.probe.Flavor;
import io.github.auroramigrate.core.probe.ServerInfo;
import io.github.auroramigrate.core.probe.ServerProbe;
import io.github.auroramigrate.core.probe.ServerVersion;
import io.github.auroramigrate.replication.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the replication module needs to know about one server: core's {@link ServerInfo} (flavour, version,
 * privileges, server_id, sql_mode, authentication plugins) plus the two things the probe does not read:
 * {@code @@server_uuid} and the {@code mysql.rds_*} procedures with their parameter counts (the dialect picks
 * procedure names and argument lists by them). Immutable and thread-safe.
 *
 * <pre>{@code
 * ServerFacts f = ServerFacts.probe(connection, endpoint.describe());
 * DialectSql sql = new DialectSql(f.dialect(), f);
 * }</pre>
 *
 * @param info          what core's probe found
 * @param serverUuid    {@code @@server_uuid}, or null (MariaDB)
 * @param rdsProcedures lower-case names of the {@code mysql.rds_*} procedures the user can see, with their
 *                      parameter counts
 */
public record ServerFacts(ServerInfo info, String serverUuid, Map<String, Integer> rdsProcedures) {

    /** Validates and copies. */
    public ServerFacts {
        Objects.requireNonNull(info, "info");
        rdsProcedures = Map.copyOf(rdsProcedures);
    }

    /** Facts for a server of the given version, with no RDS procedures and all privileges (for SQL generation). */
    public static ServerFacts ofVersion(String version) {
        return new ServerFacts(syntheticInfo(version, Set.of("ALL PRIVILEGES"), false,
                Set.of("mysql_native_password", "caching_sha2_password")), null, Map.of());
    }

    /** @return a copy with the given RDS procedures (name to parameter count) and privileges */
    public ServerFacts withRds(Map<String, Integer> procedures, Set<String> userPrivileges) {
        return new ServerFacts(syntheticInfo(version(), userPrivileges, !procedures.isEmpty(), info.authPlugins()),
                serverUuid, procedures);
    }

    /** @return a copy whose server has only these authentication plugins active */
    public ServerFacts withAuthPlugins(Set<String> plugins) {
        return new ServerFacts(syntheticInfo(version(), info.privileges(), info.rdsProcedures(), plugins),
                serverUuid, rdsProcedures);
    }

    private static ServerInfo syntheticInfo(String version, Set<String> privileges, boolean rds, Set<String> plugins) {
        Flavor flavor = version.toLowerCase(Locale.ROOT).contains("mariadb") ? Flavor.MARIADB : Flavor.MYSQL;
        return new ServerInfo("test", flavor, ServerVersion.parse(version), "", null, "", privileges, rds,
                new BinlogSettings(true, "ROW", "FULL", null, ""), 1, 0, 64L << 20, true, "", "", "", "", false,
                false, false, List.of(), Map.of(), Set.of(), List.of(), plugins, Map.of(), List.of());
    }

    /**
     * Probes the server over an open connection: {@link ServerProbe#probeSettings(Connection, String)}, then server_uuid
     * and the RDS procedures.
     *
     * @throws io.github.auroramigrate.core.diagnose.MigrationException when the basic queries fail
     */
    public static ServerFacts probe(Connection c, String endpoint) {
        ServerInfo info = ServerProbe.probeSettings(c, endpoint);
        try (Statement st = c.createStatement()) {
            String uuid = mariaDb(info) ? null : optionalString(st, "SELECT @@server_uuid");
            Map<String, Integer> procs = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT r.ROUTINE_NAME, (SELECT COUNT(*) FROM information_schema.PARAMETERS p"
                    + " WHERE p.SPECIFIC_SCHEMA = r.ROUTINE_SCHEMA AND p.SPECIFIC_NAME = r.ROUTINE_NAME"
                    + " AND p.ORDINAL_POSITION > 0) FROM information_schema.ROUTINES r"
                    + " WHERE r.ROUTINE_SCHEMA = 'mysql' AND r.ROUTINE_TYPE = 'PROCEDURE' AND r.ROUTINE_NAME LIKE 'rds\\_%'")) {
                while (rs.next()) {
                    procs.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getInt(2));
                }
            }
            return new ServerFacts(info, uuid, procs);
        } catch (SQLException e) {
            throw ErrorCatalog.toException(e, endpoint, false);
        }
    }

    private static String optionalString(Statement st, String sql) {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null; // variable not present on this server
        }
    }

    // The flavour alone is not enough: the probe calls RDS for MariaDB RDS_MYSQL; the SQL differs by the engine.
    private static boolean mariaDb(ServerInfo info) {
        return info.flavor() == Flavor.MARIADB
                || (info.version().raw() + " " + info.versionComment()).toLowerCase(Locale.ROOT).contains("mariadb");
    }

    /** @return VERSION() text, e.g. {@code 8.0.31} or {@code 11.4.5-MariaDB-log} */
    public String version() {
        return info.version().raw();
    }

    /** @return whether the server is MariaDB (also when managed by RDS) */
    public boolean mariaDb() {
        return mariaDb(info);
    }

    /** @return {@code @@server_id} */
    public long serverId() {
        return info.serverId();
    }

    /** @return whether the session sql_mode contains NO_BACKSLASH_ESCAPES */
    public boolean noBackslashEscapes() {
        return info.sqlMode().toUpperCase(Locale.ROOT).contains("NO_BACKSLASH_ESCAPES");
    }

    /** @return whether the mysql_native_password plugin is active (always on MariaDB) */
    public boolean nativePasswordAvailable() {
        return mariaDb() || info.authPlugins().stream().anyMatch("mysql_native_password"::equalsIgnoreCase);
    }

    /** @return whether the version is at least major.minor.patch */
    public boolean atLeast(int maj, int min, int pat) {
        return info.version().atLeast(maj, min, pat);
    }

    /**
     * @return whether the connected user holds the global privilege; see {@link ServerInfo#hasPrivilege(String)}:
     *         ALL PRIVILEGES covers static privileges only, so a dynamic one such as REPLICATION_SLAVE_ADMIN must be
     *         held by name on MySQL
     */
    public boolean hasPrivilege(String privilege) {
        return info.hasPrivilege(privilege);
    }

    /** @return whether the server offers the RDS replication procedures */
    public boolean managed() {
        return rdsProcedures.containsKey("rds_set_external_master") || rdsProcedures.containsKey("rds_set_external_source");
    }

    /**
     * The dialect to use on this server: MARIADB for MariaDB; RDS when the procedures exist and the user can run
     * neither {@code CHANGE MASTER} (SUPER) nor {@code CHANGE REPLICATION SOURCE} (REPLICATION_SLAVE_ADMIN);
     * otherwise by version.
     */
    public Dialect dialect() {
        if (mariaDb()) {
            return Dialect.MARIADB;
        }
        if (managed() && !hasPrivilege("SUPER") && !hasPrivilege("REPLICATION_SLAVE_ADMIN")) {
            return Dialect.RDS;
        }
        if (atLeast(8, 4, 0)) {
            return Dialect.MYSQL_84;
        }
        if (atLeast(8, 0, 22)) {
            return Dialect.MYSQL_80;
        }
        return Dialect.MYSQL_57;
    }

    /** @return {@code flavour version} for messages, e.g. {@code MySQL 8.0.31} */
    public String describe() {
        return (mariaDb() ? "MariaDB " : info.aurora().map(a -> "Aurora MySQL " + a + " / MySQL ").orElse("MySQL "))
                + info.version().number();
    }
}

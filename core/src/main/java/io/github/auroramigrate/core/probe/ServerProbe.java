package io.github.auroramigrate.core.probe;

import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.endpoint.Endpoint;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out what a server is and what the connected user may do there, before a byte moves.
 *
 * <pre>{@code
 * ServerInfo source = ServerProbe.probe(sourceEndpoint);
 * System.out.println(source.summary());
 * }</pre>
 *
 * <p>Each question is asked separately: a query the user may not run (e.g. reading {@code mysql.user}) is
 * recorded in {@link ServerInfo#warnings()} and the probe goes on. Only a failure to connect or to read the
 * version is fatal. Stateless and thread-safe.
 */
public final class ServerProbe {
    private static final Logger LOG = LoggerFactory.getLogger(ServerProbe.class);
    static final String SYSTEM_SCHEMAS = io.github.auroramigrate.core.sql.SystemSchemas.sqlList();
    private static final Pattern GLOBAL_GRANT = Pattern.compile("^GRANT (.+?) ON \\*\\.\\* TO ", Pattern.CASE_INSENSITIVE);

    private ServerProbe() {
    }

    /**
     * Probes the server behind an endpoint over one short-lived connection.
     *
     * @throws io.github.auroramigrate.core.diagnose.ConnectionException when the connection fails (diagnosed)
     */
    public static ServerInfo probe(Endpoint endpoint) {
        try (Connection c = endpoint.connect()) {
            return probe(c, endpoint.describe());
        } catch (SQLException e) {
            throw ErrorCatalog.toException(e, endpoint.describe(), false);
        }
    }

    /**
     * Probes over a connection the caller owns (it is left open).
     *
     * @param connection          an open connection
     * @param endpointDescription {@code user@host:port} for messages
     * @throws io.github.auroramigrate.core.diagnose.MigrationException when even the version cannot be read
     */
    public static ServerInfo probe(Connection connection, String endpointDescription) {
        return new Run(connection, endpointDescription, true).run();
    }

    /**
     * Probes only the server's settings, the user's privileges and the authentication plugins: no scan of schemas,
     * engines, collations, definers or accounts (those lists come back empty). For callers that run often or on
     * sources with very many tables, such as replication set-up.
     *
     * @param connection          an open connection, left open
     * @param endpointDescription {@code user@host:port} for messages
     */
    public static ServerInfo probeSettings(Connection connection, String endpointDescription) {
        return new Run(connection, endpointDescription, false).run();
    }

    /** One probe over one connection; collects warnings as it goes. */
    private static final class Run {
        private final Connection c;
        private final String endpoint;
        private final List<String> warnings = new ArrayList<>();
        private final boolean scanObjects;

        Run(Connection c, String endpoint, boolean scanObjects) {
            this.c = c;
            this.endpoint = endpoint;
            this.scanObjects = scanObjects;
        }

        ServerInfo run() {
            Map<String, String> vars;
            try {
                vars = variables();
            } catch (SQLException e) {
                throw ErrorCatalog.toException(e, endpoint, false);
            }
            String versionText = vars.getOrDefault("version", "0.0.0");
            String comment = vars.getOrDefault("version_comment", "");
            ServerVersion version = ServerVersion.parse(versionText);
            String aurora = vars.containsKey("aurora_version") ? vars.get("aurora_version") : auroraVersion();
            boolean rds = rdsProceduresPresent();
            Flavor flavor = flavor(versionText, comment, vars, aurora, rds);
            boolean mariadb = versionText.toLowerCase(Locale.ROOT).contains("mariadb");

            BinlogSettings binlog = new BinlogSettings(on(vars.get("log_bin")), vars.getOrDefault("binlog_format", ""),
                    vars.getOrDefault("binlog_row_image", ""), retention(vars, rds),
                    mariadb ? "MARIADB" : vars.getOrDefault("gtid_mode", ""));
            String tz = vars.getOrDefault("time_zone", "");
            if (tz.equalsIgnoreCase("SYSTEM")) {
                tz = "SYSTEM (" + vars.getOrDefault("system_time_zone", "?") + ")";
            }
            ServerInfo info = new ServerInfo(endpoint, flavor, version, comment, aurora, scalar("SELECT CURRENT_USER()", ""),
                    privileges(), rds, binlog, parseLong(vars.get("server_id")),
                    (int) parseLong(vars.get("lower_case_table_names")), parseLong(vars.get("max_allowed_packet")),
                    on(vars.get("local_infile")), vars.getOrDefault("character_set_server", ""),
                    vars.getOrDefault("collation_server", ""), vars.getOrDefault("sql_mode", ""), tz,
                    !"0".equals(scalar("SELECT COUNT(*) FROM mysql.time_zone_name", "0")),
                    on(vars.get("log_bin_trust_function_creators")), on(vars.get("read_only")),
                    scanObjects ? schemas() : List.of(), scanObjects ? engines() : Map.of(),
                    scanObjects ? collations() : Set.of(), scanObjects ? definedObjects() : List.of(), authPlugins(),
                    scanObjects ? accountPlugins() : Map.of(), warnings);
            LOG.debug("{} probed: {}", endpoint, info.summary());
            return info;
        }

        private Map<String, String> variables() throws SQLException {
            Map<String, String> vars = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            String names = "'version','version_comment','aurora_version','log_bin','binlog_format','binlog_row_image',"
                    + "'binlog_expire_logs_seconds','expire_logs_days','gtid_mode','server_id','lower_case_table_names',"
                    + "'max_allowed_packet','local_infile','character_set_server','collation_server','sql_mode','time_zone',"
                    + "'system_time_zone','log_bin_trust_function_creators','read_only','basedir'";
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name IN (" + names + ")")) {
                while (rs.next()) {
                    vars.put(rs.getString(1), rs.getString(2));
                }
            }
            // Session values decide what this connection experiences.
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT @@SESSION.sql_mode, @@SESSION.time_zone, VERSION()")) {
                if (rs.next()) {
                    vars.put("sql_mode", rs.getString(1));
                    vars.put("time_zone", rs.getString(2));
                    vars.put("version", rs.getString(3));
                }
            }
            return vars;
        }

        private String auroraVersion() {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT AURORA_VERSION()")) {
                return rs.next() ? rs.getString(1) : null;
            } catch (SQLException notAurora) {
                return null;
            }
        }

        private boolean rdsProceduresPresent() {
            return !"0".equals(scalar("SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = 'mysql'"
                    + " AND ROUTINE_NAME IN ('rds_set_external_master','rds_set_external_source')", "0"));
        }

        private static Flavor flavor(String version, String comment, Map<String, String> vars, String aurora, boolean rds) {
            String v = (version + " " + comment).toLowerCase(Locale.ROOT);
            if (aurora != null) {
                return Flavor.AURORA_MYSQL;
            }
            if (rds || vars.getOrDefault("basedir", "").startsWith("/rdsdbbin")) {
                return Flavor.RDS_MYSQL;
            }
            if (v.contains("mariadb")) {
                return Flavor.MARIADB;
            }
            if (v.contains("percona")) {
                return Flavor.PERCONA;
            }
            return Flavor.MYSQL;
        }

        private Duration retention(Map<String, String> vars, boolean rds) {
            if (rds) {
                String hours = scalar("SELECT value FROM mysql.rds_configuration WHERE name = 'binlog retention hours'", null);
                if (hours != null && !hours.equalsIgnoreCase("NULL")) {
                    return Duration.ofHours(parseLong(hours));
                }
            }
            long seconds = parseLong(vars.get("binlog_expire_logs_seconds"));
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
            long days = parseLong(vars.get("expire_logs_days"));
            if (days > 0) {
                return Duration.ofDays(days);
            }
            return vars.containsKey("binlog_expire_logs_seconds") || vars.containsKey("expire_logs_days") ? Duration.ZERO : null;
        }

        private Set<String> privileges() {
            Set<String> privs = new LinkedHashSet<>();
            for (String grant : column("SHOW GRANTS FOR CURRENT_USER()")) {
                Matcher m = GLOBAL_GRANT.matcher(grant);
                if (m.find()) {
                    for (String p : m.group(1).split(",")) {
                        String priv = p.strip().replace("`", "").toUpperCase(Locale.ROOT);
                        privs.add(priv.equals("ALL") ? "ALL PRIVILEGES" : priv);
                    }
                }
            }
            return privs;
        }

        private List<String> schemas() {
            return column("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN " + SYSTEM_SCHEMAS
                    + " ORDER BY SCHEMA_NAME");
        }

        private Map<String, Integer> engines() {
            Map<String, Integer> engines = new TreeMap<>();
            query("SELECT ENGINE, COUNT(*) FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN "
                    + SYSTEM_SCHEMAS + " GROUP BY ENGINE", rs -> engines.put(String.valueOf(rs.getString(1)), rs.getInt(2)));
            return engines;
        }

        private Set<String> collations() {
            Set<String> set = new java.util.TreeSet<>(column("SELECT DISTINCT TABLE_COLLATION FROM information_schema.TABLES WHERE"
                    + " TABLE_COLLATION IS NOT NULL AND TABLE_SCHEMA NOT IN " + SYSTEM_SCHEMAS));
            set.addAll(column("SELECT DISTINCT COLLATION_NAME FROM information_schema.COLUMNS WHERE COLLATION_NAME IS NOT NULL"
                    + " AND TABLE_SCHEMA NOT IN " + SYSTEM_SCHEMAS));
            return set;
        }

        private List<DefinedObject> definedObjects() {
            List<DefinedObject> objects = new ArrayList<>();
            String where = " NOT IN " + SYSTEM_SCHEMAS;
            query("SELECT 'VIEW', TABLE_SCHEMA, TABLE_NAME, DEFINER, SECURITY_TYPE FROM information_schema.VIEWS WHERE TABLE_SCHEMA" + where
                    + " UNION ALL SELECT ROUTINE_TYPE, ROUTINE_SCHEMA, ROUTINE_NAME, DEFINER, SECURITY_TYPE FROM information_schema.ROUTINES"
                    + " WHERE ROUTINE_SCHEMA" + where
                    + " UNION ALL SELECT 'TRIGGER', TRIGGER_SCHEMA, TRIGGER_NAME, DEFINER, 'DEFINER' FROM information_schema.TRIGGERS"
                    + " WHERE TRIGGER_SCHEMA" + where
                    + " UNION ALL SELECT 'EVENT', EVENT_SCHEMA, EVENT_NAME, DEFINER, 'DEFINER' FROM information_schema.EVENTS"
                    + " WHERE EVENT_SCHEMA" + where,
                    rs -> objects.add(new DefinedObject(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))));
            return objects;
        }

        private Set<String> authPlugins() {
            return new java.util.TreeSet<>(column("SELECT PLUGIN_NAME FROM information_schema.PLUGINS WHERE PLUGIN_TYPE = 'AUTHENTICATION'"
                    + " AND PLUGIN_STATUS = 'ACTIVE'"));
        }

        private Map<String, String> accountPlugins() {
            Map<String, String> map = new TreeMap<>();
            query("SELECT CONCAT(User, '@', Host), plugin FROM mysql.user WHERE plugin <> ''", rs -> map.put(rs.getString(1), rs.getString(2)));
            return map;
        }

        private String scalar(String sql, String fallback) {
            List<String> values = column(sql);
            return values.isEmpty() || values.get(0) == null ? fallback : values.get(0);
        }

        private List<String> column(String sql) {
            List<String> out = new ArrayList<>();
            query(sql, rs -> out.add(rs.getString(1)));
            return out;
        }

        private void query(String sql, RowHandler handler) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    handler.accept(rs);
                }
            } catch (SQLException e) {
                String msg = "could not run [" + sql.substring(0, Math.min(60, sql.length())) + "...]: " + e.getMessage();
                warnings.add(msg);
                LOG.debug("{} probe: {}", endpoint, msg);
            }
        }

        private static boolean on(String value) {
            return value != null && (value.equalsIgnoreCase("ON") || value.equals("1"));
        }

        private static long parseLong(String value) {
            if (value == null || value.isBlank()) {
                return 0;
            }
            try {
                return (long) Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }
}

package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.replication.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the replication module needs to know about one server: flavour, version, privileges of the connected user,
 * and which {@code mysql.rds_*} procedures exist. Kept in one place so that core's probe can replace it.
 * Immutable and thread-safe.
 *
 * @param version            VERSION() text, e.g. {@code 8.0.31} or {@code 11.4.5-MariaDB-log}
 * @param versionComment     {@code @@version_comment}
 * @param mariaDb            whether the server is MariaDB
 * @param major              major version
 * @param minor              minor version
 * @param patch              patch version
 * @param auroraVersion      {@code @@aurora_version}, or null when not Aurora
 * @param serverId           {@code @@server_id}
 * @param serverUuid         {@code @@server_uuid}, or null (MariaDB)
 * @param rdsProcedures      lower-case names of the {@code mysql.rds_*} procedures the user can see, with their
 *                           parameter counts
 * @param privileges         global privileges of the connected user, upper case ({@code ALL PRIVILEGES} when so
 *                           granted)
 * @param noBackslashEscapes whether the session sql_mode contains NO_BACKSLASH_ESCAPES
 * @param nativePasswordAvailable whether the mysql_native_password plugin is active
 */
public record ServerFacts(String version, String versionComment, boolean mariaDb, int major, int minor, int patch,
        String auroraVersion, long serverId, String serverUuid, Map<String, Integer> rdsProcedures,
        Set<String> privileges, boolean noBackslashEscapes, boolean nativePasswordAvailable) {
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

    /** Validates and copies. */
    public ServerFacts {
        Objects.requireNonNull(version, "version");
        versionComment = versionComment == null ? "" : versionComment;
        rdsProcedures = Map.copyOf(rdsProcedures);
        privileges = Set.copyOf(privileges);
    }

    /** Facts for a server of the given version, with no RDS procedures and all privileges (for SQL generation). */
    public static ServerFacts ofVersion(String version) {
        int[] v = parseVersion(version);
        boolean maria = version.toLowerCase(Locale.ROOT).contains("mariadb");
        return new ServerFacts(version, "", maria, v[0], v[1], v[2], null, 1, null, Map.of(), Set.of("ALL PRIVILEGES"),
                false, true);
    }

    /** @return a copy with the given RDS procedures (name to parameter count) and privileges */
    public ServerFacts withRds(Map<String, Integer> procedures, Set<String> userPrivileges) {
        return new ServerFacts(version, versionComment, mariaDb, major, minor, patch, auroraVersion, serverId, serverUuid,
                procedures, userPrivileges, noBackslashEscapes, nativePasswordAvailable);
    }

    /**
     * Reads the facts over an open connection.
     *
     * @throws io.github.auroramigrate.core.diagnose.MigrationException when the basic queries fail
     */
    public static ServerFacts probe(Connection c, String endpoint) {
        try (Statement st = c.createStatement()) {
            String version;
            String comment;
            long serverId;
            String sqlMode;
            try (ResultSet rs = st.executeQuery("SELECT VERSION(), @@version_comment, @@server_id, @@session.sql_mode")) {
                rs.next();
                version = rs.getString(1);
                comment = rs.getString(2);
                serverId = rs.getLong(3);
                sqlMode = rs.getString(4);
            }
            boolean maria = version.toLowerCase(Locale.ROOT).contains("mariadb")
                    || (comment != null && comment.toLowerCase(Locale.ROOT).contains("mariadb"));
            String uuid = maria ? null : optionalString(st, "SELECT @@server_uuid");
            String aurora = optionalString(st, "SELECT @@aurora_version");
            Map<String, Integer> procs = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT r.ROUTINE_NAME, (SELECT COUNT(*) FROM information_schema.PARAMETERS p"
                    + " WHERE p.SPECIFIC_SCHEMA = r.ROUTINE_SCHEMA AND p.SPECIFIC_NAME = r.ROUTINE_NAME"
                    + " AND p.ORDINAL_POSITION > 0) FROM information_schema.ROUTINES r"
                    + " WHERE r.ROUTINE_SCHEMA = 'mysql' AND r.ROUTINE_TYPE = 'PROCEDURE' AND r.ROUTINE_NAME LIKE 'rds\\_%'")) {
                while (rs.next()) {
                    procs.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getInt(2));
                }
            }
            Set<String> privs = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SHOW GRANTS")) {
                while (rs.next()) {
                    privs.addAll(globalPrivileges(rs.getString(1)));
                }
            }
            boolean nativeAvailable = maria || !"0".equals(optionalString(st,
                    "SELECT COUNT(*) FROM information_schema.PLUGINS WHERE PLUGIN_NAME = 'mysql_native_password'"
                            + " AND PLUGIN_STATUS = 'ACTIVE'"));
            int[] v = parseVersion(version);
            return new ServerFacts(version, comment, maria, v[0], v[1], v[2], aurora, serverId, uuid, procs, privs,
                    sqlMode != null && sqlMode.toUpperCase(Locale.ROOT).contains("NO_BACKSLASH_ESCAPES"), nativeAvailable);
        } catch (SQLException e) {
            throw ErrorCatalog.toException(e, endpoint, false);
        }
    }

    private static String optionalString(Statement st, String sql) {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return null; // variable or table not present on this server
        }
    }

    /** The privileges a {@code GRANT ... ON *.* TO ...} line gives, upper case; none for other lines. */
    static Set<String> globalPrivileges(String grantLine) {
        Matcher m = Pattern.compile("^GRANT (.+?) ON \\*\\.\\* TO ", Pattern.CASE_INSENSITIVE).matcher(grantLine);
        Set<String> out = new HashSet<>();
        if (m.find()) {
            for (String p : m.group(1).split(",")) {
                out.add(p.trim().toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    static int[] parseVersion(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            throw new IllegalArgumentException("unrecognised server version: " + version);
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    /** @return whether the version is at least major.minor.patch */
    public boolean atLeast(int maj, int min, int pat) {
        if (major != maj) {
            return major > maj;
        }
        if (minor != min) {
            return minor > min;
        }
        return patch >= pat;
    }

    /** @return whether the connected user holds the global privilege (or ALL PRIVILEGES, which includes it) */
    public boolean hasPrivilege(String privilege) {
        String p = privilege.toUpperCase(Locale.ROOT);
        if (privileges.contains(p)) {
            return true;
        }
        // ALL PRIVILEGES covers static privileges only; MySQL 8.0 lists dynamic ones (with underscores) by name.
        boolean dynamic = p.contains("_") && !mariaDb;
        return !dynamic && (privileges.contains("ALL PRIVILEGES") || privileges.contains("ALL"));
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
        if (mariaDb) {
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
        return (mariaDb ? "MariaDB " : auroraVersion != null ? "Aurora MySQL " + auroraVersion + " / MySQL " : "MySQL ")
                + major + "." + minor + "." + patch;
    }
}

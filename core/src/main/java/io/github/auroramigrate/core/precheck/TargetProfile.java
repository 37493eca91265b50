package io.github.auroramigrate.core.precheck;

import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.probe.ServerInfo;
import io.github.auroramigrate.core.probe.ServerProbe;
import io.github.auroramigrate.core.probe.ServerVersion;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the pre-check assumes about the target: either a documented Aurora version ({@link #AURORA_MYSQL_2},
 * {@link #AURORA_MYSQL_3}, with engine defaults for the parameter-group settings) or a live server
 * ({@link #probe(Endpoint)}), which is exact.
 *
 * <pre>{@code
 * TargetProfile aurora3 = TargetProfile.AURORA_MYSQL_3;
 * TargetProfile live = TargetProfile.probe(targetEndpoint);
 * }</pre>
 *
 * @param name                 a label for reports
 * @param version              server version the target is compatible with
 * @param mariadb              whether the target is MariaDB
 * @param canSetAnyDefiner     whether the loading user may name other accounts in DEFINER (SUPER or SET_USER_ID)
 * @param existingAccounts     accounts ({@code user@host}) on the target, or null when unknown
 * @param binlogEnabled        whether the target writes a binary log (then functions need log_bin_trust_function_creators)
 * @param trustFunctionCreators {@code log_bin_trust_function_creators}
 * @param hasSuper             whether the loading user holds SUPER
 * @param sqlMode              the sql_mode sessions get
 * @param timeZoneTables       whether named time zones work
 * @param lowerCaseTableNames  {@code lower_case_table_names}
 * @param maxAllowedPacket     {@code max_allowed_packet} in bytes
 * @param authPlugins          authentication plugins available
 * @param collations           collations the target knows, or null to decide by version rules
 * @param localInfile          whether LOAD DATA LOCAL is enabled
 */
public record TargetProfile(String name, ServerVersion version, boolean mariadb, boolean canSetAnyDefiner,
        Set<String> existingAccounts, boolean binlogEnabled, boolean trustFunctionCreators, boolean hasSuper, String sqlMode,
        boolean timeZoneTables, int lowerCaseTableNames, long maxAllowedPacket, Set<String> authPlugins,
        Set<String> collations, boolean localInfile) {

    private static final String STRICT_57 = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
            + "ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION";
    private static final String STRICT_80 = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
            + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

    /**
     * Aurora MySQL 2.x (MySQL 5.7-compatible): the master user has no SUPER and no SET_USER_ID; engine defaults for
     * sql_mode and max_allowed_packet (4 MiB); binary log off (Aurora's default); time zone tables loaded.
     */
    public static final TargetProfile AURORA_MYSQL_2 = new TargetProfile("Aurora MySQL 2 (5.7-compatible)",
            ServerVersion.parse("5.7.12"), false, false, null, false, false, false, STRICT_57, true, 0, 4L << 20,
            Set.of("mysql_native_password", "sha256_password"), null, true);

    /**
     * Aurora MySQL 3.x (MySQL 8.0-compatible): the master user has SET_USER_ID but no SUPER; engine defaults for
     * sql_mode and max_allowed_packet (64 MiB); binary log off (Aurora's default); time zone tables loaded.
     */
    public static final TargetProfile AURORA_MYSQL_3 = new TargetProfile("Aurora MySQL 3 (8.0-compatible)",
            ServerVersion.parse("8.0.28"), false, true, null, false, false, false, STRICT_80, true, 0, 64L << 20,
            Set.of("mysql_native_password", "sha256_password", "caching_sha2_password"), null, true);

    /** Validates and copies. */
    public TargetProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sqlMode, "sqlMode");
        existingAccounts = existingAccounts == null ? null : Set.copyOf(existingAccounts);
        authPlugins = Set.copyOf(authPlugins);
        collations = collations == null ? null : Set.copyOf(collations);
    }

    /**
     * Probes a live target, as the user that will load into it.
     *
     * @throws io.github.auroramigrate.core.diagnose.ConnectionException when it cannot connect
     */
    public static TargetProfile probe(Endpoint target) {
        try (Connection c = target.connect()) {
            ServerInfo info = ServerProbe.probe(c, target.describe());
            return of(info, collations(c));
        } catch (SQLException e) {
            throw ErrorCatalog.toException(e, target.describe(), false);
        }
    }

    /** A profile from a probe result; collations are then decided by version rules. */
    public static TargetProfile of(ServerInfo info) {
        return of(info, null);
    }

    private static TargetProfile of(ServerInfo info, Set<String> collations) {
        Set<String> accounts = info.accountPlugins().isEmpty() ? null : info.accountPlugins().keySet();
        return new TargetProfile(info.flavor().displayName() + " " + info.version().number() + " at " + info.endpoint(),
                info.version(), info.flavor() == io.github.auroramigrate.core.probe.Flavor.MARIADB, info.canSetAnyDefiner(),
                accounts, info.binlog().enabled(), info.logBinTrustFunctionCreators(), info.hasPrivilege("SUPER"),
                info.sqlMode(), info.timeZoneTablesLoaded(), info.lowerCaseTableNames(), info.maxAllowedPacket(),
                info.authPlugins(), collations, info.localInfile());
    }

    private static Set<String> collations(Connection c) throws SQLException {
        Set<String> set = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COLLATION_NAME FROM information_schema.COLLATIONS")) {
            while (rs.next()) {
                set.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return set;
    }

    /** @return a copy with another {@code lower_case_table_names} (e.g. an Aurora cluster created with 1) */
    public TargetProfile withLowerCaseTableNames(int value) {
        return new TargetProfile(name, version, mariadb, canSetAnyDefiner, existingAccounts, binlogEnabled, trustFunctionCreators,
                hasSuper, sqlMode, timeZoneTables, value, maxAllowedPacket, authPlugins, collations, localInfile);
    }

    /** @return a copy with another {@code max_allowed_packet} in bytes (e.g. a custom parameter group) */
    public TargetProfile withMaxAllowedPacket(long bytes) {
        return new TargetProfile(name, version, mariadb, canSetAnyDefiner, existingAccounts, binlogEnabled, trustFunctionCreators,
                hasSuper, sqlMode, timeZoneTables, lowerCaseTableNames, bytes, authPlugins, collations, localInfile);
    }

    /** @return the accounts known to exist on the target, when known */
    public Optional<Set<String>> accounts() {
        return Optional.ofNullable(existingAccounts);
    }

    /** @return whether the target knows a collation (exactly, for a probed target; by version rules otherwise) */
    public boolean knowsCollation(String collation) {
        String c = collation.toLowerCase(java.util.Locale.ROOT);
        if (collations != null) {
            return collations.contains(c);
        }
        if (c.contains("_0900_")) {
            return !mariadb && version.atLeast(8, 0, 0);
        }
        if (c.contains("uca1400")) {
            return mariadb && version.atLeast(10, 10, 0);
        }
        return true;
    }

    /** @return whether sessions reject zero dates (strict mode together with NO_ZERO_DATE or NO_ZERO_IN_DATE) */
    public boolean rejectsZeroDates() {
        String m = sqlMode.toUpperCase(java.util.Locale.ROOT);
        return (m.contains("STRICT_TRANS_TABLES") || m.contains("STRICT_ALL_TABLES") || m.contains("TRADITIONAL"))
                && (m.contains("NO_ZERO_DATE") || m.contains("NO_ZERO_IN_DATE") || m.contains("TRADITIONAL"));
    }
}

package io.github.auroramigrate.core.probe;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link ServerProbe} found on one server: flavour and version, the connected user's privileges, binary
 * log settings, the variables that decide whether a migration works, and what the user schemas contain.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * ServerInfo info = ServerProbe.probe(endpoint);
 * if (!info.hasPrivilege("SUPER") && !info.definedObjects().isEmpty()) { ... }
 * }</pre>
 *
 * @param endpoint              {@code user@host:port} the probe connected as
 * @param flavor                detected flavour
 * @param version               parsed {@code VERSION()}
 * @param versionComment        {@code @@version_comment}
 * @param auroraVersion         {@code aurora_version()} on Aurora, else null
 * @param currentUser           {@code CURRENT_USER()}
 * @param privileges            global privileges of the current user, upper case ("ALL PRIVILEGES" when granted so)
 * @param rdsProcedures         whether {@code mysql.rds_*} replication procedures exist (RDS, Aurora, or the testkit's emulation)
 * @param binlog                binary log settings
 * @param serverId              {@code @@server_id}
 * @param lowerCaseTableNames   {@code @@lower_case_table_names}
 * @param maxAllowedPacket      {@code @@max_allowed_packet} in bytes
 * @param localInfile           {@code @@local_infile}
 * @param characterSetServer    {@code @@character_set_server}
 * @param collationServer       {@code @@collation_server}
 * @param sqlMode               {@code @@sql_mode}
 * @param timeZone              {@code @@time_zone} (and system time zone when SYSTEM)
 * @param timeZoneTablesLoaded  whether mysql.time_zone_name has rows (named time zones work)
 * @param logBinTrustFunctionCreators {@code @@log_bin_trust_function_creators}
 * @param readOnly              {@code @@read_only}
 * @param schemas               user schemas (system schemas excluded)
 * @param enginesInUse          storage engine to number of user tables using it
 * @param collationsInUse       collations used by user tables and columns
 * @param definedObjects        views, routines, triggers and events with their definers
 * @param authPlugins           authentication plugins the server has active
 * @param accountPlugins        account ({@code user@host}) to authentication plugin, where the user may read mysql.user
 * @param warnings              what could not be probed and why (usually a missing privilege)
 */
public record ServerInfo(
        String endpoint,
        Flavor flavor,
        ServerVersion version,
        String versionComment,
        String auroraVersion,
        String currentUser,
        Set<String> privileges,
        boolean rdsProcedures,
        BinlogSettings binlog,
        long serverId,
        int lowerCaseTableNames,
        long maxAllowedPacket,
        boolean localInfile,
        String characterSetServer,
        String collationServer,
        String sqlMode,
        String timeZone,
        boolean timeZoneTablesLoaded,
        boolean logBinTrustFunctionCreators,
        boolean readOnly,
        List<String> schemas,
        Map<String, Integer> enginesInUse,
        Set<String> collationsInUse,
        List<DefinedObject> definedObjects,
        Set<String> authPlugins,
        Map<String, String> accountPlugins,
        List<String> warnings) {

    /** Validates and copies collections. */
    public ServerInfo {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(binlog, "binlog");
        privileges = Set.copyOf(privileges);
        schemas = List.copyOf(schemas);
        enginesInUse = Map.copyOf(enginesInUse);
        collationsInUse = Set.copyOf(collationsInUse);
        definedObjects = List.copyOf(definedObjects);
        authPlugins = Set.copyOf(authPlugins);
        accountPlugins = Map.copyOf(accountPlugins);
        warnings = List.copyOf(warnings);
    }

    /** @return the Aurora version, on Aurora */
    public Optional<String> aurora() {
        return Optional.ofNullable(auroraVersion);
    }

    /**
     * Whether the current user holds a global privilege, e.g. {@code "SUPER"}, {@code "RELOAD"},
     * {@code "REPLICATION CLIENT"}, {@code "BACKUP_ADMIN"}, {@code "SET_USER_ID"}.
     * {@code ALL PRIVILEGES} counts for every static privilege (and, on MariaDB, for every privilege).
     */
    public boolean hasPrivilege(String privilege) {
        String p = privilege.toUpperCase(Locale.ROOT).replace('_', ' ').strip();
        for (String held : privileges) {
            if (held.replace('_', ' ').equals(p)) {
                return true;
            }
        }
        boolean dynamic = privilege.contains("_") && !privilege.equalsIgnoreCase("CREATE_TABLESPACE");
        return privileges.contains("ALL PRIVILEGES") && (!dynamic || flavor == Flavor.MARIADB);
    }

    /**
     * Whether the current user may create objects whose DEFINER names another account: SUPER, or
     * SET_USER_ID on MySQL 8.0 (Aurora MySQL 3 grants it; Aurora MySQL 2 and RDS 5.7 do not).
     */
    public boolean canSetAnyDefiner() {
        return hasPrivilege("SUPER") || hasPrivilege("SET_USER_ID");
    }

    /** @return whether the user can use SET GLOBAL, CHANGE MASTER and the like (SUPER or their dynamic privileges) */
    public boolean hasSuperLikePrivileges() {
        return hasPrivilege("SUPER") || hasPrivilege("SYSTEM_VARIABLES_ADMIN");
    }

    /** @return tables per non-InnoDB engine in user schemas */
    public Map<String, Integer> nonInnoDbEngines() {
        return enginesInUse.entrySet().stream().filter(e -> !e.getKey().equalsIgnoreCase("InnoDB"))
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** @return a one-line summary, e.g. {@code MySQL 8.0.31 (server_id 3, binlog ROW, gtid OFF)} */
    public String summary() {
        return flavor.displayName() + " " + version.number() + aurora().map(a -> " (Aurora " + a + ")").orElse("")
                + " as " + currentUser + ", server_id " + serverId + ", binlog "
                + (binlog.enabled() ? binlog.format() : "OFF") + ", gtid_mode " + (binlog.gtidMode().isEmpty() ? "?" : binlog.gtidMode());
    }
}

package io.github.auroramigrate.core.precheck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The schema (and optionally data) questions the pre-check asks the source, beyond what the probe knows. */
final class SourceScan {
    private static final Logger LOG = LoggerFactory.getLogger(SourceScan.class);
    private static final String LOB_TYPES = "('blob','mediumblob','longblob','text','mediumtext','longtext','json',"
            + "'geometry','varbinary','varchar')";

    final List<String> tablesWithoutPrimaryKey = new ArrayList<>();
    final List<String> zeroDateDefaults = new ArrayList<>();
    final List<String> zeroDateData = new ArrayList<>();
    final List<String> namedTimeZoneUsers = new ArrayList<>();
    final List<String> caseCollisions = new ArrayList<>();
    final List<String> mixedCaseNames = new ArrayList<>();
    final List<String> functionsAndTriggers = new ArrayList<>();
    final Map<String, Long> largestValues = new TreeMap<>();
    final Map<String, Integer> nonInnoDbEngines = new TreeMap<>();
    final java.util.Set<String> collations = new java.util.TreeSet<>();
    final List<String> warnings = new ArrayList<>();

    private final Connection c;
    private final String schemaFilter;

    SourceScan(Connection c, List<String> schemas) {
        this.c = c;
        this.schemaFilter = schemas.isEmpty()
                ? " NOT IN ('mysql','information_schema','performance_schema','sys')"
                : " IN (" + String.join(",", schemas.stream().map(SourceScan::literal).toList()) + ")";
    }

    SourceScan run(boolean scanData) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = ''"); // compare zero dates without warnings turning into errors
        }
        rows("SELECT t.TABLE_SCHEMA, t.TABLE_NAME FROM information_schema.TABLES t WHERE t.TABLE_TYPE = 'BASE TABLE'"
                + " AND t.TABLE_SCHEMA" + schemaFilter + " AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS k"
                + " WHERE k.TABLE_SCHEMA = t.TABLE_SCHEMA AND k.TABLE_NAME = t.TABLE_NAME AND k.CONSTRAINT_TYPE = 'PRIMARY KEY')"
                + " ORDER BY 1, 2", r -> tablesWithoutPrimaryKey.add(name(r, 1, 2)));
        List<String[]> dateColumns = new ArrayList<>();
        rows("SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_DEFAULT FROM information_schema.COLUMNS c"
                + " JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                + " AND t.TABLE_TYPE = 'BASE TABLE' WHERE c.DATA_TYPE IN ('date','datetime','timestamp') AND c.TABLE_SCHEMA"
                + schemaFilter + " ORDER BY 1, 2, 3", r -> {
                    String def = r.getString(4);
                    if (def != null && (def.startsWith("0000-00-00") || def.contains("-00"))) {
                        zeroDateDefaults.add(name(r, 1, 2) + "." + r.getString(3) + " DEFAULT '" + def + "'");
                    }
                    dateColumns.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                });
        rows("SELECT 'ROUTINE', ROUTINE_SCHEMA, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA" + schemaFilter
                + " AND ROUTINE_DEFINITION LIKE '%CONVERT_TZ%'"
                + " UNION ALL SELECT 'VIEW', TABLE_SCHEMA, TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA" + schemaFilter
                + " AND VIEW_DEFINITION LIKE '%convert_tz%'"
                + " UNION ALL SELECT 'TRIGGER', TRIGGER_SCHEMA, TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA"
                + schemaFilter + " AND ACTION_STATEMENT LIKE '%CONVERT_TZ%'"
                + " UNION ALL SELECT 'EVENT', EVENT_SCHEMA, EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA" + schemaFilter
                + " AND EVENT_DEFINITION LIKE '%CONVERT_TZ%'", r -> namedTimeZoneUsers.add(r.getString(1) + " " + name(r, 2, 3)));
        rows("SELECT TABLE_SCHEMA, LOWER(TABLE_NAME), GROUP_CONCAT(TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA"
                + schemaFilter + " GROUP BY TABLE_SCHEMA, LOWER(TABLE_NAME) HAVING COUNT(*) > 1",
                r -> caseCollisions.add(r.getString(1) + ".{" + r.getString(3) + "}"));
        rows("SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA" + schemaFilter
                + " AND (BINARY TABLE_NAME <> BINARY LOWER(TABLE_NAME) OR BINARY TABLE_SCHEMA <> BINARY LOWER(TABLE_SCHEMA))",
                r -> mixedCaseNames.add(name(r, 1, 2)));
        rows("SELECT ROUTINE_SCHEMA, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_TYPE = 'FUNCTION' AND ROUTINE_SCHEMA"
                + schemaFilter, r -> functionsAndTriggers.add("FUNCTION " + name(r, 1, 2)));
        rows("SELECT ENGINE, COUNT(*) FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND ENGINE <> 'InnoDB'"
                + " AND TABLE_SCHEMA" + schemaFilter + " GROUP BY ENGINE", r -> nonInnoDbEngines.put(r.getString(1), r.getInt(2)));
        rows("SELECT TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_COLLATION IS NOT NULL AND TABLE_SCHEMA" + schemaFilter
                + " UNION SELECT COLLATION_NAME FROM information_schema.COLUMNS WHERE COLLATION_NAME IS NOT NULL AND TABLE_SCHEMA"
                + schemaFilter, r -> collations.add(r.getString(1)));
        if (scanData) {
            for (String[] col : dateColumns) {
                String sql = "SELECT 1 FROM " + ident(col[0]) + "." + ident(col[1]) + " WHERE MONTH(" + ident(col[2]) + ") = 0 OR DAYOFMONTH("
                        + ident(col[2]) + ") = 0 LIMIT 1";
                rows(sql, r -> zeroDateData.add(col[0] + "." + col[1] + "." + col[2]));
            }
            List<String[]> lobs = new ArrayList<>();
            rows("SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
                    + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'"
                    + " WHERE c.DATA_TYPE IN " + LOB_TYPES + " AND (c.CHARACTER_OCTET_LENGTH IS NULL OR c.CHARACTER_OCTET_LENGTH > 65535"
                    + " OR c.DATA_TYPE IN ('blob','text','json','geometry')) AND c.TABLE_SCHEMA" + schemaFilter,
                    r -> lobs.add(new String[] {r.getString(1), r.getString(2), r.getString(3)}));
            for (String[] col : lobs) {
                rows("SELECT MAX(LENGTH(" + ident(col[2]) + ")) FROM " + ident(col[0]) + "." + ident(col[1]), r -> {
                    long max = r.getLong(1);
                    if (max > 0) {
                        largestValues.put(col[0] + "." + col[1] + "." + col[2], max);
                    }
                });
            }
        }
        return this;
    }

    private void rows(String sql, RowConsumer consumer) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                consumer.accept(rs);
            }
        } catch (SQLException e) {
            warnings.add("could not check (" + e.getMessage() + ")");
            LOG.debug("pre-check query failed: {}", sql, e);
        }
    }

    private static String name(ResultSet r, int schema, int table) throws SQLException {
        return r.getString(schema) + "." + r.getString(table);
    }

    static String ident(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

}

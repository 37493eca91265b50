package io.github.auroramigrate.core.precheck;

import io.github.auroramigrate.core.sql.SystemSchemas;
import io.github.auroramigrate.core.sql.SqlText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import io.github.auroramigrate.core.probe.Flavor;
import io.github.auroramigrate.core.probe.ServerInfo;
import io.github.auroramigrate.core.transform.DefinitionLoss;
import io.github.auroramigrate.core.transform.DefinitionLoss.Construct;
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
    /** Table definitions some targets do not keep; {@link DefinitionLoss#table()} is qualified ({@code schema.table}). */
    final List<DefinitionLoss> definitions = new ArrayList<>();
    /** Views, routines, triggers and events with SQL MySQL 5.7 rejects: {@code VIEW s.v: JSON_TABLE()}. */
    final List<String> newerSql = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    private final Connection c;
    private final String schemaFilter;

    SourceScan(Connection c, List<String> schemas) {
        this.c = c;
        this.schemaFilter = schemas.isEmpty()
                ? " NOT IN " + SystemSchemas.sqlList()
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
                    if (def != null && def.length() > 1 && def.startsWith("'") && def.endsWith("'")) {
                        def = def.substring(1, def.length() - 1);        // MariaDB quotes literal defaults
                    }
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
                + schemaFilter + " UNION SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME"
                + schemaFilter + " UNION SELECT COLLATION_CONNECTION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA"
                + schemaFilter + " UNION SELECT DATABASE_COLLATION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA"
                + schemaFilter + " UNION SELECT COLLATION_NAME FROM information_schema.PARAMETERS WHERE COLLATION_NAME IS NOT NULL"
                + " AND SPECIFIC_SCHEMA" + schemaFilter + " UNION SELECT COLLATION_CONNECTION FROM information_schema.VIEWS"
                + " WHERE TABLE_SCHEMA" + schemaFilter + " UNION SELECT COLLATION_CONNECTION FROM information_schema.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA" + schemaFilter + " UNION SELECT DATABASE_COLLATION FROM information_schema.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA" + schemaFilter + " UNION SELECT COLLATION_CONNECTION FROM information_schema.EVENTS"
                + " WHERE EVENT_SCHEMA" + schemaFilter + " UNION SELECT DATABASE_COLLATION FROM information_schema.EVENTS"
                + " WHERE EVENT_SCHEMA" + schemaFilter, r -> collations.add(r.getString(1).toLowerCase(Locale.ROOT)));
        if (scanData) {
            for (String[] col : dateColumns) {
                String sql = "SELECT 1 FROM " + SqlText.quoteIdentifier(col[0]) + "." + SqlText.quoteIdentifier(col[1]) + " WHERE MONTH(" + SqlText.quoteIdentifier(col[2]) + ") = 0 OR DAYOFMONTH("
                        + SqlText.quoteIdentifier(col[2]) + ") = 0 LIMIT 1";
                rows(sql, r -> zeroDateData.add(col[0] + "." + col[1] + "." + col[2]));
            }
            List<String[]> lobs = new ArrayList<>();
            rows("SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
                    + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'"
                    + " WHERE c.DATA_TYPE IN " + LOB_TYPES + " AND (c.CHARACTER_OCTET_LENGTH IS NULL OR c.CHARACTER_OCTET_LENGTH > 65535"
                    + " OR c.DATA_TYPE IN ('blob','text','json','geometry')) AND c.TABLE_SCHEMA" + schemaFilter,
                    r -> lobs.add(new String[] {r.getString(1), r.getString(2), r.getString(3)}));
            for (String[] col : lobs) {
                rows("SELECT MAX(LENGTH(" + SqlText.quoteIdentifier(col[2]) + ")) FROM " + SqlText.quoteIdentifier(col[0]) + "." + SqlText.quoteIdentifier(col[1]), r -> {
                    long max = r.getLong(1);
                    if (max > 0) {
                        largestValues.put(col[0] + "." + col[1] + "." + col[2], max);
                    }
                });
            }
        }
        return this;
    }

    /**
     * Reads what of the table definitions and object bodies only some targets keep (see {@link DefinitionLoss}),
     * from information_schema columns that exist on the source's version only.
     */
    SourceScan definitions(ServerInfo info) {
        boolean maria = info.flavor() == Flavor.MARIADB;
        boolean my8 = !maria && info.version().major() >= 8;
        if (!maria && !my8) {
            return this;                             // a 5.7 source has none of these
        }
        String base = " JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                + " AND t.TABLE_TYPE = 'BASE TABLE' WHERE c.TABLE_SCHEMA" + schemaFilter;
        rows("SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.COLUMN_TYPE, c.EXTRA, c.COLUMN_DEFAULT"
                + (my8 ? ", c.SRS_ID" : ", NULL") + " FROM information_schema.COLUMNS c" + base
                + " ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION", r -> {
                    String table = name(r, 1, 2);
                    String column = r.getString(3);
                    String type = r.getString(4).toLowerCase(Locale.ROOT);
                    String extra = r.getString(6) == null ? "" : r.getString(6).toLowerCase(Locale.ROOT);
                    String def = r.getString(7);
                    if (extra.contains("invisible")) {
                        loss(Construct.INVISIBLE_COLUMN, table, column, null, my8 ? 80023 : 0);
                    }
                    if (my8 && r.getString(8) != null) {
                        loss(Construct.SRID, table, column, r.getString(8), 80003);
                    }
                    if (my8 && "geomcollection".equalsIgnoreCase(r.getString(5))) {
                        loss(Construct.GEOMCOLLECTION, table, column, "geomcollection", 0);
                    }
                    if (my8 && extra.contains("default_generated") && def != null && !isNow(def)) {
                        loss(Construct.EXPRESSION_DEFAULT, table, column, "(" + def + ")", 0);
                    }
                    if (maria && Set.of("uuid", "inet4", "inet6").contains(type)) {
                        loss(Construct.MARIADB_TYPE, table, column, type.toUpperCase(Locale.ROOT), 0);
                    }
                    if (maria && def != null && !def.equalsIgnoreCase("NULL")) {
                        boolean literal = def.startsWith("'") || def.matches("-?[0-9.eE+-]+|b'[01]*'");
                        if (!literal && !isNow(def)) {
                            loss(Construct.BARE_EXPRESSION_DEFAULT, table, column, def, 0);
                        } else if (literal && type.matches(".*(text|blob)|json|geometry|point|linestring|polygon|multi.*|"
                                + "geometrycollection")) {
                            loss(Construct.LOB_LITERAL_DEFAULT, table, column, def, 0);
                        }
                    }
                });
        String visible = my8 ? "s.IS_VISIBLE = 'NO'" : info.version().atLeast(10, 6, 0) ? "s.IGNORED = 'YES'" : "FALSE";
        String expression = my8 && info.version().atLeast(8, 0, 13) ? "s.EXPRESSION" : "NULL";
        rows("SELECT s.TABLE_SCHEMA, s.TABLE_NAME, s.INDEX_NAME, s.NON_UNIQUE, s.COLUMN_NAME, s.COLLATION, " + visible + ", "
                + expression + " FROM information_schema.STATISTICS s WHERE s.TABLE_SCHEMA" + schemaFilter
                + " ORDER BY 1, 2, 3, s.SEQ_IN_INDEX", new RowConsumer() {
                    private final Set<String> seen = new java.util.HashSet<>();

                    @Override
                    public void accept(ResultSet r) throws SQLException {
                        String table = name(r, 1, 2);
                        String index = r.getString(3);
                        boolean unique = r.getInt(4) == 0;
                        if (r.getBoolean(7) && seen.add("v" + table + "." + index)) {
                            loss(my8 ? Construct.INVISIBLE_INDEX : Construct.IGNORED_INDEX, table, index, null, my8 ? 80000 : 0,
                                    unique);
                        }
                        if ("D".equals(r.getString(6))) {
                            loss(Construct.DESCENDING_INDEX, table, index, r.getString(5), 0, unique);
                        }
                        if (r.getString(8) != null && seen.add("f" + table + "." + index)) {
                            loss(Construct.FUNCTIONAL_INDEX, table, index, "(" + r.getString(8) + ")", 0, unique);
                        }
                    }
                });
        if (maria || info.version().atLeast(8, 0, 16)) {
            rows("SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS tc"
                    + " JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
                    + " AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME" + (maria ? " AND cc.TABLE_NAME = tc.TABLE_NAME" : "")
                    + " WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.TABLE_SCHEMA" + schemaFilter + " ORDER BY 1, 2, 3",
                    r -> loss(Construct.CHECK, name(r, 1, 2), r.getString(3), r.getString(4), 0));
        }
        rows("SELECT 'VIEW', TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA"
                + schemaFilter + " UNION ALL SELECT ROUTINE_TYPE, ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_DEFINITION FROM"
                + " information_schema.ROUTINES WHERE ROUTINE_SCHEMA" + schemaFilter + " UNION ALL SELECT 'TRIGGER', TRIGGER_SCHEMA,"
                + " TRIGGER_NAME, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA" + schemaFilter
                + " UNION ALL SELECT 'EVENT', EVENT_SCHEMA, EVENT_NAME, EVENT_DEFINITION FROM information_schema.EVENTS WHERE"
                + " EVENT_SCHEMA" + schemaFilter + " ORDER BY 1, 2, 3", r -> {
                    Set<String> newer = r.getString(4) == null ? Set.of() : NewerSql.in(r.getString(4));
                    if (!newer.isEmpty()) {
                        newerSql.add(r.getString(1) + " " + name(r, 2, 3) + ": " + String.join(", ", newer));
                    }
                });
        return this;
    }

    private void loss(Construct c, String table, String object, String detail, int commentVersion) {
        loss(c, table, object, detail, commentVersion, false);
    }

    private void loss(Construct c, String table, String object, String detail, int commentVersion, boolean unique) {
        definitions.add(new DefinitionLoss(c, table, object, detail, commentVersion, unique));
    }

    private static boolean isNow(String def) {
        return def.toLowerCase(Locale.ROOT).matches("(current_timestamp|now|localtime|localtimestamp)(\\(\\d*\\))?");
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

    private static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @FunctionalInterface
    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

}

package io.github.auroramigrate.testkit.fidelity.internal;

import io.github.auroramigrate.testkit.fidelity.SchemaObject;
import io.github.auroramigrate.testkit.fidelity.SchemaObject.Kind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the definition of every object of a schema into canonical aspects (see
 * {@link io.github.auroramigrate.testkit.fidelity.SchemaSnapshot} for the list), plus the shapes needed to
 * read rows. Uses information_schema for structure and {@code SHOW CREATE} where information_schema is
 * lossy (MySQL 8.0 prints bodies with literal quotes unescaped and expressions doubly encoded).
 *
 * <p>Deliberately not core's {@code verify.internal.DefinitionReader}: the test oracle must not share code with the
 * verification it judges, or a bug in one would hide in both. Why about 480 lines: one query per catalog table.
 */
public final class DefinitionReader {
    private final Connection c;
    private final String schema;
    private final ServerFlavour flavour;
    private final SortedMap<SchemaObject, SortedMap<String, String>> defs = new TreeMap<>();
    private final Map<String, TableShape> shapes = new LinkedHashMap<>();

    private DefinitionReader(Connection c, String schema, ServerFlavour flavour) {
        this.c = c;
        this.schema = schema;
        this.flavour = flavour;
    }

    /** What was read. */
    public record Result(SortedMap<SchemaObject, SortedMap<String, String>> definitions, Map<String, TableShape> shapes) {
    }

    /** Reads everything of {@code schema}. */
    public static Result read(Connection c, String schema, ServerFlavour flavour) throws SQLException {
        DefinitionReader r = new DefinitionReader(c, schema, flavour);
        r.readSchema();
        Map<String, String> tableTypes = r.readTables();
        r.readColumnsAndShapes(tableTypes);
        r.readIndexes(tableTypes);
        r.readForeignKeys();
        r.readPartitions();
        r.readViews();
        r.readRoutines();
        r.readTriggers();
        r.readEvents();
        return new Result(r.defs, r.shapes);
    }

    private SortedMap<String, String> obj(Kind kind, String name) {
        return defs.computeIfAbsent(new SchemaObject(kind, name), k -> new TreeMap<>());
    }

    private static void put(Map<String, String> m, String aspect, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(aspect, value);
        }
    }

    private List<Map<String, String>> query(String sql) throws SQLException {
        List<Map<String, String>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = sql.length() - sql.replace("?", "").length();
            for (int i = 1; i <= n; i++) {
                ps.setString(i, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= cols; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toUpperCase(Locale.ROOT), rs.getString(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** One row of a SHOW statement, by column position (1-based). */
    private String[] show(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            String[] out = new String[rs.getMetaData().getColumnCount() + 1];
            for (int i = 1; i < out.length; i++) {
                out[i] = rs.getString(i);
            }
            return out;
        }
    }

    private String qualified(String name) {
        return Names.quoteId(schema) + "." + Names.quoteId(name);
    }

    private void readSchema() throws SQLException {
        List<Map<String, String>> rows = query("SELECT DEFAULT_CHARACTER_SET_NAME cs, DEFAULT_COLLATION_NAME co "
                + "FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("No schema named " + schema);
        }
        SortedMap<String, String> m = obj(Kind.SCHEMA, "");
        put(m, "default charset", Names.charset(rows.get(0).get("CS")));
        put(m, "default collation", Names.collation(rows.get(0).get("CO")));
    }

    private final Map<String, SqlText.CreateTable> creates = new LinkedHashMap<>();

    private Map<String, String> readTables() throws SQLException {
        Map<String, String> types = new TreeMap<>();
        for (Map<String, String> r : query("SELECT TABLE_NAME, TABLE_TYPE, ENGINE, ROW_FORMAT, TABLE_COLLATION, "
                + "CREATE_OPTIONS, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?")) {
            String name = r.get("TABLE_NAME");
            types.put(name, r.get("TABLE_TYPE"));
            if ("VIEW".equals(r.get("TABLE_TYPE"))) {
                continue;
            }
            SortedMap<String, String> m = obj(Kind.TABLE, name);
            put(m, "table type", r.get("TABLE_TYPE"));
            put(m, "engine", r.get("ENGINE"));
            put(m, "row format", r.get("ROW_FORMAT") == null ? null : r.get("ROW_FORMAT").toLowerCase(Locale.ROOT));
            put(m, "collation", Names.collation(r.get("TABLE_COLLATION")));
            put(m, "options", createOptions(r.get("CREATE_OPTIONS")));
            put(m, "comment", r.get("TABLE_COMMENT"));
            String[] sc = show("SHOW CREATE TABLE " + qualified(name));
            SqlText.CreateTable ct = SqlText.createTable(sc[2]);
            creates.put(name, ct);
            put(m, "auto_increment", ct.autoIncrement() == null ? null : Long.toUnsignedString(ct.autoIncrement()));
            for (Map.Entry<String, String> e : ct.checks().entrySet()) {
                String clause = e.getValue();
                String suffix = clause.endsWith(" not enforced") ? " not enforced" : "";
                String expr = SqlText.expression(clause.substring(0, clause.length() - suffix.length()), schema);
                m.put("check " + Names.quoteId(e.getKey()), expr + suffix);
            }
        }
        return types;
    }

    private static String createOptions(String options) {
        if (options == null) {
            return null;
        }
        return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT).replace("`", "").replace("'", ""))
                .filter(s -> !s.equals("partitioned"))
                .sorted().collect(Collectors.joining(" "));
    }

    private void readColumnsAndShapes(Map<String, String> tableTypes) throws SQLException {
        String srid = flavour.mysql8() ? ", SRS_ID" : "";
        Map<String, List<TableShape.Column>> cols = new LinkedHashMap<>();
        Map<String, List<String>> viewCols = new LinkedHashMap<>();
        for (Map<String, String> r : query("SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_DEFAULT, IS_NULLABLE, "
                + "DATA_TYPE, COLUMN_TYPE, CHARACTER_SET_NAME, COLLATION_NAME, EXTRA, COLUMN_COMMENT" + srid
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            String table = r.get("TABLE_NAME");
            String col = r.get("COLUMN_NAME");
            String dataType = r.get("DATA_TYPE").toLowerCase(Locale.ROOT);
            boolean view = "VIEW".equals(tableTypes.get(table));
            SqlText.CreateTable ct = creates.get(table);
            boolean json = dataType.equals("json") || (ct != null && isJsonCheck(ct.checks().get(col), col));
            cols.computeIfAbsent(table, k -> new ArrayList<>()).add(new TableShape.Column(col, dataType, json));
            if (view) {
                viewCols.computeIfAbsent(table, k -> new ArrayList<>()).add(Names.quoteId(col));
                continue;
            }
            if (!tableTypes.containsKey(table)) {
                continue;
            }
            SortedMap<String, String> m = obj(Kind.TABLE, table);
            String p = "column " + Names.quoteId(col);
            m.put(p, "position " + r.get("ORDINAL_POSITION"));
            m.put(p + " type", Names.type(r.get("COLUMN_TYPE")));
            m.put(p + " nullable", r.get("IS_NULLABLE"));
            put(m, p + " charset", Names.charset(r.get("CHARACTER_SET_NAME")));
            put(m, p + " collation", Names.collation(r.get("COLLATION_NAME")));
            put(m, p + " comment", r.get("COLUMN_COMMENT"));
            put(m, p + " srid", r.get("SRS_ID"));
            String extra = r.get("EXTRA") == null ? "" : r.get("EXTRA").toLowerCase(Locale.ROOT);
            boolean expressionDefault = extra.contains("default_generated");
            extra = extra.replace("default_generated", " ");
            boolean invisible = extra.contains("invisible");
            extra = extra.replace("invisible", " ");
            String generated = null;
            for (String g : new String[] {"virtual generated", "stored generated", "persistent generated"}) {
                if (extra.contains(g)) {
                    generated = g.startsWith("virtual") ? "VIRTUAL" : "STORED";
                    extra = extra.replace(g, " ");
                }
            }
            m.put(p + " visibility", invisible ? "invisible" : "visible");
            if (generated != null) {
                String expr = ct == null ? null : ct.generated().get(col);
                m.put(p + " generated", generated + " AS " + SqlText.expression(expr, schema));
            }
            put(m, p + " extra", extra.isBlank() ? null : SqlText.expression(extra, schema));
            put(m, p + " default", defaultValue(r.get("COLUMN_DEFAULT"), dataType, expressionDefault,
                    ct == null ? null : ct.defaultExpressions().get(col)));
        }
        for (Map.Entry<String, List<String>> e : viewCols.entrySet()) {
            obj(Kind.VIEW, e.getKey()).put("columns", String.join(", ", e.getValue()));
        }
        for (Map.Entry<String, List<TableShape.Column>> e : cols.entrySet()) {
            boolean view = "VIEW".equals(tableTypes.get(e.getKey()));
            shapes.put(e.getKey(), new TableShape(e.getKey(), view, e.getValue(), List.of()));
        }
    }

    private static boolean isJsonCheck(String clause, String col) {
        return clause != null && SqlText.expression(clause, null)
                .equals(SqlText.expression("json_valid(" + Names.quoteId(col) + ")", null));
    }

    private String defaultValue(String raw, String dataType, boolean expressionDefault, String expressionText) {
        if (raw == null) {
            return null;
        }
        if (flavour.mariaDb()) {
            if (raw.equals("NULL")) {
                return null;
            }
            if (raw.startsWith("'")) {
                return SqlText.quote(SqlTokens.unquoteString(raw));
            }
            if (raw.matches("-?[0-9][0-9.eE+-]*|[bBxX]'[0-9a-fA-F]*'")) {
                return SqlText.quote(raw);
            }
            return "expression " + SqlText.expression(raw, schema);
        }
        boolean temporal = dataType.equals("datetime") || dataType.equals("timestamp");
        if (expressionDefault || (temporal && raw.toLowerCase(Locale.ROOT).matches("current_timestamp(\\(\\d*\\))?"))) {
            return "expression " + SqlText.expression(expressionText != null ? expressionText : raw, schema);
        }
        return SqlText.quote(raw);
    }

    private void readIndexes(Map<String, String> tableTypes) throws SQLException {
        String visible = flavour.mysql8() ? ", IS_VISIBLE" : flavour.mariaDb() ? ", IGNORED" : "";
        Map<String, Map<String, List<Map<String, String>>>> byTable = new TreeMap<>();
        for (Map<String, String> r : query("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART, "
                + "COLLATION, INDEX_TYPE, INDEX_COMMENT, NULLABLE" + visible + " FROM information_schema.STATISTICS "
                + "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")) {
            byTable.computeIfAbsent(r.get("TABLE_NAME"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.get("INDEX_NAME"), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, Map<String, List<Map<String, String>>>> t : byTable.entrySet()) {
            String table = t.getKey();
            SqlText.CreateTable ct = creates.get(table);
            SortedMap<String, String> m = obj(Kind.TABLE, table);
            List<String> key = null;
            for (Map.Entry<String, List<Map<String, String>>> idx : t.getValue().entrySet()) {
                String name = idx.getKey();
                List<Map<String, String>> parts = idx.getValue();
                Map<String, String> first = parts.get(0);
                List<String> shown = new ArrayList<>();
                boolean wholeNotNullColumns = true;
                List<String> columns = new ArrayList<>();
                for (Map<String, String> p : parts) {
                    String col = p.get("COLUMN_NAME");
                    String part;
                    if (col == null) {
                        List<String> exprs = ct == null ? null : ct.indexExpressions().get(name);
                        int seq = Integer.parseInt(p.get("SEQ_IN_INDEX")) - 1;
                        String expr = exprs != null && seq < exprs.size() ? exprs.get(seq) : null;
                        part = "(" + SqlText.expression(expr, schema) + ")";
                        wholeNotNullColumns = false;
                    } else {
                        part = Names.quoteId(col) + (p.get("SUB_PART") == null ? "" : "(" + p.get("SUB_PART") + ")");
                        columns.add(col);
                        if (p.get("SUB_PART") != null || "YES".equals(p.get("NULLABLE"))) {
                            wholeNotNullColumns = false;
                        }
                    }
                    if ("D".equals(p.get("COLLATION"))) {
                        part += " DESC";
                    }
                    shown.add(part);
                }
                boolean unique = "0".equals(first.get("NON_UNIQUE"));
                StringBuilder sb = new StringBuilder(unique ? "UNIQUE " : "").append(first.get("INDEX_TYPE"))
                        .append(" (").append(String.join(", ", shown)).append(')');
                String parser = ct == null ? null : ct.parsers().get(name);
                if (parser != null) {
                    sb.append(" parser ").append(parser);
                }
                if ("NO".equals(first.get("IS_VISIBLE")) || "YES".equals(first.get("IGNORED"))) {
                    sb.append(" invisible");
                }
                if (first.get("INDEX_COMMENT") != null && !first.get("INDEX_COMMENT").isEmpty()) {
                    sb.append(" comment ").append(SqlText.quote(first.get("INDEX_COMMENT")));
                }
                m.put("index " + Names.quoteId(name), sb.toString());
                if (unique && wholeNotNullColumns && (name.equals("PRIMARY") || key == null)) {
                    key = columns;
                }
            }
            TableShape s = shapes.get(table);
            if (key != null && s != null) {
                shapes.put(table, new TableShape(table, false, s.columns(), key));
            }
        }
    }

    private void readForeignKeys() throws SQLException {
        Map<String, List<Map<String, String>>> fks = new LinkedHashMap<>();
        for (Map<String, String> r : query("SELECT rc.TABLE_NAME, rc.CONSTRAINT_NAME, rc.UPDATE_RULE, rc.DELETE_RULE, "
                + "k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME "
                + "FROM information_schema.REFERENTIAL_CONSTRAINTS rc JOIN information_schema.KEY_COLUMN_USAGE k "
                + "ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME "
                + "AND k.TABLE_NAME = rc.TABLE_NAME WHERE rc.CONSTRAINT_SCHEMA = ? "
                + "ORDER BY rc.TABLE_NAME, rc.CONSTRAINT_NAME, k.ORDINAL_POSITION")) {
            fks.computeIfAbsent(r.get("TABLE_NAME") + "\u0000" + r.get("CONSTRAINT_NAME"), k -> new ArrayList<>()).add(r);
        }
        for (List<Map<String, String>> parts : fks.values()) {
            Map<String, String> f = parts.get(0);
            String refSchema = f.get("REFERENCED_TABLE_SCHEMA");
            String ref = (refSchema == null || refSchema.equals(schema) ? "" : Names.quoteId(refSchema) + ".")
                    + Names.quoteId(f.get("REFERENCED_TABLE_NAME"));
            String text = "(" + parts.stream().map(p -> Names.quoteId(p.get("COLUMN_NAME"))).collect(Collectors.joining(", "))
                    + ") REFERENCES " + ref + " ("
                    + parts.stream().map(p -> Names.quoteId(p.get("REFERENCED_COLUMN_NAME"))).collect(Collectors.joining(", "))
                    + ") ON UPDATE " + Names.foreignKeyRule(f.get("UPDATE_RULE"))
                    + " ON DELETE " + Names.foreignKeyRule(f.get("DELETE_RULE"));
            obj(Kind.TABLE, f.get("TABLE_NAME")).put("foreign key " + Names.quoteId(f.get("CONSTRAINT_NAME")), text);
        }
    }

    private void readPartitions() throws SQLException {
        Map<String, Map<String, List<Map<String, String>>>> byTable = new TreeMap<>();
        for (Map<String, String> r : query("SELECT TABLE_NAME, PARTITION_NAME, SUBPARTITION_NAME, PARTITION_ORDINAL_POSITION, "
                + "PARTITION_METHOD, SUBPARTITION_METHOD, PARTITION_EXPRESSION, SUBPARTITION_EXPRESSION, "
                + "PARTITION_DESCRIPTION, PARTITION_COMMENT FROM information_schema.PARTITIONS "
                + "WHERE TABLE_SCHEMA = ? AND PARTITION_NAME IS NOT NULL "
                + "ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION")) {
            byTable.computeIfAbsent(r.get("TABLE_NAME"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.get("PARTITION_NAME"), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, Map<String, List<Map<String, String>>>> t : byTable.entrySet()) {
            SortedMap<String, String> m = obj(Kind.TABLE, t.getKey());
            Map<String, String> first = t.getValue().values().iterator().next().get(0);
            String method = first.get("PARTITION_METHOD") + " (" + SqlText.expression(first.get("PARTITION_EXPRESSION"), schema) + ")";
            if (first.get("SUBPARTITION_METHOD") != null) {
                method += " SUBPARTITION BY " + first.get("SUBPARTITION_METHOD") + " ("
                        + SqlText.expression(first.get("SUBPARTITION_EXPRESSION"), schema) + ")";
            }
            m.put("partitioning", method);
            for (Map.Entry<String, List<Map<String, String>>> p : t.getValue().entrySet()) {
                Map<String, String> r = p.getValue().get(0);
                StringBuilder sb = new StringBuilder("#").append(r.get("PARTITION_ORDINAL_POSITION"));
                if (r.get("PARTITION_DESCRIPTION") != null) {
                    sb.append(" values ").append(SqlText.expression(r.get("PARTITION_DESCRIPTION"), schema));
                }
                if (r.get("PARTITION_COMMENT") != null && !r.get("PARTITION_COMMENT").isEmpty()) {
                    sb.append(" comment ").append(SqlText.quote(r.get("PARTITION_COMMENT")));
                }
                List<String> subs = p.getValue().stream().map(s -> s.get("SUBPARTITION_NAME"))
                        .filter(s -> s != null).map(Names::quoteId).toList();
                if (!subs.isEmpty()) {
                    sb.append(" subpartitions ").append(String.join(", ", subs));
                }
                m.put("partition " + Names.quoteId(p.getKey()), sb.toString());
            }
        }
    }

    private void readViews() throws SQLException {
        for (Map<String, String> r : query("SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, DEFINER, SECURITY_TYPE, "
                + "CHARACTER_SET_CLIENT, COLLATION_CONNECTION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?")) {
            String name = r.get("TABLE_NAME");
            SortedMap<String, String> m = obj(Kind.VIEW, name);
            m.put("definition", SqlText.expression(r.get("VIEW_DEFINITION"), schema));
            put(m, "check option", r.get("CHECK_OPTION"));
            put(m, "definer", r.get("DEFINER"));
            put(m, "security", r.get("SECURITY_TYPE"));
            put(m, "character_set_client", Names.charset(r.get("CHARACTER_SET_CLIENT")));
            put(m, "collation_connection", Names.collation(r.get("COLLATION_CONNECTION")));
            String[] sc = show("SHOW CREATE VIEW " + qualified(name));
            m.put("algorithm", SqlText.viewAlgorithm(sc[2]));
        }
    }

    private void readRoutines() throws SQLException {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (Map<String, String> r : query("SELECT SPECIFIC_NAME, ROUTINE_TYPE, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER, "
                + "CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.PARAMETERS "
                + "WHERE SPECIFIC_SCHEMA = ? AND ORDINAL_POSITION > 0 ORDER BY SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION")) {
            String text = (r.get("PARAMETER_MODE") == null ? "" : r.get("PARAMETER_MODE") + " ")
                    + Names.quoteId(r.get("PARAMETER_NAME")) + " " + typeWithCharset(r);
            params.computeIfAbsent(r.get("ROUTINE_TYPE") + " " + r.get("SPECIFIC_NAME"), k -> new ArrayList<>()).add(text);
        }
        for (Map<String, String> r : query("SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, CHARACTER_SET_NAME, COLLATION_NAME, "
                + "IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE, SQL_MODE, ROUTINE_COMMENT, DEFINER, CHARACTER_SET_CLIENT, "
                + "COLLATION_CONNECTION, DATABASE_COLLATION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?")) {
            String name = r.get("ROUTINE_NAME");
            boolean function = "FUNCTION".equals(r.get("ROUTINE_TYPE"));
            SortedMap<String, String> m = obj(function ? Kind.FUNCTION : Kind.PROCEDURE, name);
            m.put("parameters", String.join(", ", params.getOrDefault(r.get("ROUTINE_TYPE") + " " + name, List.of())));
            if (function) {
                m.put("returns", typeWithCharset(r));
            }
            String[] sc = show("SHOW CREATE " + r.get("ROUTINE_TYPE") + " " + qualified(name));
            m.put("body", SqlText.routineBody(sc[3]));
            m.put("deterministic", r.get("IS_DETERMINISTIC"));
            m.put("data access", r.get("SQL_DATA_ACCESS"));
            m.put("security", r.get("SECURITY_TYPE"));
            put(m, "comment", r.get("ROUTINE_COMMENT"));
            contexts(m, r);
        }
    }

    private static String typeWithCharset(Map<String, String> r) {
        String t = Names.type(r.get("DTD_IDENTIFIER"));
        // MariaDB prints the charset inside DTD_IDENTIFIER; MySQL has it only in its own column
        t = t.replaceAll(" (charset|character set) \\S+", "").replaceAll(" collate \\S+", "");
        if (r.get("CHARACTER_SET_NAME") != null) {
            t += " charset " + Names.charset(r.get("CHARACTER_SET_NAME"));
        }
        if (r.get("COLLATION_NAME") != null) {
            t += " collate " + Names.collation(r.get("COLLATION_NAME"));
        }
        return t;
    }

    private void contexts(SortedMap<String, String> m, Map<String, String> r) {
        m.put("sql_mode", Names.sqlMode(r.get("SQL_MODE")));
        put(m, "definer", r.get("DEFINER"));
        put(m, "character_set_client", Names.charset(r.get("CHARACTER_SET_CLIENT")));
        put(m, "collation_connection", Names.collation(r.get("COLLATION_CONNECTION")));
        put(m, "database_collation", Names.collation(r.get("DATABASE_COLLATION")));
    }

    private void readTriggers() throws SQLException {
        for (Map<String, String> r : query("SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_ORDER, "
                + "ACTION_TIMING, SQL_MODE, DEFINER, CHARACTER_SET_CLIENT, COLLATION_CONNECTION, DATABASE_COLLATION "
                + "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?")) {
            String name = r.get("TRIGGER_NAME");
            SortedMap<String, String> m = obj(Kind.TRIGGER, name);
            m.put("table", r.get("EVENT_OBJECT_TABLE"));
            m.put("timing", r.get("ACTION_TIMING"));
            m.put("event", r.get("EVENT_MANIPULATION"));
            m.put("order", r.get("ACTION_ORDER"));
            String[] sc = show("SHOW CREATE TRIGGER " + qualified(name));
            m.put("body", SqlText.triggerBody(sc[3]));
            contexts(m, r);
        }
    }

    private void readEvents() throws SQLException {
        for (Map<String, String> r : query("SELECT EVENT_NAME, DEFINER, TIME_ZONE, EVENT_TYPE, CAST(EXECUTE_AT AS CHAR) EXECUTE_AT, "
                + "INTERVAL_VALUE, INTERVAL_FIELD, SQL_MODE, CAST(STARTS AS CHAR) STARTS, CAST(ENDS AS CHAR) ENDS, STATUS, "
                + "ON_COMPLETION, EVENT_COMMENT, CHARACTER_SET_CLIENT, COLLATION_CONNECTION, DATABASE_COLLATION "
                + "FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?")) {
            String name = r.get("EVENT_NAME");
            SortedMap<String, String> m = obj(Kind.EVENT, name);
            m.put("type", r.get("EVENT_TYPE"));
            put(m, "execute at", r.get("EXECUTE_AT"));
            if (r.get("INTERVAL_VALUE") != null) {
                m.put("interval", r.get("INTERVAL_VALUE").replace("'", "") + " " + r.get("INTERVAL_FIELD"));
            }
            put(m, "starts", r.get("STARTS"));
            put(m, "ends", r.get("ENDS"));
            m.put("status", "REPLICA_SIDE_DISABLED".equals(r.get("STATUS")) ? "SLAVESIDE_DISABLED" : r.get("STATUS"));
            m.put("on completion", r.get("ON_COMPLETION"));
            m.put("time zone", r.get("TIME_ZONE"));
            put(m, "comment", r.get("EVENT_COMMENT"));
            String[] sc = show("SHOW CREATE EVENT " + qualified(name));
            m.put("body", SqlText.eventBody(sc[4]));
            contexts(m, r);
        }
    }
}

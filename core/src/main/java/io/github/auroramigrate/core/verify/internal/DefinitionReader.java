package io.github.auroramigrate.core.verify.internal;

import io.github.auroramigrate.core.sql.SystemSchemas;
import io.github.auroramigrate.core.verify.DefinitionSnapshot;
import io.github.auroramigrate.core.verify.ObjectDefinition;
import io.github.auroramigrate.core.verify.ObjectKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the structured definitions of schemas (tables with their columns, indexes, foreign keys, CHECK constraints
 * and partitions; views, routines, triggers, events) and of accounts from a MySQL 5.7+/8.x or MariaDB server's
 * {@code information_schema}, with one set-based query per catalog table for all schemas together, never one per
 * object.
 *
 * <pre>{@code
 * try (Connection c = source.connect()) {
 *     DefinitionSnapshot s = DefinitionReader.read(c, List.of("shop"), List.of("'app'@'%'"));
 * }
 * }</pre>
 *
 * <p>Values are kept as the server prints them, with two read-time canonicalisations that need to know which
 * server printed them: MariaDB's {@code COLUMN_DEFAULT} quotes string literals and says {@code NULL} for no default
 * (MySQL: the bare value and SQL NULL), so MariaDB's form is turned into MySQL's; and catalog columns a server lacks
 * (5.7 has no {@code IS_VISIBLE}, {@code SRS_ID}, {@code CHECK_CONSTRAINTS}) are simply absent. Everything else is
 * normalised at comparison time. Stateless and thread-safe.
 *
 * <p>Why one class of ~500 lines: one set-based query per catalog table (schemata, tables, columns, statistics,
 * constraints, partitions, views, routines, triggers, events, grants), each a short method; they share the
 * server-dependent column lists that decide what each server can say.
 */
public final class DefinitionReader {
    private DefinitionReader() {
    }

    /**
     * @param connection a connection to the server (any schema); its session is not changed
     * @param schemas    the schemas to read (exact names); the library's and the system's schemas are skipped
     * @param accounts   accounts to read the grants of, as {@code 'user'@'host'}; may be empty
     * @return the definitions
     * @throws SQLException when a catalog query fails
     */
    public static DefinitionSnapshot read(Connection connection, Collection<String> schemas, Collection<String> accounts)
            throws SQLException {
        List<String> names = schemas.stream().filter(s -> !SystemSchemas.excluded(s)).distinct().toList();
        String server = server(connection);
        boolean maria = server.startsWith("MARIADB");
        List<ObjectDefinition> out = new ArrayList<>();
        if (!names.isEmpty()) {
            Reader r = new Reader(connection, names, maria, !maria && server.matches("MYSQL (8|9)\\..*"));
            out.addAll(r.schemata());
            out.addAll(r.tables());
            out.addAll(r.views());
            out.addAll(r.routines());
            out.addAll(r.triggers());
            out.addAll(r.events());
        }
        for (String account : accounts) {
            out.add(account(connection, account));
        }
        out.sort(Comparator.comparing(ObjectDefinition::kind).thenComparing(ObjectDefinition::schema)
                .thenComparing(ObjectDefinition::name));
        return new DefinitionSnapshot(server, out);
    }

    private static String server(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            String v = rs.getString(1);
            return (v.toLowerCase(Locale.ROOT).contains("mariadb") ? "MARIADB " : "MYSQL ") + v;
        }
    }

    private static ObjectDefinition account(Connection c, String account) throws SQLException {
        List<String> grants = new ArrayList<>();
        Map<String, String> a = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GRANTS FOR " + account)) {
            while (rs.next()) {
                grants.add(rs.getString(1));
            }
            a.put("grants", String.join("\n", grants));
        } catch (SQLException e) {
            if (e.getErrorCode() != 1141) { // no such grant: the account does not exist
                throw e;
            }
            return new ObjectDefinition(ObjectKind.ACCOUNT, "", account, Map.of("missing", "true"), List.of());
        }
        return new ObjectDefinition(ObjectKind.ACCOUNT, "", account, a, List.of());
    }

    /** One pass over the catalog for a set of schemas. */
    private static final class Reader {
        private final Connection c;
        private final List<String> schemas;
        private final boolean maria;
        private final boolean mysql8;
        private final String in;

        Reader(Connection c, List<String> schemas, boolean maria, boolean mysql8) {
            this.c = c;
            this.schemas = schemas;
            this.maria = maria;
            this.mysql8 = mysql8;
            this.in = " IN (" + String.join(",", schemas.stream().map(x -> "?").toList()) + ")";
        }

        /** A row of a catalog query: values by upper-case column label, null when the server lacks the column. */
        private interface Row {
            String get(String label);
        }

        private interface RowHandler {
            void row(Row r) throws SQLException;
        }

        private void query(String sql, RowHandler handler) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int n = (int) sql.chars().filter(ch -> ch == '?').count() / schemas.size();
                for (int k = 0; k < n; k++) {
                    for (int i = 0; i < schemas.size(); i++) {
                        ps.setString(k * schemas.size() + i + 1, schemas.get(i));
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    Map<String, Integer> labels = new LinkedHashMap<>();
                    for (int i = md.getColumnCount(); i >= 1; i--) { // the first of duplicate labels wins
                        labels.put(md.getColumnLabel(i).toUpperCase(Locale.ROOT), i);
                    }
                    while (rs.next()) {
                        handler.row(label -> {
                            Integer i = labels.get(label);
                            try {
                                return i == null ? null : rs.getString(i);
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                    }
                }
            }
        }

        List<ObjectDefinition> schemata() throws SQLException {
            return objects(ObjectKind.SCHEMA, "SCHEMATA", "SCHEMA_NAME", "SCHEMA_NAME", "charset",
                    "DEFAULT_CHARACTER_SET_NAME", "collation", "DEFAULT_COLLATION_NAME");
        }

        List<ObjectDefinition> tables() throws SQLException {
            Map<String, Map<String, String>> tables = new LinkedHashMap<>();
            Map<String, List<ObjectDefinition.Part>> parts = new TreeMap<>();
            query("SELECT * FROM information_schema.TABLES WHERE TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') "
                    + "AND TABLE_SCHEMA" + in + " ORDER BY TABLE_SCHEMA, TABLE_NAME", r -> {
                        Map<String, String> a = new TreeMap<>();
                        a.put("engine", r.get("ENGINE"));
                        a.put("collation", r.get("TABLE_COLLATION"));
                        a.put("options", r.get("CREATE_OPTIONS"));
                        a.put("comment", r.get("TABLE_COMMENT"));
                        tables.put(key(r.get("TABLE_SCHEMA"), r.get("TABLE_NAME")), a);
                    });
            query("SELECT * FROM information_schema.COLUMNS WHERE TABLE_SCHEMA" + in
                    + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION", r -> {
                        Map<String, String> a = new TreeMap<>();
                        a.put("position", r.get("ORDINAL_POSITION"));
                        a.put("type", r.get("COLUMN_TYPE"));
                        a.put("nullable", r.get("IS_NULLABLE"));
                        String extra = r.get("EXTRA");
                        boolean expressionDefault = extra != null && extra.toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED");
                        a.put("default", expressionDefault ? stored(r.get("COLUMN_DEFAULT")) : columnDefault(r.get("COLUMN_DEFAULT")));
                        a.put("collation", r.get("COLLATION_NAME"));
                        a.put("charset", r.get("CHARACTER_SET_NAME"));
                        a.put("extra", r.get("EXTRA"));
                        String gen = r.get("GENERATION_EXPRESSION");
                        a.put("generation", gen == null || gen.isEmpty() ? null : stored(gen));
                        a.put("comment", r.get("COLUMN_COMMENT"));
                        a.put("srid", r.get("SRS_ID"));
                        add(parts, r.get("TABLE_SCHEMA"), r.get("TABLE_NAME"), "column", r.get("COLUMN_NAME"), a);
                    });
            indexes(parts);
            foreignKeys(parts);
            checks(parts);
            partitions(parts);
            List<ObjectDefinition> out = new ArrayList<>();
            tables.forEach((k, a) -> {
                String[] st = k.split("\u0000", 2);
                out.add(new ObjectDefinition(ObjectKind.TABLE, st[0], st[1], a, parts.getOrDefault(k, List.of())));
            });
            return out;
        }

        private void indexes(Map<String, List<ObjectDefinition.Part>> parts) throws SQLException {
            Map<String, Map<String, String>> indexes = new LinkedHashMap<>();
            Map<String, List<String>> columns = new LinkedHashMap<>();
            query("SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA" + in
                    + " ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", r -> {
                        String k = key(r.get("TABLE_SCHEMA"), r.get("TABLE_NAME")) + "\u0000" + r.get("INDEX_NAME");
                        Map<String, String> a = indexes.computeIfAbsent(k, x -> new TreeMap<>());
                        a.put("unique", "0".equals(r.get("NON_UNIQUE")) ? "YES" : "NO");
                        a.put("type", r.get("INDEX_TYPE"));
                        a.put("comment", r.get("INDEX_COMMENT"));
                        String visible = r.get("IS_VISIBLE");
                        String ignored = r.get("IGNORED");
                        a.put("visible", visible != null ? visible : "YES".equalsIgnoreCase(ignored) ? "NO" : "YES");
                        String expr = stored(r.get("EXPRESSION"));
                        String col = expr != null ? "(" + expr + ")" : "`" + r.get("COLUMN_NAME") + "`";
                        String sub = r.get("SUB_PART");
                        String order = r.get("COLLATION");
                        columns.computeIfAbsent(k, x -> new ArrayList<>()).add(col + (sub != null ? "(" + sub + ")" : "")
                                + ("D".equals(order) ? " DESC" : ""));
                    });
            indexes.forEach((k, a) -> {
                String[] sti = k.split("\u0000", 3);
                a.put("columns", String.join(", ", columns.get(k)));
                add(parts, sti[0], sti[1], "index", sti[2], a);
            });
        }

        private void foreignKeys(Map<String, List<ObjectDefinition.Part>> parts) throws SQLException {
            Map<String, Map<String, String>> fks = new LinkedHashMap<>();
            query("SELECT * FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA" + in
                    + " ORDER BY CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME", r -> {
                        Map<String, String> a = new TreeMap<>();
                        a.put("onUpdate", r.get("UPDATE_RULE"));
                        a.put("onDelete", r.get("DELETE_RULE"));
                        a.put("referencedSchema", r.get("UNIQUE_CONSTRAINT_SCHEMA"));
                        a.put("referencedTable", r.get("REFERENCED_TABLE_NAME"));
                        fks.put(key(r.get("CONSTRAINT_SCHEMA"), r.get("TABLE_NAME")) + "\u0000" + r.get("CONSTRAINT_NAME"), a);
                    });
            if (fks.isEmpty()) {
                return;
            }
            Map<String, List<String[]>> cols = new LinkedHashMap<>();
            query("SELECT * FROM information_schema.KEY_COLUMN_USAGE WHERE REFERENCED_TABLE_NAME IS NOT NULL AND "
                    + "CONSTRAINT_SCHEMA" + in + " ORDER BY CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION",
                    r -> cols.computeIfAbsent(key(r.get("CONSTRAINT_SCHEMA"), r.get("TABLE_NAME")) + "\u0000"
                            + r.get("CONSTRAINT_NAME"), x -> new ArrayList<>())
                            .add(new String[] {r.get("COLUMN_NAME"), r.get("REFERENCED_COLUMN_NAME")}));
            fks.forEach((k, a) -> {
                List<String[]> cs = cols.getOrDefault(k, List.of());
                a.put("columns", String.join(", ", cs.stream().map(x -> "`" + x[0] + "`").toList()));
                a.put("referencedColumns", String.join(", ", cs.stream().map(x -> "`" + x[1] + "`").toList()));
                String[] stc = k.split("\u0000", 3);
                add(parts, stc[0], stc[1], "foreign key", stc[2], a);
            });
        }

        /** CHECK constraints, named by their clause: servers name unnamed checks differently. 5.7 has none. */
        private void checks(Map<String, List<ObjectDefinition.Part>> parts) throws SQLException {
            String join = "cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                    + (maria ? " AND cc.TABLE_NAME = tc.TABLE_NAME" : "");
            try {
                query("SELECT tc.TABLE_SCHEMA AS TS, tc.TABLE_NAME AS TN, tc.CONSTRAINT_NAME AS CN, cc.CHECK_CLAUSE AS CC, tc.* "
                        + "FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.CHECK_CONSTRAINTS cc ON "
                        + join + " WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.CONSTRAINT_SCHEMA" + in
                        + " ORDER BY tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME", r -> {
                            Map<String, String> a = new TreeMap<>();
                            a.put("enforced", r.get("ENFORCED"));
                            a.put("name", r.get("CN"));
                            add(parts, r.get("TS"), r.get("TN"), "check", stored(r.get("CC")), a);
                        });
            } catch (SQLException e) {
                if (e.getErrorCode() != 1109) { // 5.7: unknown table CHECK_CONSTRAINTS
                    throw e;
                }
            }
        }

        private void partitions(Map<String, List<ObjectDefinition.Part>> parts) throws SQLException {
            query("SELECT * FROM information_schema.PARTITIONS WHERE PARTITION_NAME IS NOT NULL AND TABLE_SCHEMA" + in
                    + " ORDER BY TABLE_SCHEMA, TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION", r -> {
                        Map<String, String> a = new TreeMap<>();
                        a.put("method", r.get("PARTITION_METHOD"));
                        a.put("expression", r.get("PARTITION_EXPRESSION"));
                        a.put("description", r.get("PARTITION_DESCRIPTION"));
                        a.put("position", r.get("PARTITION_ORDINAL_POSITION"));
                        a.put("subpartitionMethod", r.get("SUBPARTITION_METHOD"));
                        a.put("subpartitionExpression", r.get("SUBPARTITION_EXPRESSION"));
                        a.put("comment", r.get("PARTITION_COMMENT"));
                        String sub = r.get("SUBPARTITION_NAME");
                        add(parts, r.get("TABLE_SCHEMA"), r.get("TABLE_NAME"), "partition",
                                r.get("PARTITION_NAME") + (sub != null ? "." + sub : ""), a);
                    });
        }

        List<ObjectDefinition> views() throws SQLException {
            return objects(ObjectKind.VIEW, "VIEWS", "TABLE_SCHEMA", "TABLE_NAME", "definition", "VIEW_DEFINITION",
                    "checkOption", "CHECK_OPTION", "security", "SECURITY_TYPE", "definer", "DEFINER");
        }

        /**
         * One object per row of {@code information_schema.<table>} in the schemas.
         *
         * @param attributes pairs of attribute name and catalog column
         */
        private List<ObjectDefinition> objects(ObjectKind kind, String table, String schemaColumn, String nameColumn,
                String... attributes) throws SQLException {
            List<ObjectDefinition> out = new ArrayList<>();
            query("SELECT * FROM information_schema." + table + " WHERE " + schemaColumn + in + " ORDER BY " + schemaColumn
                    + ", " + nameColumn, r -> {
                        Map<String, String> a = new TreeMap<>();
                        for (int i = 0; i < attributes.length; i += 2) {
                            a.put(attributes[i], attributes[i].equals("body") ? body(r.get(attributes[i + 1])) : r.get(attributes[i + 1]));
                        }
                        out.add(new ObjectDefinition(kind, r.get(schemaColumn), r.get(nameColumn), a, List.of()));
                    });
            return out;
        }

        List<ObjectDefinition> routines() throws SQLException {
            Map<String, List<String>> params = new LinkedHashMap<>();
            query("SELECT * FROM information_schema.PARAMETERS WHERE ORDINAL_POSITION > 0 AND SPECIFIC_SCHEMA" + in
                    + " ORDER BY SPECIFIC_SCHEMA, SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION",
                    r -> params.computeIfAbsent(r.get("ROUTINE_TYPE") + "\u0000" + key(r.get("SPECIFIC_SCHEMA"),
                            r.get("SPECIFIC_NAME")), x -> new ArrayList<>()).add((r.get("PARAMETER_MODE") == null ? ""
                                    : r.get("PARAMETER_MODE") + " ") + "`" + r.get("PARAMETER_NAME") + "` "
                                    + r.get("DTD_IDENTIFIER")));
            List<ObjectDefinition> out = new ArrayList<>();
            query("SELECT * FROM information_schema.ROUTINES WHERE ROUTINE_TYPE IN ('PROCEDURE', 'FUNCTION') AND "
                    + "ROUTINE_SCHEMA" + in + " ORDER BY ROUTINE_SCHEMA, ROUTINE_NAME", r -> {
                        Map<String, String> a = new TreeMap<>();
                        String type = r.get("ROUTINE_TYPE");
                        a.put("body", body(r.get("ROUTINE_DEFINITION")));
                        a.put("returns", "FUNCTION".equals(type) ? r.get("DTD_IDENTIFIER") : null);
                        a.put("deterministic", r.get("IS_DETERMINISTIC"));
                        a.put("dataAccess", r.get("SQL_DATA_ACCESS"));
                        a.put("security", r.get("SECURITY_TYPE"));
                        a.put("comment", r.get("ROUTINE_COMMENT"));
                        a.put("sqlMode", r.get("SQL_MODE"));
                        a.put("definer", r.get("DEFINER"));
                        a.put("parameters", String.join(", ", params.getOrDefault(type + "\u0000"
                                + key(r.get("ROUTINE_SCHEMA"), r.get("SPECIFIC_NAME")), List.of())));
                        out.add(new ObjectDefinition(ObjectKind.valueOf(type), r.get("ROUTINE_SCHEMA"), r.get("ROUTINE_NAME"),
                                a, List.of()));
                    });
            return out;
        }

        List<ObjectDefinition> triggers() throws SQLException {
            return objects(ObjectKind.TRIGGER, "TRIGGERS", "TRIGGER_SCHEMA", "TRIGGER_NAME", "table", "EVENT_OBJECT_TABLE",
                    "timing", "ACTION_TIMING", "event", "EVENT_MANIPULATION", "order", "ACTION_ORDER", "body",
                    "ACTION_STATEMENT", "sqlMode", "SQL_MODE", "definer", "DEFINER");
        }

        List<ObjectDefinition> events() throws SQLException {
            return objects(ObjectKind.EVENT, "EVENTS", "EVENT_SCHEMA", "EVENT_NAME", "body", "EVENT_DEFINITION", "type",
                    "EVENT_TYPE", "executeAt", "EXECUTE_AT", "intervalValue", "INTERVAL_VALUE", "intervalField",
                    "INTERVAL_FIELD", "starts", "STARTS", "ends", "ENDS", "status", "STATUS", "onCompletion", "ON_COMPLETION",
                    "comment", "EVENT_COMMENT", "sqlMode", "SQL_MODE", "timeZone", "TIME_ZONE", "definer", "DEFINER");
        }

        /**
         * MySQL 8.0 prints the expressions it stores (generated columns, CHECK clauses, expression defaults, functional
         * index parts) with every quote and backslash escaped, and their non-ASCII characters encoded twice: read
         * as written, as 5.7 and MariaDB print them.
         */
        private String stored(String value) {
            if (!mysql8 || value == null || value.isEmpty()) {
                return value;
            }
            StringBuilder sb = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch == '\\' && i + 1 < value.length()) {
                    ch = value.charAt(++i);
                }
                sb.append(ch);
            }
            return utf8Repaired(sb.toString());
        }

        /**
         * MariaDB prints a stored program's string literals re-escaped ({@code \n} for a line break, {@code ""} for a
         * quote in double quotes) where MySQL prints their characters: decoded here, as MySQL prints them.
         */
        private String body(String value) {
            if (!maria || value == null) {
                return value;
            }
            StringBuilder sb = new StringBuilder(value.length());
            int n = value.length();
            int i = 0;
            while (i < n) {
                char ch = value.charAt(i);
                if ((ch == '-' && value.startsWith("-- ", i)) || ch == '#') {
                    int end = value.indexOf('\n', i);
                    end = end < 0 ? n : end;
                    sb.append(value, i, end);
                    i = end;
                } else if (ch == '/' && value.startsWith("/*", i)) {
                    int end = value.indexOf("*/", i + 2);
                    end = end < 0 ? n : end + 2;
                    sb.append(value, i, end);
                    i = end;
                } else if (ch == '\'' || ch == '"') {
                    sb.append(ch);
                    i++;
                    while (i < n) {
                        char x = value.charAt(i);
                        if (x == '\\' && i + 1 < n) {
                            char e = value.charAt(i + 1);
                            sb.append(switch (e) {
                                case 'n' -> "\n";
                                case 't' -> "\t";
                                case 'r' -> "\r";
                                case '0' -> "\0";
                                case 'b' -> "\b";
                                case 'Z' -> "\u001a";
                                case '%', '_' -> "\\" + e;
                                default -> String.valueOf(e);
                            });
                            i += 2;
                        } else if (x == ch && i + 1 < n && value.charAt(i + 1) == ch) {
                            sb.append(ch);
                            i += 2;
                        } else {
                            sb.append(x);
                            i++;
                            if (x == ch) {
                                break;
                            }
                        }
                    }
                } else {
                    sb.append(ch);
                    i++;
                }
            }
            return sb.toString();
        }

        /** MariaDB quotes string defaults and prints {@code NULL} for none; MySQL prints the bare value, or SQL NULL. */
        private String columnDefault(String value) {
            if (!maria || value == null) {
                return value;
            }
            if (value.equals("NULL")) {
                return null;
            }
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                return value.substring(1, value.length() - 1).replace("''", "'").replace("\\\\", "\\");
            }
            return value;
        }

        private static String key(String schema, String table) {
            return schema + "\u0000" + table;
        }

        private static void add(Map<String, List<ObjectDefinition.Part>> parts, String schema, String table, String kind,
                String name, Map<String, String> a) {
            parts.computeIfAbsent(key(schema, table), x -> new ArrayList<>()).add(new ObjectDefinition.Part(kind, name, a));
        }
    }

    /** @return the accounts of a server other than the system's own and {@code except} (as {@code 'user'@'host'}) */
    public static List<String> accounts(Connection c, Collection<String> exceptUsers) throws SQLException {
        Set<String> except = new HashSet<>(exceptUsers);
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT User, Host FROM mysql.user "
                + "ORDER BY User, Host")) {
            while (rs.next()) {
                String user = rs.getString(1);
                if (user.isEmpty() || user.startsWith("mysql.") || user.equals("mariadb.sys") || user.equals("rdsadmin")
                        || user.equals("root") || user.equals("PUBLIC") || except.contains(user)) {
                    continue;
                }
                out.add("'" + user.replace("'", "''") + "'@'" + rs.getString(2).replace("'", "''") + "'");
            }
        }
        return out;
    }

    /**
     * MySQL 8.0's information_schema prints the non-ASCII characters of expressions it stores (GENERATION_EXPRESSION,
     * expression defaults) encoded twice: the UTF-8 bytes read as latin1 and encoded again ({@code –} as
     * {@code â\u0080\u0093}). Text made only of characters up to U+00FF whose latin1 bytes are valid UTF-8 is
     * decoded once more; other text (genuine latin1 letters never form valid UTF-8 sequences by themselves) is kept.
     */
    static String utf8Repaired(String s) {
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return s;
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return s;
        }
    }
}

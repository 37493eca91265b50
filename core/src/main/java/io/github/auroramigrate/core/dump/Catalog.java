package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.TableFilter;
import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.internal.format.ColumnTypes;
import io.github.auroramigrate.core.internal.manifest.ObjectType;
import io.github.auroramigrate.core.sql.SystemSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the source holds, within the dump's filters: schemas, tables with columns and unique keys, views in
 * dependency order, routines, triggers, events, accounts. Read from information_schema over the coordinator's
 * connection. Immutable after {@link #read}.
 */
final class Catalog {
    private static final Pattern GENERATED = Pattern.compile("(?i).*\\b(VIRTUAL|STORED|PERSISTENT)\\b.*");

    record Column(String name, String dataType, String columnType, String charset, String collation, boolean nullable,
            boolean generated) {
    }

    record Index(String name, boolean unique, List<String> columns, boolean complete) {
    }

    record Table(TableRef ref, String type, String engine, String collation, long estimatedRows, long avgRowLength,
            long dataLength, List<Column> columns, List<Index> indexes) {
        long estimatedBytes() {
            return dataLength > 0 ? dataLength : estimatedRows * Math.max(avgRowLength, 1);
        }

        Column column(String name) {
            for (Column c : columns) {
                if (c.name().equalsIgnoreCase(name)) {
                    return c;
                }
            }
            return null;
        }
    }

    record Routine(String schema, String name, ObjectType type) {
    }

    record Trigger(String schema, String name, String table) {
    }

    record Named(String schema, String name) {
    }

    final List<String> schemas = new ArrayList<>();
    final List<Table> tables = new ArrayList<>();
    final List<Named> views = new ArrayList<>();
    final List<Routine> routines = new ArrayList<>();
    final List<Trigger> triggers = new ArrayList<>();
    final List<Named> events = new ArrayList<>();
    final List<String> users = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    private Catalog() {
    }

    static Catalog read(Connection c, TableFilter filter, DumpOptions o) throws SQLException {
        Catalog cat = new Catalog();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME")) {
            while (rs.next()) {
                if (!SystemSchemas.excluded(rs.getString(1)) && filter.schema(rs.getString(1))) {
                    cat.schemas.add(rs.getString(1));
                }
            }
        }
        if (cat.schemas.isEmpty()) {
            return cat;
        }
        String in = "(" + String.join(",", java.util.Collections.nCopies(cat.schemas.size(), "?")) + ")";
        Map<TableRef, List<Column>> columns = cat.columns(c, in);
        Map<TableRef, List<Index>> indexes = cat.indexes(c, in);
        List<TableRef> viewRefs = new ArrayList<>();
        Map<TableRef, String> viewDefinitions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, ENGINE, "
                + "COALESCE(TABLE_ROWS,0), COALESCE(AVG_ROW_LENGTH,0), COALESCE(DATA_LENGTH,0), TABLE_COLLATION "
                + "FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA IN " + in + " ORDER BY TABLE_SCHEMA, TABLE_NAME")) {
            bind(ps, cat.schemas);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableRef ref = TableRef.of(rs.getString(1), rs.getString(2));
                    if (!filter.table(ref.schema(), ref.name())) {
                        continue;
                    }
                    String type = rs.getString(3);
                    if ("VIEW".equalsIgnoreCase(type)) {
                        viewRefs.add(ref);
                    } else {
                        cat.tables.add(new Table(ref, type, rs.getString(4), rs.getString(8), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                                columns.getOrDefault(ref, List.of()), indexes.getOrDefault(ref, List.of())));
                        if ("SEQUENCE".equalsIgnoreCase(type)) {
                            cat.warnings.add(ref + " is a MariaDB SEQUENCE: its DDL is dumped, its state is not");
                        }
                    }
                }
            }
        }
        if (o.views() && !viewRefs.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION "
                    + "FROM information_schema.VIEWS WHERE TABLE_SCHEMA IN " + in)) {
                bind(ps, cat.schemas);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        viewDefinitions.put(TableRef.of(rs.getString(1), rs.getString(2)), rs.getString(3));
                    }
                }
            }
            for (TableRef v : orderViews(viewRefs, viewDefinitions)) {
                cat.views.add(new Named(v.schema(), v.name()));
            }
        }
        Set<TableRef> dumpedTables = new LinkedHashSet<>();
        cat.tables.forEach(t -> dumpedTables.add(t.ref()));
        if (o.routines()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE FROM "
                    + "information_schema.ROUTINES WHERE ROUTINE_SCHEMA IN " + in + " ORDER BY 1, 3, 2")) {
                bind(ps, cat.schemas);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!filter.wholeSchema(rs.getString(1))) {
                            continue;
                        }
                        String type = rs.getString(3).toUpperCase(Locale.ROOT);
                        if (type.equals("PROCEDURE") || type.equals("FUNCTION")) {
                            cat.routines.add(new Routine(rs.getString(1), rs.getString(2), ObjectType.valueOf(type)));
                        } else {
                            cat.warnings.add("routine " + rs.getString(1) + "." + rs.getString(2) + " of type " + type
                                    + " is not dumped");
                        }
                    }
                }
            }
        }
        if (o.triggers()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT TRIGGER_SCHEMA, TRIGGER_NAME, EVENT_OBJECT_TABLE FROM "
                    + "information_schema.TRIGGERS WHERE TRIGGER_SCHEMA IN " + in
                    + " ORDER BY TRIGGER_SCHEMA, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER")) {
                bind(ps, cat.schemas);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (dumpedTables.contains(TableRef.of(rs.getString(1), rs.getString(3)))) {
                            cat.triggers.add(new Trigger(rs.getString(1), rs.getString(2), rs.getString(3)));
                        }
                    }
                }
            }
        }
        if (o.events()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT EVENT_SCHEMA, EVENT_NAME FROM information_schema.EVENTS "
                    + "WHERE EVENT_SCHEMA IN " + in + " ORDER BY 1, 2")) {
                bind(ps, cat.schemas);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (filter.wholeSchema(rs.getString(1))) {
                            cat.events.add(new Named(rs.getString(1), rs.getString(2)));
                        }
                    }
                }
            }
        }
        if (o.users()) {
            cat.users(c);
        }
        return cat;
    }

    private Map<TableRef, List<Column>> columns(Connection c, String in) throws SQLException {
        Map<TableRef, List<Column>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, "
                + "CHARACTER_SET_NAME, IS_NULLABLE, EXTRA, COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN " + in
                + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION")) {
            bind(ps, schemas);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String extra = rs.getString(8) == null ? "" : rs.getString(8);
                    boolean generated = GENERATED.matcher(extra).matches();
                    out.computeIfAbsent(TableRef.of(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(new Column(rs.getString(3), rs.getString(4).toLowerCase(Locale.ROOT),
                                    rs.getString(5), rs.getString(6), rs.getString(9), "YES".equalsIgnoreCase(rs.getString(7)),
                                    generated));
                }
            }
        }
        return out;
    }

    private Map<TableRef, List<Index>> indexes(Connection c, String in) throws SQLException {
        Map<TableRef, Map<String, Index>> out = new HashMap<>();
        Map<TableRef, Map<String, List<String>>> cols = new HashMap<>();
        Map<TableRef, Map<String, Boolean>> complete = new HashMap<>();
        Map<TableRef, Map<String, Boolean>> unique = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, COLUMN_NAME, SUB_PART, "
                + "NON_UNIQUE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA IN " + in
                + " ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")) {
            bind(ps, schemas);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableRef t = TableRef.of(rs.getString(1), rs.getString(2));
                    String index = rs.getString(3);
                    String column = rs.getString(4);
                    boolean whole = column != null && rs.getObject(5) == null;
                    cols.computeIfAbsent(t, k -> new LinkedHashMap<>()).computeIfAbsent(index, k -> new ArrayList<>())
                            .add(column == null ? "" : column);
                    complete.computeIfAbsent(t, k -> new HashMap<>()).merge(index, whole, Boolean::logicalAnd);
                    unique.computeIfAbsent(t, k -> new HashMap<>()).put(index, rs.getLong(6) == 0);
                }
            }
        }
        Map<TableRef, List<Index>> result = new HashMap<>();
        cols.forEach((t, byIndex) -> byIndex.forEach((index, columns) -> result.computeIfAbsent(t, k -> new ArrayList<>())
                .add(new Index(index, unique.get(t).get(index), List.copyOf(columns), complete.get(t).get(index)))));
        out.clear();
        return result;
    }

    private void users(Connection c) {
        String sql = "SELECT CONCAT(QUOTE(User), '@', QUOTE(Host)) FROM mysql.user ORDER BY User, Host";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String account = rs.getString(1);
                String user = account.substring(1, account.indexOf("'@'"));
                if (user.startsWith("mysql.") || user.equals("mariadb.sys") || user.equals("rdsadmin")
                        || (user.isEmpty())) {
                    continue;
                }
                users.add(account);
            }
        } catch (SQLException e) {
            warnings.add("users and grants not dumped: cannot read mysql.user (" + e.getMessage() + ")");
        }
    }

    /**
     * Orders views so that each comes after the views it selects from. information_schema.VIEWS shows definitions
     * with fully qualified, backticked names, so a reference is found by searching for {@code `schema`.`view`}.
     */
    static List<TableRef> orderViews(List<TableRef> views, Map<TableRef, String> definitions) {
        List<TableRef> sorted = new ArrayList<>(views);
        sorted.sort(Comparator.naturalOrder());
        Map<TableRef, List<TableRef>> deps = new HashMap<>();
        for (TableRef v : sorted) {
            String def = definitions.getOrDefault(v, "");
            List<TableRef> d = new ArrayList<>();
            for (TableRef other : sorted) {
                if (!other.equals(v) && def != null && def.contains(other.qualified())) {
                    d.add(other);
                }
            }
            deps.put(v, d);
        }
        List<TableRef> out = new ArrayList<>();
        Set<TableRef> done = new LinkedHashSet<>();
        Set<TableRef> visiting = new LinkedHashSet<>();
        for (TableRef v : sorted) {
            visit(v, deps, done, visiting, out);
        }
        return out;
    }

    private static void visit(TableRef v, Map<TableRef, List<TableRef>> deps, Set<TableRef> done, Set<TableRef> visiting,
            List<TableRef> out) {
        if (done.contains(v) || !visiting.add(v)) {
            return; // a cycle cannot exist among valid views; if the text search finds one, keep name order
        }
        for (TableRef d : deps.get(v)) {
            visit(d, deps, done, visiting, out);
        }
        visiting.remove(v);
        done.add(v);
        out.add(v);
    }

    static void bind(PreparedStatement ps, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
        }
    }

    /** The best index to chunk a table by: PRIMARY, else the unique NOT NULL index with the fewest columns. */
    static Index chunkIndex(Table t) {
        Index best = null;
        for (Index i : t.indexes()) {
            if (!i.unique() || !i.complete() || i.columns().isEmpty()) {
                continue;
            }
            boolean ok = true;
            for (String name : i.columns()) {
                Column c = t.column(name);
                if (c == null || c.nullable() || ColumnTypes.keyKind(c.dataType()).isEmpty()) {
                    ok = false;
                    break;
                }
            }
            if (!ok) {
                continue;
            }
            if (i.name().equals("PRIMARY")) {
                return i;
            }
            if (best == null || i.columns().size() < best.columns().size()
                    || (i.columns().size() == best.columns().size() && i.name().compareTo(best.name()) < 0)) {
                best = i;
            }
        }
        return best;
    }
}

package io.github.auroramigrate.core.internal.sql;

import io.github.auroramigrate.core.TableFilter;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.sql.SystemSchemas;
import io.github.auroramigrate.core.TableRef;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Builds the INVALID_INPUT diagnosis for a selection that matches nothing: each pattern that matched nothing, with
 * the existing names closest to it (at most {@value #SHOWN}) so that a typo is plain to see.
 *
 * <pre>{@code
 * Diagnosis d = Selection.check(connection, TableFilter.all().schemas("shpo"), List.of(), "dump of root@db:3306");
 * // dump of root@db:3306: 'shpo' matches nothing - 2 schemas exist: shop, crm
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Selection {
    /** How many existing names a message lists at most. */
    static final int SHOWN = 10;

    private Selection() {
    }

    /**
     * The schemas and tables (and views) that exist on a server, system and library schemas left out.
     *
     * @param schemas the schema names
     * @param tables  the tables and views
     */
    public record Existing(List<String> schemas, List<TableRef> tables) {
        /** Copies. */
        public Existing {
            schemas = List.copyOf(schemas);
            tables = List.copyOf(tables);
        }

        /** Reads them from information_schema. */
        public static Existing read(Connection c) throws SQLException {
            List<String> schemas = new ArrayList<>();
            List<TableRef> tables = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME"
                        + " NOT IN " + SystemSchemas.sqlList() + " ORDER BY 1")) {
                    while (rs.next()) {
                        schemas.add(rs.getString(1));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE "
                        + "TABLE_SCHEMA NOT IN " + SystemSchemas.sqlList() + " ORDER BY 1, 2")) {
                    while (rs.next()) {
                        tables.add(TableRef.of(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return new Existing(schemas, tables);
        }
    }

    /**
     * Reads what exists on a server and checks the filter against it.
     *
     * @param what           the capability and where it looked, for the message
     * @param requiredTables tables that must be among the kept ones ({@code schema.table}, e.g. where-conditions)
     * @return the diagnosis of a pattern that matches nothing or of a selection that keeps no schema, or null
     */
    public static Diagnosis check(Connection c, TableFilter filter, Collection<String> requiredTables, String what)
            throws SQLException {
        return check(filter, Existing.read(c), requiredTables, what);
    }

    /** @return {@link #check(TableFilter, Collection, Collection, Collection, String)} of what exists */
    public static Diagnosis check(TableFilter filter, Existing existing, Collection<String> requiredTables, String what) {
        return check(filter, existing.schemas(), existing.tables(), requiredTables, what);
    }

    /**
     * Checks a filter against known names (a dump's manifest, say); system and library schemas among them are
     * ignored.
     *
     * @return the diagnosis of a pattern that matches nothing or of a selection that keeps no schema, or null
     */
    public static Diagnosis check(TableFilter filter, Collection<String> schemas, Collection<TableRef> tables,
            Collection<String> requiredTables, String what) {
        List<String> userSchemas = schemas.stream().filter(s -> !SystemSchemas.excluded(s)).toList();
        List<TableRef> userTables = tables.stream().filter(t -> !SystemSchemas.excluded(t.schema())).toList();
        List<String> badSchemas = filter.unmatchedSchemas(userSchemas);
        List<String> badTables = new ArrayList<>(filter.unmatchedTables(userTables));
        for (String required : requiredTables) {
            int dot = required.indexOf('.');
            if (dot <= 0 || userTables.stream().noneMatch(t -> TableFilter.matches(required.substring(0, dot), t.schema())
                    && TableFilter.matches(required.substring(dot + 1), t.name()) && filter.table(t.schema(), t.name()))) {
                badTables.add(required);
            }
        }
        if (!badSchemas.isEmpty() || !badTables.isEmpty()) {
            return unmatched(what, badSchemas, userSchemas, badTables,
                    userTables.stream().map(t -> t.schema() + "." + t.name()).toList());
        }
        if (userSchemas.stream().noneMatch(filter::schema)) {
            return empty(what, userSchemas, "schemas");
        }
        return null;
    }

    /**
     * @param what           the capability and where it looked, e.g. {@code "dump of root@db:3306"}
     * @param schemaPatterns the schema patterns that matched nothing, as given
     * @param schemas        the schemas that exist
     * @param tablePatterns  the table patterns that matched nothing, as given
     * @param tables         the tables that exist, as {@code schema.table}
     */
    public static Diagnosis unmatched(String what, List<String> schemaPatterns, Collection<String> schemas,
            List<String> tablePatterns, Collection<String> tables) {
        StringBuilder sb = new StringBuilder();
        for (String p : schemaPatterns) {
            describe(sb, p, SystemSchemas.why(p), closest(p, schemas, "schemas"));
        }
        for (String p : tablePatterns) {
            int dot = p.indexOf('.');
            describe(sb, p, dot > 0 ? SystemSchemas.why(p.substring(0, dot)) : null, closest(p, tables, "tables"));
        }
        return new Diagnosis(DiagnosisCode.INVALID_INPUT, 0, "", what + ": " + sb, null, null,
                "Correct the schema or table name (names and patterns are case-sensitive; * and ? are wildcards), or "
                        + "remove the pattern. Nothing was locked or written.");
    }

    private static void describe(StringBuilder sb, String pattern, String why, String closest) {
        if (sb.length() > 0) {
            sb.append("; ");
        }
        sb.append("'").append(pattern).append("' matches nothing");
        if (why != null) {
            sb.append(" (").append(why).append(')');
        }
        sb.append(" - ").append(closest);
    }

    /** @return the INVALID_INPUT diagnosis for a selection whose patterns each match something but leave nothing */
    public static Diagnosis empty(String what, Collection<String> existing, String kind) {
        return new Diagnosis(DiagnosisCode.INVALID_INPUT, 0, "", what + ": the selection leaves nothing - "
                + closest("", existing, kind), null, null,
                "Check the schemas, tables and excludes: together they leave out everything. Nothing was locked or"
                        + " written.");
    }

    /** @return e.g. {@code "3 schemas exist: crm, shop, shop_old"} or {@code "40 tables exist; closest: ..."} */
    static String closest(String pattern, Collection<String> existing, String kind) {
        if (existing.isEmpty()) {
            return "no " + kind + " exist (system schemas and " + SystemSchemas.LIBRARY + " left out)";
        }
        String key = pattern.replace("*", "").replace("?", "").toLowerCase(Locale.ROOT);
        List<String> sorted = new ArrayList<>(existing);
        sorted.sort(Comparator.comparingInt((String n) -> distance(key, n.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()));
        String shown = sorted.stream().limit(SHOWN).collect(Collectors.joining(", "));
        return existing.size() + " " + kind + " exist" + (existing.size() > SHOWN ? "; closest: " : ": ") + shown
                + (existing.size() > SHOWN ? ", ..." : "");
    }

    /** Levenshtein distance; names are short. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

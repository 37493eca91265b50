package io.github.auroramigrate.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which schemas and tables a dump, copy, verification, pre-check or load transform covers, from names or glob
 * patterns ({@code *} any run of characters, {@code ?} one character; everything else literal, dots included).
 *
 * <pre>{@code
 * TableFilter f = TableFilter.all().schemas("shop*").excludeSchemas("shop_old")
 *         .tables("shop.orders", "shop.customers").excludeTables("shop.audit_*");
 * f.table("shop", "orders");                        // true
 * f.unmatched(List.of("shop"), List.of(TableRef.of("shop", "orders")));   // [shop.customers, shop_old, shop.audit_*]
 * }</pre>
 *
 * <p>A table pattern is {@code schema.table}, split at the first dot, or a bare {@code table}, which means that
 * table in any schema. Matching is case-sensitive, as names are with {@code lower_case_table_names=0}. Naming
 * tables of a schema restricts that schema to them. The filter knows nothing of system schemas: the capabilities
 * leave those out themselves. Immutable and thread-safe; each method returns a new filter.
 */
public final class TableFilter {
    private static final TableFilter ALL = new TableFilter(List.of(), List.of(), List.of(), List.of());

    private final List<String> includeSchemas;
    private final List<String> excludeSchemas;
    private final List<String> includeTables;
    private final List<String> excludeTables;
    private final List<Pattern> includeSchemaPatterns;
    private final List<Pattern> excludeSchemaPatterns;
    private final List<Pattern[]> includeTablePatterns;
    private final List<Pattern[]> excludeTablePatterns;

    private TableFilter(List<String> includeSchemas, List<String> excludeSchemas, List<String> includeTables,
            List<String> excludeTables) {
        this.includeSchemas = List.copyOf(includeSchemas);
        this.excludeSchemas = List.copyOf(excludeSchemas);
        this.includeTables = List.copyOf(includeTables);
        this.excludeTables = List.copyOf(excludeTables);
        this.includeSchemaPatterns = this.includeSchemas.stream().map(TableFilter::glob).toList();
        this.excludeSchemaPatterns = this.excludeSchemas.stream().map(TableFilter::glob).toList();
        this.includeTablePatterns = this.includeTables.stream().map(TableFilter::tablePattern).toList();
        this.excludeTablePatterns = this.excludeTables.stream().map(TableFilter::tablePattern).toList();
    }

    /** @return the filter that keeps everything */
    public static TableFilter all() {
        return ALL;
    }

    /**
     * @param namesOrPatterns schemas to keep; adds to those given before (none given: every schema)
     * @throws IllegalArgumentException for a null or blank pattern
     */
    public TableFilter schemas(String... namesOrPatterns) {
        return new TableFilter(plus(includeSchemas, namesOrPatterns, false), excludeSchemas, includeTables,
                excludeTables);
    }

    /** @param namesOrPatterns schemas to leave out; adds to those given before */
    public TableFilter excludeSchemas(String... namesOrPatterns) {
        return new TableFilter(includeSchemas, plus(excludeSchemas, namesOrPatterns, false), includeTables,
                excludeTables);
    }

    /**
     * @param namesOrPatterns tables (and views) to keep, {@code schema.table} or {@code table}; adds to those given
     *                        before (none given: every table of the kept schemas)
     * @throws IllegalArgumentException for a null, blank or malformed pattern ({@code .t}, {@code s.})
     */
    public TableFilter tables(String... namesOrPatterns) {
        return new TableFilter(includeSchemas, excludeSchemas, plus(includeTables, namesOrPatterns, true),
                excludeTables);
    }

    /** @param namesOrPatterns tables (and views) to leave out, {@code schema.table} or {@code table} */
    public TableFilter excludeTables(String... namesOrPatterns) {
        return new TableFilter(includeSchemas, excludeSchemas, includeTables,
                plus(excludeTables, namesOrPatterns, true));
    }

    /** @return the schema patterns to keep, as given */
    public List<String> includedSchemas() {
        return includeSchemas;
    }

    /** @return the table patterns to keep, as given */
    public List<String> includedTables() {
        return includeTables;
    }

    /** @return whether no pattern at all was given */
    public boolean keepsEverything() {
        return includeSchemas.isEmpty() && excludeSchemas.isEmpty() && includeTables.isEmpty() && excludeTables.isEmpty();
    }

    /** @return whether the schema is kept at all (some of its tables, or its DDL) */
    public boolean schema(String schema) {
        if (any(excludeSchemaPatterns, schema)) {
            return false;
        }
        if (!includeSchemaPatterns.isEmpty() && !any(includeSchemaPatterns, schema)) {
            return false;
        }
        return includeTablePatterns.isEmpty() || includeTablePatterns.stream().anyMatch(p -> p[0].matcher(schema).matches());
    }

    /**
     * @param schema the table's schema, or null when unknown (then only patterns whose schema part is {@code *}
     *               apply, and schema patterns are not consulted)
     * @return whether the table (or view) is kept
     */
    public boolean table(String schema, String table) {
        Objects.requireNonNull(table, "table");
        if (schema != null && !schema(schema)) {
            return false;
        }
        if (excludeTablePatterns.stream().anyMatch(p -> matches(p, schema, table))) {
            return false;
        }
        return includeTablePatterns.isEmpty() || includeTablePatterns.stream().anyMatch(p -> matches(p, schema, table));
    }

    /** @return whether the whole schema is kept: no table pattern narrows it, or one covers it ({@code shop.*}) */
    public boolean wholeSchema(String schema) {
        if (!schema(schema)) {
            return false;
        }
        List<Pattern[]> narrowing = includeTablePatterns.stream().filter(p -> p[0].matcher(schema).matches()).toList();
        return narrowing.isEmpty() || narrowing.stream().anyMatch(p -> p[1].pattern().equals(".*"));
    }

    /**
     * The patterns that match nothing that exists: a typo that would otherwise select (or leave out) nothing.
     *
     * @param schemas the schemas that exist (system schemas left out)
     * @param tables  the tables and views that exist in them
     * @return the unmatched patterns, as given, in the order schemas, excluded schemas, tables, excluded tables
     */
    public List<String> unmatched(Collection<String> schemas, Collection<TableRef> tables) {
        List<String> out = new ArrayList<>(unmatchedSchemas(schemas));
        out.addAll(unmatchedTables(tables));
        return out;
    }

    /** @return the schema patterns (kept, then left out) that match none of {@code schemas} */
    public List<String> unmatchedSchemas(Collection<String> schemas) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < includeSchemas.size(); i++) {
            Pattern p = includeSchemaPatterns.get(i);
            if (schemas.stream().noneMatch(s -> p.matcher(s).matches())) {
                out.add(includeSchemas.get(i));
            }
        }
        for (int i = 0; i < excludeSchemas.size(); i++) {
            Pattern p = excludeSchemaPatterns.get(i);
            if (schemas.stream().noneMatch(s -> p.matcher(s).matches())) {
                out.add(excludeSchemas.get(i));
            }
        }
        return out;
    }

    /** @return the table patterns (kept, then left out) that match none of {@code tables} */
    public List<String> unmatchedTables(Collection<TableRef> tables) {
        List<String> out = new ArrayList<>();
        unmatchedTables(includeTables, includeTablePatterns, tables, out);
        unmatchedTables(excludeTables, excludeTablePatterns, tables, out);
        return out;
    }

    private static void unmatchedTables(List<String> given, List<Pattern[]> patterns, Collection<TableRef> tables,
            List<String> out) {
        for (int i = 0; i < given.size(); i++) {
            Pattern[] p = patterns.get(i);
            if (tables.stream().noneMatch(t -> matches(p, t.schema(), t.name()))) {
                out.add(given.get(i));
            }
        }
    }

    /** @return whether {@code name} matches the glob {@code pattern} as a whole */
    public static boolean matches(String pattern, String name) {
        return glob(pattern).matcher(name).matches();
    }

    /** @return whether {@code pattern} has a wildcard ({@code *} or {@code ?}) */
    public static boolean isPattern(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    private static boolean matches(Pattern[] p, String schema, String table) {
        boolean schemaOk = schema == null ? p[0].pattern().equals(".*") : p[0].matcher(schema).matches();
        return schemaOk && p[1].matcher(table).matches();
    }

    private static boolean any(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static List<String> plus(List<String> before, String[] more, boolean table) {
        List<String> out = new ArrayList<>(before);
        for (String s : Arrays.asList(Objects.requireNonNull(more, "patterns"))) {
            if (Objects.requireNonNull(s, "schema or table pattern").isBlank()) {
                throw new IllegalArgumentException("blank schema or table pattern");
            }
            if (table) {
                tablePattern(s);
            }
            out.add(s);
        }
        return out;
    }

    private static Pattern[] tablePattern(String pattern) {
        int dot = pattern.indexOf('.');
        if (dot < 0) {
            return new Pattern[] {glob("*"), glob(pattern)};
        }
        if (dot == 0 || dot == pattern.length() - 1) {
            throw new IllegalArgumentException("bad table pattern '" + pattern + "', expected schema.table or table");
        }
        return new Pattern[] {glob(pattern.substring(0, dot)), glob(pattern.substring(dot + 1))};
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableFilter f && includeSchemas.equals(f.includeSchemas)
                && excludeSchemas.equals(f.excludeSchemas) && includeTables.equals(f.includeTables)
                && excludeTables.equals(f.excludeTables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(includeSchemas, excludeSchemas, includeTables, excludeTables);
    }

    @Override
    public String toString() {
        if (keepsEverything()) {
            return "TableFilter{all}";
        }
        StringBuilder sb = new StringBuilder("TableFilter{");
        part(sb, "schemas", includeSchemas);
        part(sb, "excludeSchemas", excludeSchemas);
        part(sb, "tables", includeTables);
        part(sb, "excludeTables", excludeTables);
        return sb.append('}').toString();
    }

    private static void part(StringBuilder sb, String name, List<String> values) {
        if (!values.isEmpty()) {
            if (sb.charAt(sb.length() - 1) != '{') {
                sb.append(", ");
            }
            sb.append(name).append('=').append(values);
        }
    }
}

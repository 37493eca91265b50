package io.github.auroramigrate.core.dump;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which schemas and tables a dump covers, from names or glob patterns ({@code *}, {@code ?}).
 * Table patterns are {@code schema.table}, split at the first dot. Immutable and thread-safe.
 */
final class NameFilter {
    static final Set<String> SYSTEM_SCHEMAS = Set.of("mysql", "information_schema", "performance_schema", "sys");

    private final List<Pattern> includeSchemas;
    private final List<Pattern> excludeSchemas;
    private final List<Pattern[]> includeTables;
    private final List<Pattern[]> excludeTables;

    NameFilter(List<String> includeSchemas, List<String> excludeSchemas, List<String> includeTables,
            List<String> excludeTables) {
        this.includeSchemas = includeSchemas.stream().map(NameFilter::glob).toList();
        this.excludeSchemas = excludeSchemas.stream().map(NameFilter::glob).toList();
        this.includeTables = includeTables.stream().map(NameFilter::tablePattern).toList();
        this.excludeTables = excludeTables.stream().map(NameFilter::tablePattern).toList();
    }

    static Pattern glob(String pattern) {
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

    static Pattern[] tablePattern(String pattern) {
        int dot = pattern.indexOf('.');
        if (dot <= 0 || dot == pattern.length() - 1) {
            throw new IllegalArgumentException("table pattern must be schema.table: '" + pattern + "'");
        }
        return new Pattern[] {glob(pattern.substring(0, dot)), glob(pattern.substring(dot + 1))};
    }

    private static boolean any(List<Pattern> patterns, String name) {
        for (Pattern p : patterns) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a schema is dumped at all (its DDL, routines, events, and some of its tables). */
    boolean schema(String schema) {
        if (SYSTEM_SCHEMAS.contains(schema.toLowerCase(java.util.Locale.ROOT)) || any(excludeSchemas, schema)) {
            return false;
        }
        if (!includeSchemas.isEmpty() && !any(includeSchemas, schema)) {
            return false;
        }
        if (includeTables.isEmpty()) {
            return true;
        }
        for (Pattern[] p : includeTables) {
            if (p[0].matcher(schema).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a table or view is dumped. */
    boolean table(String schema, String table) {
        if (!schema(schema)) {
            return false;
        }
        for (Pattern[] p : excludeTables) {
            if (p[0].matcher(schema).matches() && p[1].matcher(table).matches()) {
                return false;
            }
        }
        if (includeTables.isEmpty()) {
            return true;
        }
        for (Pattern[] p : includeTables) {
            if (p[0].matcher(schema).matches() && p[1].matcher(table).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether routines, events and the schema DDL are dumped: only when no table list narrows the schema. */
    boolean wholeSchema(String schema) {
        if (!schema(schema)) {
            return false;
        }
        List<Pattern[]> narrowing = new ArrayList<>();
        for (Pattern[] p : includeTables) {
            if (p[0].matcher(schema).matches()) {
                narrowing.add(p);
            }
        }
        return narrowing.isEmpty() || narrowing.stream().anyMatch(p -> p[1].pattern().equals(".*"));
    }
}

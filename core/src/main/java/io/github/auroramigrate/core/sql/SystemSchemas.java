package io.github.auroramigrate.core.sql;

import io.github.auroramigrate.core.TableFilter;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one list of schemas no dump, copy, pre-check or verification covers: the server's own ({@code mysql},
 * {@code information_schema}, {@code performance_schema}, {@code sys}) and the library's own
 * ({@value #LIBRARY}: the load journal, and by default the replication heartbeat).
 *
 * <pre>{@code
 * "SELECT ... WHERE TABLE_SCHEMA NOT IN " + SystemSchemas.sqlList()
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SystemSchemas {
    /** The schema the library creates: {@code LoadJournal}'s journal tables and the replication heartbeat table. */
    public static final String LIBRARY = "aurora_migrate";

    /** The server's own schemas. */
    public static final Set<String> SERVER = Set.of("mysql", "information_schema", "performance_schema", "sys");

    private static final Set<String> ALL = Set.of("mysql", "information_schema", "performance_schema", "sys", LIBRARY);
    private static final String SQL_LIST = ALL.stream().sorted().map(s -> "'" + s + "'")
            .collect(Collectors.joining(",", "(", ")"));

    private SystemSchemas() {
    }

    /** @return whether {@code schema} belongs to the server or to this library (case-insensitive) */
    public static boolean excluded(String schema) {
        return ALL.contains(schema.toLowerCase(Locale.ROOT));
    }

    /** @return why a schema (or the schemas a glob pattern names) is left out, for messages, or null when it is not */
    public static String why(String schemaOrPattern) {
        String s = schemaOrPattern.toLowerCase(Locale.ROOT);
        if (s.chars().allMatch(c -> c == '*' || c == '?')) {
            return null; // a pattern for everything: the system schemas are not what the user meant
        }
        if (TableFilter.matches(s, LIBRARY)) {
            return "'" + LIBRARY + "' is this library's own schema (load journal, replication heartbeat) and is never"
                    + " dumped, checked or verified";
        }
        return SERVER.stream().anyMatch(x -> TableFilter.matches(s, x))
                ? "system schemas are never dumped, checked or verified" : null;
    }

    /** @return every excluded schema as an SQL list, e.g. {@code ('aurora_migrate','information_schema',...)} */
    public static String sqlList() {
        return SQL_LIST;
    }
}

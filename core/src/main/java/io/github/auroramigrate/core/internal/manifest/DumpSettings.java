package io.github.auroramigrate.core.internal.manifest;

import io.github.auroramigrate.core.Consistency;
import java.util.List;
import java.util.Map;

/**
 * The options a dump was taken with, as recorded in its manifest.
 *
 * <pre>{@code
 * String compression = manifest.options().compression();   // "ZSTD", "GZIP" or "NONE"
 * }</pre>
 *
 * @param format         {@code FLAT} or {@code SQL}
 * @param compression    {@code ZSTD}, {@code GZIP} or {@code NONE}
 * @param threads        worker threads
 * @param chunkSizeBytes target uncompressed chunk size
 * @param includeSchemas schema names or patterns to include (empty: all user schemas)
 * @param excludeSchemas schema names or patterns to exclude
 * @param includeTables  {@code schema.table} names or patterns to include (empty: all)
 * @param excludeTables  {@code schema.table} names or patterns to exclude
 * @param where          per-table row filter, by {@code schema.table}
 * @param ddl            whether DDL was dumped
 * @param data           whether data was dumped
 * @param views          whether views were dumped
 * @param routines       whether procedures and functions were dumped
 * @param triggers       whether triggers were dumped
 * @param events         whether events were dumped
 * @param users          whether users and grants were dumped
 * @param consistency    {@code AUTO} or the forced {@link Consistency} level
 */
public record DumpSettings(String format, String compression, int threads, long chunkSizeBytes, List<String> includeSchemas,
        List<String> excludeSchemas, List<String> includeTables, List<String> excludeTables, Map<String, String> where,
        boolean ddl, boolean data, boolean views, boolean routines, boolean triggers, boolean events, boolean users,
        String consistency) {
    /** Copies collections. */
    public DumpSettings {
        includeSchemas = includeSchemas == null ? List.of() : List.copyOf(includeSchemas);
        excludeSchemas = excludeSchemas == null ? List.of() : List.copyOf(excludeSchemas);
        includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
        excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
        where = where == null ? Map.of() : Map.copyOf(where);
    }
}

package io.github.auroramigrate.core.internal.manifest;

/**
 * How a column's values are written in a flat chunk file (docs/dump-format.md, section 3.2).
 *
 * <pre>{@code
 * if (column.encoding() == ValueEncoding.HEX) { ... SET col = UNHEX(@var) ... }
 * }</pre>
 */
public enum ValueEncoding {
    /** The server's bytes, escaped; loaded into the column directly. */
    TEXT,
    /** Upper-case hex of the raw bytes (BIT, spatial); loaded with {@code SET col = UNHEX(@var)}. */
    HEX,
    /** MySQL JSON text, escaped; loaded with {@code SET col = CONVERT(@var USING utf8mb4)}. */
    JSON
}

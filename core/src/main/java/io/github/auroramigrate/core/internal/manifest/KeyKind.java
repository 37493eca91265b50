package io.github.auroramigrate.core.internal.manifest;

/**
 * How the values of a chunking key column are written in chunk bounds (docs/dump-format.md, section 2.3).
 *
 * <pre>{@code
 * String literal = key.kind() == KeyKind.NUMBER ? bound : ...;
 * }</pre>
 */
public enum KeyKind {
    /** Integers and DECIMAL: the server's text, used bare in SQL. */
    NUMBER,
    /** DATE, TIME, DATETIME, TIMESTAMP (UTC), YEAR: the server's text, quoted in SQL. */
    TEMPORAL,
    /** CHAR/VARCHAR: hex of the raw bytes in the column's character set. */
    STRING,
    /** BINARY/VARBINARY: hex of the raw bytes. */
    BINARY
}

package io.github.auroramigrate.core.internal.manifest;

import java.util.Objects;

/**
 * One dumped column, in file order.
 *
 * <pre>{@code
 * table.columns().get(0).encoding();   // TEXT
 * }</pre>
 *
 * @param name       column name
 * @param dataType   {@code information_schema.COLUMNS.DATA_TYPE}, lower case ({@code int}, {@code varchar}, ...)
 * @param columnType {@code COLUMN_TYPE}, e.g. {@code int unsigned}, {@code varchar(20)}
 * @param charset    the column's character set, or null for non-text columns
 * @param encoding   how values are written in flat files
 */
public record ColumnEntry(String name, String dataType, String columnType, String charset, ValueEncoding encoding) {
    /** Validates required parts. */
    public ColumnEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(encoding, "encoding");
    }
}

package io.github.auroramigrate.core.internal.manifest;

import java.util.Objects;

/**
 * One column of the index a table is chunked by.
 *
 * <pre>{@code
 * for (KeyColumn k : table.chunking().key()) { ... k.name(), k.kind() ... }
 * }</pre>
 *
 * @param name    column name
 * @param kind    how bound values are written
 * @param charset the column's character set for {@link KeyKind#STRING}, else null
 */
public record KeyColumn(String name, KeyKind kind, String charset) {
    /** Validates required parts. */
    public KeyColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}

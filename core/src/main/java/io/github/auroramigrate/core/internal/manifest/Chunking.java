package io.github.auroramigrate.core.internal.manifest;

import io.github.auroramigrate.core.ChunkingMethod;
import java.util.List;
import java.util.Objects;

/**
 * How a table was split into chunks.
 *
 * <pre>{@code
 * if (t.chunking().method() != ChunkingMethod.NONE) { ... ranges over t.chunking().key() ... }
 * }</pre>
 *
 * @param index  the index used ({@code PRIMARY} or a unique index name), null for {@link ChunkingMethod#NONE}
 * @param method the method
 * @param key    the index's columns, in index order; empty for {@link ChunkingMethod#NONE}
 */
public record Chunking(String index, ChunkingMethod method, List<KeyColumn> key) {
    /** A table read in one full scan. */
    public static final Chunking NONE = new Chunking(null, ChunkingMethod.NONE, List.of());

    /** Validates and copies. */
    public Chunking {
        Objects.requireNonNull(method, "method");
        key = key == null ? List.of() : List.copyOf(key);
    }
}

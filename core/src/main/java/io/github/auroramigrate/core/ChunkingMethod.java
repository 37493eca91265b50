package io.github.auroramigrate.core;

/**
 * How a table was split into chunks.
 *
 * <pre>{@code
 * boolean ranged = table.chunking().method() != ChunkingMethod.NONE;
 * }</pre>
 */
public enum ChunkingMethod {
    /** A single integer key split into equal value ranges (sized from the estimated row size and density). */
    INTEGER_RANGE,
    /** Any key (composite, string, temporal, decimal): boundaries found by walking the index. */
    INDEX_WALK,
    /** No usable key: one full scan, cut into files by size; chunk bounds are null. */
    NONE
}

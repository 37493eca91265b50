/**
 * The chunk file formats of a dump: the flat {@code LOAD DATA} format and the SQL INSERT format, their value
 * encodings and compression, and {@link io.github.auroramigrate.core.format.ChunkReader} to read a chunk back
 * with verification.
 *
 * <pre>{@code
 * try (ChunkReader r = ChunkReader.open(store, table, chunk)) { ... r.stream() ... r.verify(); }
 * }</pre>
 */
package io.github.auroramigrate.core.format;

/**
 * The chunk file formats of a dump: the flat {@code LOAD DATA} format and the SQL INSERT format, their value
 * encodings and compression, and {@link io.github.auroramigrate.core.internal.format.ChunkReader} to read a chunk back
 * with verification.
 *
 * <pre>{@code
 * try (ChunkReader r = ChunkReader.open(store, table, chunk)) { ... r.stream() ... r.verify(); }
 * }</pre>
 *
 * <p><b>Internal: no compatibility guarantees.</b> This package is public only so that the library's own modules
 * can share it; its types may change or disappear in any release. The file format itself is specified in
 * {@code docs/dump-format.md}, which is the contract.
 */
package io.github.auroramigrate.core.internal.format;

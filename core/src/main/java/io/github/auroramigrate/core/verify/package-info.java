/**
 * Row checksums computed in SQL on any server, comparable with a dump manifest's checksums chunk by chunk.
 *
 * <pre>{@code
 * List<TableChecksum.Mismatch> diff = TableChecksum.compare(targetConnection, "shop", tableEntry);
 * }</pre>
 */
package io.github.auroramigrate.core.verify;

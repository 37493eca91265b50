package io.github.auroramigrate.core.internal.manifest;

import io.github.auroramigrate.core.Checksum;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One table of a dump: its DDL file, dumped columns, chunking and chunks.
 *
 * <pre>{@code
 * for (ChunkEntry c : table.chunks()) { load(table, c); }
 * if (table.status() == TableStatus.COMPLETE) { verify(table.rows(), table.checksum()); }
 * }</pre>
 *
 * @param name             table name
 * @param ddlFile          store key of its CREATE TABLE
 * @param engine           storage engine on the source
 * @param status           how far its data is dumped
 * @param columns          dumped columns in file order (generated columns excluded, invisible ones included)
 * @param generatedColumns generated columns, not dumped
 * @param chunking         how it was split
 * @param where            the row filter applied, or null
 * @param loadColumns      column list and SET clause for LOAD DATA, e.g. {@code (`a`,@c1) SET `b`=UNHEX(@c1)}
 * @param chunks           finished chunks, by index
 * @param rows             total rows when complete, else null
 * @param checksum         combined checksum when complete, else null
 * @param estimate         the source's size estimate when the dump started (lets a loader that follows the dump
 *                         plan the table before its chunks exist), or null in dumps written before it was recorded
 */
public record TableEntry(String name, String ddlFile, String engine, TableStatus status, List<ColumnEntry> columns,
        List<String> generatedColumns, Chunking chunking, String where, String loadColumns, List<ChunkEntry> chunks,
        Long rows, Checksum checksum, SizeEstimate estimate) {
    /** Validates and copies. */
    public TableEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        columns = columns == null ? List.of() : List.copyOf(columns);
        generatedColumns = generatedColumns == null ? List.of() : List.copyOf(generatedColumns);
        chunking = chunking == null ? Chunking.NONE : chunking;
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
    }

    /** @return the total row count, once the table is complete */
    public Optional<Long> totalRows() {
        return Optional.ofNullable(rows);
    }

    /** @return a copy with other chunks, status, rows and checksum */
    public TableEntry withProgress(TableStatus newStatus, List<ChunkEntry> newChunks, Long newRows, Checksum newChecksum) {
        return new TableEntry(name, ddlFile, engine, newStatus, columns, generatedColumns, chunking, where, loadColumns,
                newChunks, newRows, newChecksum, estimate);
    }
}

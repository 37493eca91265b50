package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.internal.format.ChunkReader;
import io.github.auroramigrate.core.internal.format.LoadDataClause;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.store.DumpStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * One chunk file of a dump ({@link DumpLoadSource}), verified while it streams ({@link ChunkReader}: size, CRC-32C,
 * row count and row checksum); deleted from the store once committed when the source discards loaded chunks.
 * Immutable.
 */
final class DumpChunk implements ChunkSource {
    private final DumpStore store;
    private final boolean discardLoaded;
    private final String schema;
    private final TableEntry table;
    private final ChunkEntry chunk;

    DumpChunk(DumpStore store, String schema, TableEntry table, ChunkEntry chunk, boolean discardLoaded) {
        this.store = store;
        this.discardLoaded = discardLoaded;
        this.schema = schema;
        this.table = table;
        this.chunk = chunk;
    }

    @Override
    public String id() {
        return chunk.file().length() <= 190 ? chunk.file() : chunk.file().substring(chunk.file().length() - 190);
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public String table() {
        return table.name();
    }

    @Override
    public List<String> columns() {
        return table.columns().stream().map(ColumnEntry::name).toList();
    }

    @Override
    public OptionalLong expectedRows() {
        return OptionalLong.of(chunk.rows());
    }

    @Override
    public String checksum() {
        return chunk.fileCrc32c() == null ? "" : "crc32c:" + chunk.fileCrc32c();
    }

    @Override
    public ChunkFormat format() {
        return chunk.file().contains(".sql") ? ChunkFormat.SQL : ChunkFormat.FLAT;
    }

    @Override
    public String loadDataColumns() {
        return LoadDataClause.columns(table.columns());
    }

    @Override
    public List<String> insertExpressions() {
        return table.columns().stream().map(c -> switch (c.encoding()) {
            case HEX -> "UNHEX(?)";
            case JSON -> "CONVERT(? USING utf8mb4)";
            default -> "?";
        }).toList();
    }

    @Override
    public InputStream open() throws IOException {
        ChunkReader r = ChunkReader.openForLoad(store, table, chunk);
        return new FilterInputStream(r.stream()) {
            @Override
            public void close() throws IOException {
                r.close();
            }
        };
    }

    /** An uncompressed flat file: what a server reading the store itself (Aurora's LOAD DATA FROM S3) can load. */
    @Override
    public java.util.Optional<String> serverSideFile() {
        return chunk.file().endsWith(io.github.auroramigrate.core.DumpFormat.FLAT.extension())
                ? java.util.Optional.of(chunk.file()) : java.util.Optional.empty();
    }

    /** The stored file has the size the manifest recorded: the server cannot be trusted to notice a truncated one. */
    @Override
    public void checkServerSideFile() throws IOException {
        long size = store.size(chunk.file());
        if (size != chunk.fileBytes()) {
            throw new IOException(store.describe() + ": " + chunk.file() + " is " + size + " bytes, the manifest recorded "
                    + chunk.fileBytes() + " (truncated or replaced)");
        }
    }

    @Override
    public void committed() throws IOException {
        if (discardLoaded) {
            store.delete(chunk.file());
        }
    }

    @Override
    public String toString() {
        return "DumpChunk{" + chunk.file() + "}";
    }
}

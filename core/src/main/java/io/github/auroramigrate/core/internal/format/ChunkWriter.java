package io.github.auroramigrate.core.internal.format;

import io.github.auroramigrate.core.Compression;
import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.StoreOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes one data chunk file: encodes rows in the chosen {@link DumpFormat}, compresses them, and keeps the
 * row count, sizes, row checksum and file CRC-32C that go into the chunk's manifest entry. The file is
 * published in the store by {@link #finish}, or discarded by {@link #abort()}. Not thread-safe.
 *
 * <pre>{@code
 * try (ChunkWriter w = ChunkWriter.create(store, key, DumpFormat.FLAT, Compression.ZSTD, "t", columns)) {
 *     w.writeRow(values);
 *     ChunkEntry entry = w.finish(1, null, null);
 * }
 * }</pre>
 */
public final class ChunkWriter implements AutoCloseable {
    /** SQL statements are cut before this size unless one row is larger. */
    public static final int MAX_STATEMENT_BYTES = 1024 * 1024;
    private static final int FLUSH_AT = 64 * 1024;

    private final String key;
    private final DumpFormat format;
    private final StoreOutputStream file;
    private final CountingCrcOutputStream counted;
    private final OutputStream out;
    private final FlatRowEncoder flat;
    private final SqlRowEncoder sql;
    private final byte[] insertHeader;
    private final RowHasher hasher;
    private final ByteSink sink = new ByteSink(FLUSH_AT * 2);
    private final ByteSink row = new ByteSink(4096);
    private final RowValues wrapped;

    private Checksum checksum = Checksum.EMPTY;
    private long dataBytes;
    private long maxRowBytes;
    private long maxValueBytes;
    private long statementBytes;
    private long maxStatementBytes;
    private boolean finished;

    private ChunkWriter(String key, DumpFormat format, StoreOutputStream file, Compression compression, String table,
            List<ColumnEntry> columns) throws IOException {
        this.key = key;
        this.format = format;
        this.file = file;
        this.counted = new CountingCrcOutputStream(file);
        this.out = compression.compress(counted);
        this.hasher = new RowHasher(columns.size());
        this.wrapped = new RowValues(columns.size());
        if (format == DumpFormat.FLAT) {
            flat = new FlatRowEncoder(columns);
            sql = null;
            insertHeader = null;
        } else {
            flat = null;
            sql = new SqlRowEncoder(columns);
            insertHeader = ("INSERT INTO " + ColumnTypes.quote(table) + " " + SqlRowEncoder.columnList(columns) + " VALUES ")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Starts a chunk file.
     *
     * @param store       where to write
     * @param key         the file's key
     * @param format      file layout
     * @param compression compression
     * @param table       the table name (for SQL INSERT statements)
     * @param columns     the dumped columns, in file order
     */
    public static ChunkWriter create(DumpStore store, String key, DumpFormat format, Compression compression, String table,
            List<ColumnEntry> columns) throws IOException {
        return create(store, key, -1, format, compression, table, columns);
    }

    /**
     * Starts a chunk file expected to hold about {@code expectedBytes} of data (negative: unknown), which the store may
     * size its buffers or upload parts by ({@link DumpStore#create(String, long)}).
     */
    public static ChunkWriter create(DumpStore store, String key, long expectedBytes, DumpFormat format,
            Compression compression, String table, List<ColumnEntry> columns) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(compression, "compression");
        StoreOutputStream file = store.create(key, expectedBytes);
        try {
            return new ChunkWriter(key, format, file, compression, table, columns);
        } catch (IOException | RuntimeException e) {
            file.abort();
            throw e;
        }
    }

    /**
     * Appends a row.
     *
     * @param values raw values as the server sent them ({@code null} for SQL NULL), one per dumped column
     */
    public void writeRow(byte[][] values) throws IOException {
        wrapped.setAll(values);
        writeRow(wrapped);
    }

    /**
     * Appends a row whose values are slices of larger arrays (a reader's protocol buffer); nothing of
     * {@code values} is kept after the call returns.
     *
     * @param values raw values as the server sent them, one per dumped column
     */
    public void writeRow(RowValues values) throws IOException {
        long raw = 0;
        for (int i = 0, n = values.size(); i < n; i++) {
            int length = values.length(i);
            if (length > 0) {
                raw += length;
                maxValueBytes = Math.max(maxValueBytes, length);
            }
        }
        maxRowBytes = Math.max(maxRowBytes, raw);
        checksum = checksum.plusRow(hasher.hash(values));
        if (flat != null) {
            flat.encode(values, sink);
        } else {
            appendInsert(values);
        }
        if (sink.length() >= FLUSH_AT) {
            flushSink();
        }
    }

    private void appendInsert(RowValues values) throws IOException {
        row.reset();
        sql.encode(values, row);
        if (statementBytes > 0 && statementBytes + 1 + row.length() + 2 > MAX_STATEMENT_BYTES) {
            endStatement();
        }
        if (statementBytes == 0) {
            sink.write(insertHeader);
            statementBytes = insertHeader.length;
        } else {
            sink.write(',');
            statementBytes++;
        }
        flushSink();
        row.writeTo(out);
        dataBytes += row.length();
        statementBytes += row.length();
    }

    private void endStatement() {
        sink.write(';');
        sink.write('\n');
        statementBytes += 2;
        maxStatementBytes = Math.max(maxStatementBytes, statementBytes);
        statementBytes = 0;
    }

    private void flushSink() throws IOException {
        sink.writeTo(out);
        dataBytes += sink.length();
        sink.reset();
    }

    /** @return rows written so far */
    public long rows() {
        return checksum.rows();
    }

    /** @return uncompressed bytes written so far (rows still buffered included) */
    public long dataBytes() {
        return dataBytes + sink.length();
    }

    /** @return the largest value so far, in bytes */
    public long maxValueBytes() {
        return maxValueBytes;
    }

    /** @return the largest INSERT statement so far (SQL format), in bytes */
    public long maxStatementBytes() {
        return Math.max(maxStatementBytes, statementBytes + 2);
    }

    /** @return the file's key */
    public String key() {
        return key;
    }

    /**
     * Completes the file, publishes it, and returns its manifest entry.
     *
     * @param index 1-based chunk index
     * @param lower exclusive lower key bound, or null
     * @param upper inclusive upper key bound, or null
     */
    public ChunkEntry finish(int index, List<String> lower, List<String> upper) throws IOException {
        if (format == DumpFormat.SQL && statementBytes > 0) {
            endStatement();
        }
        flushSink();
        out.close(); // finishes compression and closes the store file, which publishes it
        finished = true;
        return new ChunkEntry(index, key, lower, upper, checksum.rows(), dataBytes, counted.count(), counted.crcHex(),
                checksum, maxRowBytes);
    }

    /** Discards the file. Idempotent; does nothing after {@link #finish}. */
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            file.abort();
        } catch (IOException ignored) {
            // the temp file may stay behind; nothing else to do
        }
        try {
            out.close(); // frees the compressor; the aborted file ignores what it writes
        } catch (IOException ignored) {
            // expected: the file is already discarded
        }
    }

    /** Same as {@link #abort()} unless finished. */
    @Override
    public void close() {
        abort();
    }
}

package io.github.auroramigrate.core.internal.format;

import io.github.auroramigrate.core.Compression;
import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.diagnose.SourceLocation;
import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.store.DumpStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Reads one chunk file back: decompresses it and checks it against its manifest entry while it streams, so a
 * corrupt or truncated chunk is detected before its load commits. For flat chunks the bytes of
 * {@link #stream()} are exactly what {@code LOAD DATA} expects ({@link #loadDataStatement(String, String)}).
 *
 * <pre>{@code
 * try (ChunkReader r = ChunkReader.open(store, table, chunk)) {
 *     jdbcStatement.setLocalInfileInputStream(r.stream());
 *     stmt.execute(r.loadDataStatement("target_schema", table.name()));
 *     r.verify();          // throws MigrationException(CORRUPT_FILE) if anything did not match
 *     connection.commit();
 * }
 * }</pre>
 *
 * <p>Checks, at the end of the data: stored size and CRC-32C of the stored bytes, uncompressed size, and for
 * flat chunks opened with {@link #open} the row count and row checksum recomputed from the decoded values. A mismatch makes the stream's
 * last {@code read} throw {@link CorruptChunkException}. Not thread-safe.
 */
public final class ChunkReader implements AutoCloseable {
    private final DumpStore store;
    private final TableEntry table;
    private final ChunkEntry chunk;
    private final CrcInput raw;
    private final InputStream decompressed;
    private final Verifying stream;
    private final boolean flat;
    private String failure;
    private boolean verified;

    private ChunkReader(DumpStore store, TableEntry table, ChunkEntry chunk, InputStream in, boolean rowChecks)
            throws IOException {
        this.store = store;
        this.table = table;
        this.chunk = chunk;
        this.raw = new CrcInput(in);
        this.flat = chunk.file().contains(DumpFormat.FLAT.extension());
        InputStream d;
        try {
            d = compressionOf(chunk.file()).decompress(raw);
        } catch (IOException e) {
            raw.close();
            throw new CorruptChunkException("cannot start decompressing " + chunk.file() + ": " + e.getMessage(), e);
        }
        this.decompressed = d;
        this.stream = new Verifying(d, flat && rowChecks ? new FlatRowVerifier(table.columns()) : null);
    }

    /**
     * Opens a chunk for reading.
     *
     * @param store the dump's store
     * @param table the chunk's table entry
     * @param chunk the chunk entry
     * @throws java.nio.file.NoSuchFileException when the file is missing
     */
    public static ChunkReader open(DumpStore store, TableEntry table, ChunkEntry chunk) throws IOException {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(chunk, "chunk");
        return new ChunkReader(store, table, chunk, store.open(chunk.file()), true);
    }

    /**
     * Opens a chunk for a load: the stored bytes are checked (size, CRC-32C) and the uncompressed size, but rows
     * are not decoded to recompute the row checksum. The file checks catch any changed, missing or added byte; the
     * loader checks the row count the server reports, and {@code Verify} compares the loaded table with the
     * manifest's checksums. Decoding every value again cost a load worker about as much CPU as the rest of the
     * load, on the same cores as the target server.
     *
     * @throws java.nio.file.NoSuchFileException when the file is missing
     */
    public static ChunkReader openForLoad(DumpStore store, TableEntry table, ChunkEntry chunk) throws IOException {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(chunk, "chunk");
        return new ChunkReader(store, table, chunk, store.open(chunk.file()), false);
    }

    /** @return the compression a chunk file name implies */
    public static Compression compressionOf(String file) {
        if (file.endsWith(Compression.ZSTD.extension())) {
            return Compression.ZSTD;
        }
        return file.endsWith(Compression.GZIP.extension()) ? Compression.GZIP : Compression.NONE;
    }

    /** @return the decompressed, verifying data stream (the same object on every call) */
    public InputStream stream() {
        return stream;
    }

    /** @return the chunk entry being read */
    public ChunkEntry chunk() {
        return chunk;
    }

    /**
     * The {@code LOAD DATA LOCAL INFILE} statement for this chunk into {@code schema.table}.
     *
     * @throws IllegalStateException for an SQL-format chunk
     */
    public String loadDataStatement(String schema, String tableName) {
        if (!flat) {
            throw new IllegalStateException(chunk.file() + " is an SQL-format chunk, not loadable with LOAD DATA");
        }
        return LoadDataClause.statement(schema, tableName, table.columns(), chunk.file(), true);
    }

    /**
     * Confirms that the whole chunk was read and matched its manifest entry. Reads what is left of the stream
     * first (so it can also be used to check a chunk without loading it).
     *
     * @throws MigrationException with {@link DiagnosisCode#CORRUPT_FILE} naming the file, when it did not match
     */
    public void verify() {
        if (!verified && failure == null) {
            try {
                stream.transferTo(OutputStreamNull.INSTANCE);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e.getMessage();
                }
            }
        }
        if (failure != null) {
            Diagnosis d = Diagnosis.of(DiagnosisCode.CORRUPT_FILE, "chunk " + chunk.file() + " of table " + table.name()
                    + " does not match the manifest: " + failure)
                    .withLocation(new SourceLocation(store.describe() + "/" + chunk.file(), 1, "chunk " + chunk.index() + " of " + table.name()));
            throw new MigrationException(d);
        }
    }

    @Override
    public void close() throws IOException {
        decompressed.close();
    }

    static String crcHex(long crc) {
        return String.format(Locale.ROOT, "%08x", crc);
    }

    private void check() throws CorruptChunkException {
        StringBuilder problems = new StringBuilder();
        if (raw.count != chunk.fileBytes()) {
            problems.append("stored size ").append(raw.count).append(" bytes, manifest says ").append(chunk.fileBytes())
                    .append("; ");
        } else if (!crcHex(raw.crc.getValue()).equals(chunk.fileCrc32c())) {
            problems.append("CRC-32C ").append(crcHex(raw.crc.getValue())).append(", manifest says ")
                    .append(chunk.fileCrc32c()).append("; ");
        }
        if (stream.count != chunk.dataBytes()) {
            problems.append("uncompressed size ").append(stream.count).append(" bytes, manifest says ")
                    .append(chunk.dataBytes()).append("; ");
        }
        if (stream.rows != null) {
            Checksum c = stream.rows.checksum();
            if (c.rows() != chunk.rows()) {
                problems.append(c.rows()).append(" rows, manifest says ").append(chunk.rows()).append("; ");
            } else if (!c.equals(chunk.checksum())) {
                problems.append("row checksum ").append(c).append(", manifest says ").append(chunk.checksum()).append("; ");
            }
        }
        if (!problems.isEmpty()) {
            throw fail(new CorruptChunkException(problems.substring(0, problems.length() - 2)));
        }
        verified = true;
    }

    private CorruptChunkException fail(CorruptChunkException e) {
        if (failure == null) {
            failure = e.getMessage();
        }
        return e;
    }

    /** Counts and CRCs the stored bytes. */
    private static final class CrcInput extends FilterInputStream {
        final CRC32C crc = new CRC32C();
        long count;

        CrcInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                crc.update(b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                crc.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 8192)]) ;
        }

        void drain() throws IOException {
            byte[] buf = new byte[8192];
            while (read(buf, 0, buf.length) >= 0) {
                // count and CRC what follows the compressed data
            }
        }
    }

    /** The decompressed stream: counts, feeds the row verifier, checks everything at end of data. */
    private final class Verifying extends FilterInputStream {
        final FlatRowVerifier rows;
        long count;
        boolean ended;

        Verifying(InputStream in, FlatRowVerifier rows) {
            super(in);
            this.rows = rows;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                throw new CorruptChunkException(failure);
            }
            if (ended) {
                return -1;
            }
            int n;
            try {
                n = in.read(b, off, len);
            } catch (CorruptChunkException e) {
                throw fail(e);
            } catch (IOException e) {
                throw fail(new CorruptChunkException("cannot decompress: " + e.getMessage(), e));
            }
            if (n > 0) {
                count += n;
                if (rows != null) {
                    try {
                        rows.feed(b, off, n);
                    } catch (CorruptChunkException e) {
                        throw fail(e);
                    }
                }
                return n;
            }
            if (n < 0) {
                ended = true;
                if (rows != null) {
                    try {
                        rows.finish();
                    } catch (CorruptChunkException e) {
                        throw fail(e);
                    }
                }
                raw.drain();
                check();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(Math.max(n, 1), 8192)];
            int r = read(buf, 0, buf.length);
            return Math.max(r, 0);
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** Discards bytes. */
    private static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}

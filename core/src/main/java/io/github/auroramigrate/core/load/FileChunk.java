package io.github.auroramigrate.core.load;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * A chunk held in a local file in the server's default text format (what {@code SELECT ... INTO OUTFILE} writes),
 * optionally verified against a CRC-32 and a size while it is streamed.
 *
 * <pre>{@code
 * ChunkSource c = FileChunk.builder().id("t1.0001").schema("shop").table("t1")
 *     .file(Path.of("/dump/t1.0001.tsv")).crc32(FileChunk.crc32Of(Path.of("/dump/t1.0001.tsv"))).expectedRows(5000).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FileChunk implements ChunkSource {
    private final String id;
    private final String schema;
    private final String table;
    private final List<String> columns;
    private final Path file;
    private final Long expectedRows;
    private final String crc32;
    private final Long expectedBytes;

    private FileChunk(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.schema = Objects.requireNonNull(b.schema, "schema");
        this.table = Objects.requireNonNull(b.table, "table");
        this.file = Objects.requireNonNull(b.file, "file");
        this.columns = List.copyOf(b.columns);
        this.expectedRows = b.expectedRows;
        this.crc32 = b.crc32;
        this.expectedBytes = b.expectedBytes;
        if (id.isBlank() || id.length() > 190) {
            throw new IllegalArgumentException("id must be 1..190 characters: '" + id + "'");
        }
        if (expectedRows != null && expectedRows < 0) {
            throw new IllegalArgumentException("expectedRows must be >= 0, was " + expectedRows);
        }
        if (crc32 != null && !crc32.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("crc32 must be 8 lowercase hex digits, was '" + crc32 + "'");
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** The CRC-32 of a file as 8 lowercase hex digits, the form {@link Builder#crc32(String)} takes. */
    public static String crc32Of(Path file) {
        try (CheckedInputStream in = new CheckedInputStream(Files.newInputStream(file), new CRC32())) {
            in.transferTo(OutputStreamSink.INSTANCE);
            return hex(in.getChecksum().getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex(long crc) {
        return String.format(Locale.ROOT, "%08x", crc);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public OptionalLong expectedRows() {
        return expectedRows == null ? OptionalLong.empty() : OptionalLong.of(expectedRows);
    }

    @Override
    public String checksum() {
        return crc32 == null ? "" : "crc32:" + crc32;
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    @Override
    public InputStream open() throws IOException {
        InputStream raw = Files.newInputStream(file);
        return crc32 == null && expectedBytes == null ? raw : new Verifying(raw);
    }

    @Override
    public String toString() {
        return "FileChunk{" + id + " -> " + qualifiedTable() + ", " + file + "}";
    }

    /** Checks size and CRC when the end of the file is reached, before the reader sees end-of-stream. */
    private final class Verifying extends FilterInputStream {
        private final CRC32 crc = new CRC32();
        private long bytes;
        private boolean verified;

        Verifying(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                crc.update(b, off, n);
                bytes += n;
            } else if (n < 0 && !verified) {
                verify();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skip is not supported on a verified chunk");
        }

        private void verify() throws IOException {
            if (expectedBytes != null && bytes != expectedBytes) {
                throw new IOException("chunk " + id + " (" + file + ") has " + bytes + " bytes, expected " + expectedBytes
                        + " (truncated or altered)");
            }
            if (crc32 != null && !hex(crc.getValue()).equals(crc32)) {
                throw new IOException("chunk " + id + " (" + file + ") has CRC-32 " + hex(crc.getValue()) + ", expected "
                        + crc32 + " (corrupt or altered)");
            }
            verified = true;
        }
    }

    /** Discards bytes. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    /** Builder; not thread-safe. */
    public static final class Builder {
        private String id;
        private String schema;
        private String table;
        private List<String> columns = List.of();
        private Path file;
        private Long expectedRows;
        private String crc32;
        private Long expectedBytes;

        private Builder() {
        }

        /** Required: the chunk's id, unique within the load job, 1..190 characters. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Required: the target schema. */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /** Required: the target table. */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /** The columns in file order; default: all columns in table order. */
        public Builder columns(List<String> columns) {
            this.columns = Objects.requireNonNull(columns, "columns");
            return this;
        }

        /** Required: the file, in {@link ChunkFormat#FLAT}. */
        public Builder file(Path file) {
            this.file = file;
            return this;
        }

        /** The row count the chunk must load; default: not checked. */
        public Builder expectedRows(long rows) {
            this.expectedRows = rows;
            return this;
        }

        /** The file's CRC-32 (8 lowercase hex digits, see {@link FileChunk#crc32Of(Path)}); default: not checked. */
        public Builder crc32(String crc32) {
            this.crc32 = crc32;
            return this;
        }

        /** The file's size in bytes; default: not checked. */
        public Builder expectedBytes(long bytes) {
            this.expectedBytes = bytes;
            return this;
        }

        /**
         * @throws NullPointerException     when id, schema, table or file is missing
         * @throws IllegalArgumentException for a bad id, row count or checksum
         */
        public FileChunk build() {
            return new FileChunk(this);
        }
    }
}

package io.github.auroramigrate.core;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How chunk files are compressed.
 *
 * <pre>{@code
 * Dump.from(source).compression(Compression.GZIP) ...
 * }</pre>
 */
public enum Compression {
    /** Zstandard, level 3, with the frame checksum on (the default). Extension {@code .zst}. */
    ZSTD(".zst"),
    /** gzip (deflate). Extension {@code .gz}. */
    GZIP(".gz"),
    /** No compression. */
    NONE("");

    private static final int BUFFER = 64 * 1024;
    private final String extension;

    Compression(String extension) {
        this.extension = extension;
    }

    /** @return the file name suffix, e.g. {@code .zst}, or empty for {@link #NONE} */
    public String extension() {
        return extension;
    }

    /** @return a stream that compresses into {@code out}; closing it finishes the compressed data and closes {@code out} */
    public OutputStream compress(OutputStream out) throws IOException {
        return switch (this) {
            case ZSTD -> {
                ZstdOutputStream z = new ZstdOutputStream(out, 3);
                z.setChecksum(true);
                yield z;
            }
            case GZIP -> new GZIPOutputStream(out, BUFFER);
            case NONE -> out;
        };
    }

    /** @return a stream that decompresses {@code in}; closing it closes {@code in} */
    public InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case ZSTD -> new ZstdInputStream(in);
            case GZIP -> new GZIPInputStream(in, BUFFER);
            case NONE -> in;
        };
    }
}

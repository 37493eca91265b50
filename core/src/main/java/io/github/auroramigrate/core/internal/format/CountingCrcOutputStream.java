package io.github.auroramigrate.core.internal.format;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/** Counts bytes and computes their CRC-32C on the way to the store. Not thread-safe. */
final class CountingCrcOutputStream extends FilterOutputStream {
    private final CRC32C crc = new CRC32C();
    private long count;

    CountingCrcOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        crc.update(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        crc.update(b, off, len);
        count += len;
    }

    long count() {
        return count;
    }

    String crcHex() {
        return ChunkReader.crcHex(crc.getValue());
    }
}

package io.github.auroramigrate.core.internal.format;

import io.github.auroramigrate.core.load.ChunkFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rows of {@link ChunkFormat#FLAT} (tab-separated, newline-terminated, backslash escapes, {@code \N}
 * for NULL) as byte fields, for the INSERT fallback and for {@code Verify}'s re-check of a chunk. Not thread-safe.
 *
 * <pre>{@code
 * FlatRowReader rows = new FlatRowReader(chunkReader.stream());
 * for (List<byte[]> row = rows.next(); row != null; row = rows.next()) { ... }
 * }</pre>
 */
public final class FlatRowReader {
    private static final int EOF = -1;
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int len;

    /** @param in the decompressed flat data; not closed by this reader */
    public FlatRowReader(InputStream in) {
        this.in = in;
    }

    /**
     * @return the next row's fields (null elements for SQL NULL), or null at the end of the input
     * @throws IOException when the input cannot be read or is malformed
     */
    public List<byte[]> next() throws IOException {
        int b = read();
        if (b == EOF) {
            return null;
        }
        List<byte[]> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        boolean nullMarker = false;
        boolean escapedAny = false;
        while (true) {
            if (b == EOF) {
                throw new IOException("truncated row: the input ends without a line terminator");
            }
            if (b == '\t' || b == '\n') {
                fields.add(nullMarker && field.size() == 0 && !escapedAny ? null : field.toByteArray());
                field.reset();
                nullMarker = false;
                escapedAny = false;
                if (b == '\n') {
                    return fields;
                }
            } else if (b == '\\') {
                int e = read();
                if (e == EOF) {
                    throw new IOException("truncated row: the input ends inside an escape sequence");
                }
                if (e == 'N' && field.size() == 0 && !escapedAny) {
                    nullMarker = true;
                } else {
                    if (nullMarker) {
                        throw new IOException("malformed field: \\N followed by more data");
                    }
                    escapedAny = true;
                    field.write(unescape(e));
                }
            } else {
                if (nullMarker) {
                    throw new IOException("malformed field: \\N followed by more data");
                }
                field.write(b);
            }
            b = read();
        }
    }

    private static int unescape(int e) {
        switch (e) {
            case '0':
                return 0;
            case 'b':
                return '\b';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'Z':
                return 0x1a;
            default:
                return e;
        }
    }

    private int read() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return EOF;
            }
        }
        return buf[pos++] & 0xff;
    }
}

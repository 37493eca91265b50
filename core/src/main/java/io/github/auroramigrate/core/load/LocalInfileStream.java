package io.github.auroramigrate.core.load;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the first read failure: Connector/J reports a failing LOCAL INFILE stream as a generic SQLException,
 * and we need to know it was the file, not the server.
 */
final class LocalInfileStream extends FilterInputStream {
    private static final Logger LOG = LoggerFactory.getLogger(LocalInfileStream.class);
    private IOException failure;
    private boolean eof;

    LocalInfileStream(InputStream in) {
        super(in);
    }

    /** @return the first failure reading the chunk, or null */
    IOException failure() {
        return failure;
    }

    /** @return whether the chunk was read to its end */
    boolean atEnd() {
        return eof;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = in.read();
            eof |= b < 0;
            return b;
        } catch (IOException | RuntimeException e) {
            throw remember(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = in.read(b, off, len);
            eof |= n < 0;
            return n;
        } catch (IOException | RuntimeException e) {
            throw remember(e);
        }
    }

    private IOException remember(Exception e) {
        IOException io = e instanceof IOException x ? x : new IOException(e.toString(), e);
        if (failure == null) {
            failure = io;
        }
        return io;
    }

    void closeQuietly() {
        try {
            in.close();
        } catch (IOException e) {
            LOG.debug("closing a chunk stream failed: {}", e.toString());
        }
    }
}

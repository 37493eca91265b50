package io.github.auroramigrate.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A script whose reading can be metered in bytes of the stored file, so that a load reports how far into it it is
 * ({@link LoadListener#scriptProgress}). Only long scripts another tool wrote implement it ({@link SqlFileSource}).
 */
interface MeteredScript extends SqlScript {
    /** @return the file's size as stored */
    long storedSize() throws IOException;

    /**
     * Like {@link #open()}, adding to {@code storedBytesRead} every byte read from the stored file.
     */
    InputStream open(AtomicLong storedBytesRead) throws IOException;
}

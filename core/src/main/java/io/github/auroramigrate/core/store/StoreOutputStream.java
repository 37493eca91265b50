package io.github.auroramigrate.core.store;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A file being written to a {@link DumpStore}: {@link #close()} publishes it under its key atomically,
 * {@link #abort()} discards it. Not thread-safe (one writer).
 *
 * <pre>{@code
 * StoreOutputStream out = store.create("data/a/t/t.000001.tsv.zst");
 * try { write(out); out.close(); } catch (IOException e) { out.abort(); throw e; }
 * }</pre>
 */
public abstract class StoreOutputStream extends OutputStream {
    /** For subclasses. */
    protected StoreOutputStream() {
    }

    /** Discards what was written; the key keeps its previous content (or stays absent). Idempotent. */
    public abstract void abort() throws IOException;

    /** Publishes the file under its key. Idempotent; after {@link #abort()} it does nothing. */
    @Override
    public abstract void close() throws IOException;
}

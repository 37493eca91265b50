package io.github.auroramigrate.core.copy;

import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.StoreOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link DumpStore} in memory, for {@link Copy}: a dump writes into it while a load follows it, and the load deletes
 * each chunk once it is committed. Memory is bounded: creating a data file ({@code data/...}) waits while the complete
 * data files not yet deleted hold more than {@code limit} bytes. Files being written are not counted (at most one
 * chunk per dump worker), nor DDL and the manifest (small), so a writer never waits for something only it could free.
 * Thread-safe.
 */
final class MemoryDumpStore implements DumpStore {
    private final long limit;
    private final Map<String, Bytes> files = new TreeMap<>();
    private long dataBytes;
    private long peakDataBytes;
    private boolean closed;

    MemoryDumpStore(long limit) {
        this.limit = limit;
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public StoreOutputStream create(String key) throws IOException {
        DumpStore.checkKey(key);
        if (isData(key)) {
            synchronized (this) {
                while (!closed && dataBytes > limit) {
                    try {
                        wait(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while waiting for the loader to free memory");
                    }
                }
                if (closed) {
                    throw new IOException("the copy was stopped");
                }
            }
        }
        return new StoreOutputStream() {
            private final Buffer buf = new Buffer(isData(key) ? 1 << 16 : 1024);
            private boolean done;

            @Override
            public void write(int b) {
                buf.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                buf.write(b, off, len);
            }

            @Override
            public void abort() {
                done = true;
            }

            @Override
            public void close() throws IOException {
                if (!done) {
                    done = true;
                    publish(key, buf.bytes()); // no copy: a chunk is held once
                }
            }
        };
    }

    private synchronized void publish(String key, Bytes content) throws IOException {
        if (closed) {
            throw new IOException("the copy was stopped");
        }
        Bytes old = files.put(key, content);
        if (isData(key)) {
            dataBytes += content.length() - (old == null ? 0 : old.length());
            peakDataBytes = Math.max(peakDataBytes, dataBytes);
        }
    }

    @Override
    public synchronized InputStream open(String key) throws IOException {
        Bytes b = files.get(key);
        if (b == null) {
            throw new NoSuchFileException(key);
        }
        return new ByteArrayInputStream(b.array(), 0, b.length());
    }

    @Override
    public synchronized boolean exists(String key) {
        return files.containsKey(key);
    }

    @Override
    public synchronized long size(String key) throws IOException {
        Bytes b = files.get(key);
        if (b == null) {
            throw new NoSuchFileException(key);
        }
        return b.length();
    }

    @Override
    public synchronized List<String> list(String prefix) {
        List<String> out = new ArrayList<>();
        for (String k : files.keySet()) {
            if (k.startsWith(prefix)) {
                out.add(k);
            }
        }
        return out;
    }

    @Override
    public synchronized void delete(String key) {
        Bytes old = files.remove(key);
        if (old != null && isData(key)) {
            dataBytes -= old.length();
            notifyAll();
        }
    }

    /** @return the most data bytes held at once */
    synchronized long peakDataBytes() {
        return peakDataBytes;
    }

    /** Wakes and fails waiting writers; files stay readable. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** A file's content: the first {@code length} bytes of {@code array}. */
    private record Bytes(byte[] array, int length) {
    }

    /** A ByteArrayOutputStream whose content is handed over without the copy {@code toByteArray()} makes. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int initial) {
            super(initial);
        }

        Bytes bytes() {
            return new Bytes(buf, count);
        }
    }

    private static boolean isData(String key) {
        return key.startsWith("data/");
    }
}

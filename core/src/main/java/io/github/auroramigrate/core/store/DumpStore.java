package io.github.auroramigrate.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where a dump lives: a flat namespace of files addressed by keys (relative paths with {@code /} separators).
 * The local directory store comes from {@link DumpStores#directory(java.nio.file.Path)}; the {@code aws}
 * module adds S3 through this same interface.
 *
 * <pre>{@code
 * try (DumpStore store = DumpStores.directory(Path.of("mydump"))) {
 *     try (StoreOutputStream out = store.create("notes/readme.txt")) { out.write(bytes); }   // published on close
 *     try (InputStream in = store.open("notes/readme.txt")) { ... }
 * }
 * }</pre>
 *
 * <p>Contract for implementations: a file created with {@link #create(String)} becomes visible under its key
 * only when the stream is closed, atomically (readers never see a partial file; a second {@code create} of the
 * same key replaces it atomically); {@link StoreOutputStream#abort()} discards it. Implementations are
 * thread-safe: many workers write different keys concurrently.
 */
public interface DumpStore extends AutoCloseable {

    /** @return where the store is, for messages (e.g. {@code directory /data/dump}, {@code s3://bucket/prefix}) */
    String describe();

    /**
     * Starts writing a file. It appears under {@code key} when the returned stream is closed.
     *
     * @param key relative path with {@code /} separators, no {@code ..} or leading {@code /}
     * @throws IOException              when the file cannot be created
     * @throws IllegalArgumentException for a malformed key
     */
    StoreOutputStream create(String key) throws IOException;

    /**
     * Starts writing a file expected to hold about {@code expectedBytes} bytes (an estimate that may be wrong either
     * way; a store may size its buffers or upload parts by it). Default: {@link #create(String)}.
     *
     * @param expectedBytes the estimate, or a negative number when unknown
     * @throws IOException              when the file cannot be created
     * @throws IllegalArgumentException for a malformed key
     */
    default StoreOutputStream create(String key, long expectedBytes) throws IOException {
        return create(key);
    }

    /**
     * Opens a file for reading.
     *
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws IOException                       when it cannot be opened
     */
    InputStream open(String key) throws IOException;

    /** @return whether a (complete) file exists under the key */
    boolean exists(String key) throws IOException;

    /**
     * @return the size of the file in bytes
     * @throws java.nio.file.NoSuchFileException when there is no such file
     */
    long size(String key) throws IOException;

    /** @return the keys of all complete files whose key starts with {@code prefix} ("" for all), sorted */
    List<String> list(String prefix) throws IOException;

    /** Deletes a file; no error when it does not exist. */
    void delete(String key) throws IOException;

    /**
     * Writes a whole file atomically: it appears complete under {@code key}, or not at all if writing fails.
     *
     * @throws IOException when it cannot be written
     */
    default void put(String key, byte[] content) throws IOException {
        StoreOutputStream out = create(key);
        try {
            out.write(content);
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
        }
        out.close();
    }

    /**
     * @return how a target server can read this store's files itself (Aurora's {@code LOAD DATA FROM S3} for a store in
     *         S3), for {@code LoadMethod.SERVER_SIDE}; default: empty, the files reach the server through the client
     */
    default java.util.Optional<ServerSideRead> serverSideRead() {
        return java.util.Optional.empty();
    }

    /** Releases resources (clients, connections). Idempotent. The stored files stay. */
    @Override
    default void close() {
    }

    /**
     * Validates a key: non-empty, relative, {@code /}-separated, no empty, {@code .} or {@code ..} segments, no
     * backslash or NUL.
     *
     * @throws IllegalArgumentException when it is malformed
     */
    static String checkKey(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.indexOf('\\') >= 0
                || key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a valid store key: '" + key + "'");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a valid store key: '" + key + "'");
            }
        }
        return key;
    }
}

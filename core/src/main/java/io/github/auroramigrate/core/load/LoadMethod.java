package io.github.auroramigrate.core.load;

/**
 * How data chunks are sent to the target.
 *
 * <pre>{@code
 * Load.into(target).from(source).method(LoadMethod.INSERT).build().run();
 * }</pre>
 */
public enum LoadMethod {
    /** LOAD DATA LOCAL INFILE when the target allows it ({@code @@local_infile}), else INSERT (the default). */
    AUTO,
    /** LOAD DATA LOCAL INFILE streamed from Java; fails with LOCAL_INFILE_DISABLED when the target forbids it. */
    LOAD_DATA_LOCAL,
    /** Multi-row INSERT statements built from the parsed chunk: slower, works everywhere. */
    INSERT,
    /**
     * The target reads each chunk file from the dump's store itself, nothing passing through the client: Aurora
     * MySQL's {@code LOAD DATA FROM S3} for a dump in S3 (aws module). Needs a store that offers it
     * ({@link io.github.auroramigrate.core.store.DumpStore#serverSideRead()}) and uncompressed flat chunks; the load
     * checks the target's privileges and settings first and fails with {@code SERVER_SIDE_LOAD_UNAVAILABLE}, naming
     * each fix, before it loads anything. Never chosen by AUTO.
     */
    SERVER_SIDE
}

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
    INSERT
}

package io.github.auroramigrate.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.OptionalLong;

/**
 * One chunk of one table's rows in a flat format, as the loader sees it: where it goes, what it should contain,
 * and how to read it. Dump stores provide these for their chunks; {@link FileChunk} reads a local file.
 *
 * <pre>{@code
 * ChunkSource c = FileChunk.builder().id("t1-0001").schema("shop").table("t1").file(Path.of("t1.0001.tsv")).build();
 * }</pre>
 *
 * <p>Implementations must be immutable and thread-safe; {@link #open()} may be called more than once (a retried
 * chunk is read again from the start).
 */
public interface ChunkSource {
    /** @return an id unique within the load job (at most 190 characters), the key of the load journal */
    String id();

    /** @return the target schema */
    String schema();

    /** @return the target table */
    String table();

    /** @return the columns in file order, or an empty list for all columns in table order */
    default List<String> columns() {
        return List.of();
    }

    /** @return the number of rows the chunk holds, if known; a different count rejects the chunk */
    default OptionalLong expectedRows() {
        return OptionalLong.empty();
    }

    /** @return the checksum recorded for the chunk (kept in the journal), or an empty string */
    default String checksum() {
        return "";
    }

    /** @return the chunk's format; default {@link ChunkFormat#FLAT} */
    default ChunkFormat format() {
        return ChunkFormat.FLAT;
    }

    /**
     * @return what follows {@code INTO TABLE t} in {@code LOAD DATA} for a {@link ChunkFormat#FLAT} chunk: character
     *         set, field and line options, {@code IGNORE n LINES}; default: the server's default text format as
     *         {@link ChunkFormat#FLAT} describes. A chunk with other options (e.g. CSV) cannot use the INSERT fallback.
     */
    default String loadDataOptions() {
        return ChunkFormat.loadDataOptions();
    }

    /**
     * @return what follows the format options in {@code LOAD DATA}: the column list and an optional SET clause,
     *         e.g. {@code (`id`,@c1) SET `bits`=UNHEX(@c1)}; default: {@link #columns()} quoted, or nothing
     */
    default String loadDataColumns() {
        return columns().isEmpty() ? "" : columns().stream().map(ChunkLoader::quote)
                .collect(java.util.stream.Collectors.joining(",", "(", ")"));
    }

    /**
     * @return for the INSERT fallback, one SQL expression per field with {@code ?} where the field's value goes,
     *         e.g. {@code UNHEX(?)}; default: empty, meaning a bare {@code ?} for each field
     */
    default List<String> insertExpressions() {
        return List.of();
    }

    /**
     * Opens the chunk's bytes, uncompressed. The stream must verify the chunk while it is read and throw an
     * {@link IOException} (at the latest on reaching its end) when the bytes do not match the checksum or are
     * truncated: the loader then rolls the chunk back and reports {@code CORRUPT_FILE}.
     */
    InputStream open() throws IOException;

    /**
     * @return the key of this chunk's file in its load source's store when the target can read that file itself as it
     *         is stored ({@link LoadMethod#SERVER_SIDE}: an uncompressed flat file); default: empty, it cannot
     */
    default java.util.Optional<String> serverSideFile() {
        return java.util.Optional.empty();
    }

    /**
     * Called just before the target reads {@link #serverSideFile()} itself: checks that the stored file is the complete
     * one (the loader cannot see the bytes the server reads). Default: nothing.
     *
     * @throws IOException when the stored file is missing or not the one recorded (e.g. truncated)
     */
    default void checkServerSideFile() throws IOException {
    }

    /**
     * Called once the chunk's rows and its journal row are committed, or found committed by an earlier run: a source
     * may release the chunk's storage. Default: nothing. A failure is logged and does not fail the load.
     */
    default void committed() throws IOException {
    }

    /** @return {@code schema.table}, for messages */
    default String qualifiedTable() {
        return schema() + "." + table();
    }
}

package io.github.auroramigrate.core.internal.manifest;

import io.github.auroramigrate.core.Checksum;
import java.util.List;
import java.util.Objects;

/**
 * One finished data file: which rows it holds and how to check it.
 *
 * <pre>{@code
 * try (ChunkReader r = ChunkReader.open(store, manifest, table, chunk)) { ... }
 * }</pre>
 *
 * @param index       1-based position among the table's chunks
 * @param file        store key of the file
 * @param lower       exclusive lower bound of the key range, null when unbounded (or chunking NONE)
 * @param upper       inclusive upper bound, null when unbounded (or chunking NONE)
 * @param rows        rows in the file
 * @param dataBytes   uncompressed size in bytes
 * @param fileBytes   stored (compressed) size in bytes
 * @param fileCrc32c  CRC-32C of the stored bytes, 8 lower-case hex digits
 * @param checksum    row checksum of the rows (docs/dump-format.md, section 4)
 * @param maxRowBytes size of the longest row, raw
 */
public record ChunkEntry(int index, String file, List<String> lower, List<String> upper, long rows, long dataBytes,
        long fileBytes, String fileCrc32c, Checksum checksum, long maxRowBytes) {
    /** Validates and copies. */
    public ChunkEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fileCrc32c, "fileCrc32c");
        Objects.requireNonNull(checksum, "checksum");
        lower = lower == null ? null : List.copyOf(lower);
        upper = upper == null ? null : List.copyOf(upper);
    }
}

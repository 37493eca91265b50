package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.Checksum;
import java.util.Objects;

/**
 * One data file a dump has finished writing, as a {@link DumpListener} sees it.
 *
 * <pre>{@code
 * public void onChunkWritten(TableRef table, DumpedChunk chunk) {
 *     System.out.println(table + " #" + chunk.index() + ": " + chunk.rows() + " rows");
 * }
 * }</pre>
 *
 * @param index     1-based position among the table's chunks
 * @param file      store key of the file
 * @param rows      rows in the file
 * @param dataBytes uncompressed size in bytes
 * @param fileBytes stored (compressed) size in bytes
 * @param checksum  row checksum of the rows (docs/dump-format.md, section 4)
 */
public record DumpedChunk(int index, String file, long rows, long dataBytes, long fileBytes, Checksum checksum) {
    /** Validates. */
    public DumpedChunk {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(checksum, "checksum");
    }
}

package io.github.auroramigrate.core;

import io.github.auroramigrate.core.internal.manifest.ChunkEntry;

/**
 * An order-independent checksum of a set of rows: the row count, and the XOR and the sum of each row's CRC-32
 * over its canonical bytes (docs/dump-format.md, section 4). The dumper computes it from the bytes it reads;
 * {@code io.github.auroramigrate.core.internal.checksum.ChunkChecksum} computes the same value in SQL on any server.
 *
 * <pre>{@code
 * Checksum table = Checksum.EMPTY;
 * for (ChunkEntry c : entry.chunks()) { table = table.plus(c.checksum()); }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param rows     number of rows
 * @param crc32Xor XOR of the row hashes (each an unsigned 32-bit value)
 * @param crc32Sum sum of the row hashes
 */
public record Checksum(long rows, long crc32Xor, long crc32Sum) {
    /** The checksum of no rows. */
    public static final Checksum EMPTY = new Checksum(0, 0, 0);

    /** Validates the parts. */
    public Checksum {
        if (rows < 0 || crc32Xor < 0 || crc32Xor > 0xFFFF_FFFFL || crc32Sum < 0) {
            throw new IllegalArgumentException("not a checksum: rows=" + rows + " xor=" + crc32Xor + " sum=" + crc32Sum);
        }
    }

    /** @return the checksum of both sets of rows */
    public Checksum plus(Checksum other) {
        return new Checksum(rows + other.rows, crc32Xor ^ other.crc32Xor, crc32Sum + other.crc32Sum);
    }

    /** @return this checksum with one more row whose CRC-32 is {@code rowHash} */
    public Checksum plusRow(long rowHash) {
        return new Checksum(rows + 1, crc32Xor ^ rowHash, crc32Sum + rowHash);
    }
}

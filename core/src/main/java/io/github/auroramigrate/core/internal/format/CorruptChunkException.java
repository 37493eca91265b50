package io.github.auroramigrate.core.internal.format;

import java.io.IOException;

/**
 * Thrown by the stream of a {@link ChunkReader} when a chunk file does not match its manifest entry (size,
 * CRC-32C, row count or row checksum) or cannot be decoded. An {@link IOException} so that whatever consumes
 * the stream (e.g. the driver sending it for LOAD DATA LOCAL) fails; {@link ChunkReader#verify()} reports the
 * same problem as a diagnosed exception.
 *
 * <pre>{@code
 * catch (CorruptChunkException e) { ... roll back the chunk's transaction ... }
 * }</pre>
 */
public final class CorruptChunkException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what does not match */
    public CorruptChunkException(String message) {
        super(message);
    }

    /**
     * @param message what does not match
     * @param cause   the decoding failure
     */
    public CorruptChunkException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.github.auroramigrate.core.internal.manifest;

/**
 * Where a dump stands, as recorded in its manifest.
 *
 * <pre>{@code
 * if (manifest.status() != DumpStatus.COMPLETE) { ... follow it, or refuse to load ... }
 * }</pre>
 */
public enum DumpStatus {
    /** The dumper is running, or died: see {@link Manifest#looksInterrupted(java.time.Instant)}. */
    IN_PROGRESS,
    /** Every listed object and chunk is final. */
    COMPLETE,
    /** The dumper stopped on an error; {@link Manifest#failure()} says which. Listed chunks are valid. */
    FAILED
}

/**
 * The versioned JSON manifest of a dump (format version 1, {@code docs/dump-format.md}): immutable records and
 * {@link io.github.auroramigrate.core.internal.manifest.ManifestIO} to read and write them.
 *
 * <pre>{@code
 * Manifest m = ManifestIO.read(store);
 * }</pre>
 *
 * <p><b>Internal: no compatibility guarantees.</b> This package is public only so that the library's own modules
 * can share it; its types may change or disappear in any release. The file format itself is specified in
 * {@code docs/dump-format.md}, which is the contract.
 */
package io.github.auroramigrate.core.internal.manifest;

/**
 * The versioned JSON manifest of a dump (format version 1, {@code docs/dump-format.md}): immutable records and
 * {@link io.github.auroramigrate.core.manifest.ManifestIO} to read and write them.
 *
 * <pre>{@code
 * Manifest m = ManifestIO.read(store);
 * }</pre>
 */
package io.github.auroramigrate.core.manifest;

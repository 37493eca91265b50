/**
 * SQL builders for the dump format's row checksums (docs/dump-format.md section 4) and key-range predicates,
 * shared by the dumper and the verifier.
 *
 * <pre>{@code
 * String where = KeyRangePredicate.sql(key, lower, upper);
 * }</pre>
 *
 * <p><b>Internal: no compatibility guarantees.</b> This package is public only so that the library's own modules
 * can share it; its types may change or disappear in any release.
 */
package io.github.auroramigrate.core.internal.checksum;

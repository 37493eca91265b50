/**
 * DDL rewrites shared by the dumper and the loader, such as pinning the collations a definition inherits.
 *
 * <pre>{@code
 * String pinned = ExplicitCollations.pin(createTable, "utf8mb4_general_ci", columnCollations);
 * }</pre>
 *
 * <p><b>Internal: no compatibility guarantees.</b> This package is public only so that the library's own modules
 * can share it; its types may change or disappear in any release.
 */
package io.github.auroramigrate.core.internal.ddl;

/**
 * SQL helpers shared by every capability: the system and library schemas that are never dumped, checked or
 * verified, and the check that a schema or table selection matches something. Internal: no compatibility
 * guarantees.
 *
 * <pre>{@code
 * SystemSchemas.excluded("aurora_migrate");   // true
 * }</pre>
 */
package io.github.auroramigrate.core.internal.sql;

/**
 * The check, shared by every capability, that a schema or table selection matches something (the list of schemas
 * never covered is {@link io.github.auroramigrate.core.sql.SystemSchemas}). Internal: no compatibility guarantees.
 *
 * <pre>{@code
 * Diagnosis d = Selection.check(connection, TableFilter.all().schemas("shop"), List.of(), "dump of root@db:3306");
 * }</pre>
 */
package io.github.auroramigrate.core.internal.sql;

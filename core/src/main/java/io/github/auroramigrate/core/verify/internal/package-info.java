/**
 * The catalog reader of verification: the structured definitions of schemas, tables, views, routines, triggers,
 * events and accounts as a server's {@code information_schema} prints them, read by Verify and recorded by Dump
 * ({@code definitions.json}). Internal: no compatibility guarantees; the public results are
 * {@link io.github.auroramigrate.core.verify.DefinitionSnapshot} and
 * {@link io.github.auroramigrate.core.verify.ObjectDefinition}.
 *
 * <pre>{@code
 * DefinitionSnapshot s = DefinitionReader.read(connection, List.of("shop"), List.of());
 * }</pre>
 */
package io.github.auroramigrate.core.verify.internal;

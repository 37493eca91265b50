/**
 * Verification of a target: object definitions (schemas, tables with columns, indexes, constraints and partitions,
 * views, routines, triggers, events, accounts) compared aspect by aspect with cross-version normalisation, and table
 * contents by row counts and chunked checksums (docs/dump-format.md section 4) computed in SQL on each server one key
 * range at a time, with a type-aware re-check of any range whose checksums differ: source against target, or a dump
 * (its manifest, recorded definitions and chunk files) against a target.
 *
 * <pre>{@code
 * VerifyResult r = Verify.between(source, target).schemas("shop").build().run();
 * VerifyResult m = Verify.manifest(DumpStores.directory(Path.of("shop_dump"))).against(target)
 *         .transform(Transforms.stripDefiners().andThen(Transforms.forceInnoDb())).build().run();
 * r.objectDifferences().forEach(d -> log.warn("{}", d));
 * r.differences().forEach(d -> log.warn("{}.{} differs where {}: {}", d.schema(), d.table(), d.range(), d.rows()));
 * }</pre>
 *
 * <p>Entry point: {@link io.github.auroramigrate.core.verify.Verify}; results: {@link
 * io.github.auroramigrate.core.verify.VerifyResult}, {@link io.github.auroramigrate.core.verify.ObjectDifference},
 * {@link io.github.auroramigrate.core.verify.Difference}, {@link io.github.auroramigrate.core.verify.RowDifference}.
 * The building blocks ({@link io.github.auroramigrate.core.internal.checksum.ChunkChecksum},
 * {@link io.github.auroramigrate.core.internal.checksum.TableChecksum}, {@link io.github.auroramigrate.core.internal.checksum.KeyRangePredicate},
 * {@link io.github.auroramigrate.core.verify.internal.DefinitionReader}) are internal; {@link
 * io.github.auroramigrate.core.verify.DefinitionSnapshot} is what a dump records of the source's definitions.
 */
package io.github.auroramigrate.core.verify;

/**
 * Verification of table contents by row counts and chunked checksums (docs/dump-format.md section 4), computed in SQL
 * on each server one key range at a time: source against target, or a dump's manifest against a target.
 *
 * <pre>{@code
 * VerifyResult r = Verify.between(source, target).schemas("shop").build().run();
 * VerifyResult m = Verify.manifest(DumpStores.directory(Path.of("shop_dump"))).against(target).build().run();
 * r.differences().forEach(d -> log.warn("{}.{} differs where {}", d.schema(), d.table(), d.range()));
 * }</pre>
 *
 * <p>Entry point: {@link io.github.auroramigrate.core.verify.Verify}. The building blocks
 * ({@link io.github.auroramigrate.core.verify.ChunkChecksum}, {@link io.github.auroramigrate.core.verify.TableChecksum},
 * {@link io.github.auroramigrate.core.verify.KeyRangePredicate}) are public for the dumper and cut-over.
 */
package io.github.auroramigrate.core.verify;

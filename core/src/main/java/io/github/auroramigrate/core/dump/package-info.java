/**
 * Consistent, chunked, parallel, compressed dumps of MySQL-compatible servers with binlog/GTID coordinates.
 *
 * <pre>{@code
 * DumpResult r = Dump.from(source).schemas("shop").to(DumpStores.directory(Path.of("shop_dump"))).build().run();
 * }</pre>
 *
 * <p>Entry point: {@link io.github.auroramigrate.core.dump.Dump}. The files it writes are specified in
 * {@code docs/dump-format.md} and described by {@link io.github.auroramigrate.core.internal.manifest.Manifest}.
 */
package io.github.auroramigrate.core.dump;

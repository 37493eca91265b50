/**
 * Where dumps live: the {@link io.github.auroramigrate.core.store.DumpStore} SPI and the local directory store.
 * Other stores (S3 in the {@code aws} module) implement the same interface.
 *
 * <pre>{@code
 * DumpStore store = DumpStores.directory(Path.of("dump"));
 * }</pre>
 */
package io.github.auroramigrate.core.store;

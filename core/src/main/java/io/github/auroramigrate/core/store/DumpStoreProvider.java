package io.github.auroramigrate.core.store;

import java.net.URI;

/**
 * A kind of {@link DumpStore} another module adds (the {@code aws} module's S3 store), found by
 * {@link DumpStores#of(URI)} through {@link java.util.ServiceLoader}: a module registers its provider in
 * {@code META-INF/services/io.github.auroramigrate.core.store.DumpStoreProvider}, so core needs no compile-time
 * dependency on it and a user who never names such a URI pulls in none of its libraries.
 *
 * <pre>{@code
 * public final class S3StoreProvider implements DumpStoreProvider {
 *     public String scheme() { return "s3"; }
 *     public DumpStore open(URI uri) { return S3DumpStore.of(uri); }
 * }
 * }</pre>
 *
 * <p>Implementations must have a public no-argument constructor and be thread-safe.
 */
public interface DumpStoreProvider {
    /** @return the URI scheme this provider serves, in lower case, e.g. {@code s3} */
    String scheme();

    /**
     * Opens the store a URI of this provider's scheme names.
     *
     * @throws IllegalArgumentException when the URI is malformed for this kind of store, saying what is wrong
     */
    DumpStore open(URI uri);
}

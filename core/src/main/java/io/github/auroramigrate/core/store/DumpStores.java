package io.github.auroramigrate.core.store;

import java.nio.file.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Factory of {@link DumpStore}s: a local directory, or any store named by a URI whose module is on the class path.
 *
 * <pre>{@code
 * DumpStore local = DumpStores.directory(Path.of("myschema_dump"));
 * DumpStore s3 = DumpStores.of(URI.create("s3://my-bucket/dumps/shop"));   // needs aurora-migrate-aws
 * }</pre>
 */
public final class DumpStores {
    private DumpStores() {
    }

    /**
     * A store in a local directory, created (with parents) on first write. Keys map to relative paths.
     *
     * @param directory the directory
     * @return a thread-safe store
     */
    public static DumpStore directory(Path directory) {
        return new DirectoryDumpStore(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * The store a URI names: {@code file:/data/dump} (or a URI without a scheme, a local path) is
     * {@link #directory(Path)}; any other scheme is served by the {@link DumpStoreProvider} registered for it, e.g.
     * {@code s3://bucket/prefix} by the {@code aurora-migrate-aws} module.
     *
     * @throws NullPointerException     when uri is null
     * @throws IllegalArgumentException when no provider on the class path serves its scheme (naming the module to add),
     *                                  or the provider finds the URI malformed
     */
    public static DumpStore of(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return directory(uri.getScheme() == null ? Path.of(uri.getPath()) : Path.of(uri));
        }
        List<String> known = new ArrayList<>(List.of("file"));
        for (DumpStoreProvider p : ServiceLoader.load(DumpStoreProvider.class, DumpStores.class.getClassLoader())) {
            if (p.scheme().equalsIgnoreCase(scheme)) {
                return p.open(uri);
            }
            known.add(p.scheme());
        }
        throw new IllegalArgumentException("no dump store for '" + scheme + ":' URIs on the class path; "
                + "known: " + String.join(", ", known) + (scheme.equals("s3")
                ? ". Add the io.github.auroramigrate:aurora-migrate-aws artifact for s3: URIs" : ""));
    }
}

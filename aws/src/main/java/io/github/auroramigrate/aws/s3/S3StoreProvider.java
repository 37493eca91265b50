package io.github.auroramigrate.aws.s3;

import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStoreProvider;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code s3:} scheme of {@link io.github.auroramigrate.core.store.DumpStores#of(URI)}:
 * {@code s3://bucket/prefix}, optionally with {@code ?region=eu-west-1}, {@code &endpoint=http://127.0.0.1:9090} (an
 * S3-compatible server) and {@code &pathStyle=true}. Credentials come from the SDK's default chain; a URI never
 * carries them (a parameter other than those three is refused). Registered through {@link java.util.ServiceLoader}.
 */
public final class S3StoreProvider implements DumpStoreProvider {
    private static final Set<String> PARAMETERS = Set.of("region", "endpoint", "pathstyle");

    /** For the ServiceLoader. */
    public S3StoreProvider() {
    }

    @Override
    public String scheme() {
        return "s3";
    }

    /**
     * @throws IllegalArgumentException without a bucket, or with an unknown parameter (such as credentials)
     */
    @Override
    public DumpStore open(URI uri) {
        String bucket = uri.getHost() != null ? uri.getHost() : uri.getAuthority();
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("an s3: URI names its bucket: s3://bucket/prefix");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        S3DumpStore.Builder b = S3DumpStore.of(bucket).prefix(path.startsWith("/") ? path.substring(1) : path);
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!PARAMETERS.contains(name)) {
                    // the value is not repeated: it may be a secret someone tried to pass
                    throw new IllegalArgumentException("unknown parameter '" + name + "' in an s3: URI; known: region, "
                            + "endpoint, pathStyle (credentials come from the SDK's default chain, never from the URI)");
                }
                switch (name) {
                    case "region" -> b.region(value);
                    case "endpoint" -> b.endpoint(URI.create(value));
                    default -> b.pathStyle(Boolean.parseBoolean(value));
                }
            }
        }
        return b.build();
    }
}

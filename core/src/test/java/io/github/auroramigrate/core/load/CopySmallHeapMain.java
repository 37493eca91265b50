package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.copy.Copy;
import io.github.auroramigrate.core.copy.CopyResult;
import io.github.auroramigrate.core.endpoint.Endpoint;

/** Child JVM of {@link CopySmallHeapIT}: a default {@code Copy} of one schema, printing the rows it loaded. */
public final class CopySmallHeapMain {
    private CopySmallHeapMain() {
    }

    /** Args: source host, port, user, password, target host, port, user, password, schema. */
    public static void main(String[] a) {
        Endpoint source = Endpoint.builder().host(a[0]).port(Integer.parseInt(a[1])).user(a[2]).password(a[3])
                .allowPublicKeyRetrieval(true).build();
        Endpoint target = Endpoint.builder().host(a[4]).port(Integer.parseInt(a[5])).user(a[6]).password(a[7])
                .allowPublicKeyRetrieval(true).build();
        CopyResult r = Copy.from(source).to(target).threads(2).dump(d -> d.schemas(a[8])).build().run();
        System.out.println("COPIED rows=" + r.load().rowsLoaded() + " peakBuffered=" + r.peakBuffered());
    }
}

package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.TlsMode;
import io.github.auroramigrate.core.store.DumpStores;
import java.nio.file.Path;

/**
 * Runs one dump in a child JVM started by {@link BigTableSmallHeapIT} with a small heap.
 * Arguments: host port user password schema directory.
 */
public final class HeapBoundDumpMain {
    private HeapBoundDumpMain() {
    }

    public static void main(String[] args) {
        Endpoint e = Endpoint.builder().host(args[0]).port(Integer.parseInt(args[1])).user(args[2]).password(args[3])
                .allowPublicKeyRetrieval(true).tls(TlsMode.DISABLED).build();
        DumpResult r = Dump.from(e).schemas(args[4]).to(DumpStores.directory(Path.of(args[5]))).threads(2).build().run();
        System.out.println("DUMPED rows=" + r.rows() + " bytes=" + r.dataBytes() + " maxHeap=" + Runtime.getRuntime().maxMemory());
    }
}

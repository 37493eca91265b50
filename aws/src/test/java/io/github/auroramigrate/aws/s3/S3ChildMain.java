package io.github.auroramigrate.aws.s3;

import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.load.ChunkProgress;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadListener;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.LoadSources;
import java.net.URI;

/**
 * Child JVM of {@link S3ChildJvmIT}: one dump to S3 or one load from S3, printing a line per chunk (the parent kills it
 * after a given number) and a last line with its totals. Heap peak is printed too, for the -Xmx256m check.
 *
 * <p>Args: {@code dump|load|load-server-side}, S3 endpoint, bucket, prefix, host, port, user, password, schema. Dumps
 * are uncompressed (so Aurora's {@code LOAD DATA FROM S3} can read them); {@code load-server-side} loads with
 * {@code LoadMethod.SERVER_SIDE}.
 */
public final class S3ChildMain {
    private S3ChildMain() {
    }

    /** Runs the operation; exits non-zero on failure (this is a program, not library code). */
    public static void main(String[] a) throws Exception {
        Endpoint server = Endpoint.builder().host(a[4]).port(Integer.parseInt(a[5])).user(a[6]).password(a[7])
                .allowPublicKeyRetrieval(true).build();
        try (S3DumpStore store = S3DumpStore.of(a[2]).prefix(a[3]).endpoint(URI.create(a[1])).pathStyle(true)
                .region("us-east-1").credentials(() ->
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")).build()) {
            if (a[0].equals("dump")) {
                DumpResult r = Dump.from(server).schemas(a[8]).to(store).threads(2).overwrite(true)
                        .compression(io.github.auroramigrate.core.Compression.NONE)
                        .listener(new io.github.auroramigrate.core.dump.DumpListener() {
                            @Override
                            public void onChunkWritten(io.github.auroramigrate.core.TableRef table,
                                    io.github.auroramigrate.core.dump.DumpedChunk chunk) {
                                System.out.println("CHUNK " + table + " " + chunk.index());
                            }
                        }).build().run();
                System.out.println("DUMPED rows=" + r.rows() + " heapPeakMiB=" + heapPeakMiB());
            } else {
                LoadResult r = Load.into(server).from(LoadSources.dump(store)).threads(2)
                        .method(a[0].equals("load-server-side") ? io.github.auroramigrate.core.load.LoadMethod.SERVER_SIDE
                                : io.github.auroramigrate.core.load.LoadMethod.AUTO).listener(new LoadListener() {
                    @Override
                    public void chunkLoaded(ChunkProgress p) {
                        System.out.println("CHUNK " + p.table() + " " + p.chunkId());
                    }
                }).build().run();
                System.out.println("LOADED rows=" + r.rowsLoaded() + " skipped=" + r.chunksSkipped() + " method="
                        + r.method() + " heapPeakMiB=" + heapPeakMiB());
            }
        }
    }

    private static long heapPeakMiB() {
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}

package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.store.DumpStores;
import java.nio.file.Path;

/** Entry point of the child JVM that {@link KillLoaderIT} kills: loads a dump, printing each committed chunk. */
public final class ChildLoader {
    private ChildLoader() {
    }

    /**
     * @param args host, port, user, dump directory (the password comes from the environment), and optionally
     *             {@code defer} to defer secondary indexes (printing {@code INDEXES table} as their build starts);
     *             environment: CHILD_LOADER_THREADS (default 1), CHILD_LOADER_STRIP_DEFINERS (set: strip definers).
     *             Prints {@code READY} just before the load starts and
     *             {@code STARTED} when it has connected and begins with the DDL.
     */
    public static void main(String[] args) {
        Endpoint target = Endpoint.builder().host(args[0]).port(Integer.parseInt(args[1])).user(args[2])
                .password(System.getenv().getOrDefault("CHILD_LOADER_PASSWORD", "")).allowPublicKeyRetrieval(true).build();
        int threads = Integer.parseInt(System.getenv().getOrDefault("CHILD_LOADER_THREADS", "1"));
        io.github.auroramigrate.core.transform.Transform transform = System.getenv().containsKey("CHILD_LOADER_STRIP_DEFINERS")
                ? io.github.auroramigrate.core.transform.Transforms.stripDefiners()
                : io.github.auroramigrate.core.transform.Transform.identity();
        System.out.println("READY");
        System.out.flush();
        LoadResult r = Load.into(target).from(LoadSources.dump(DumpStores.directory(Path.of(args[3])))).threads(threads)
                .transform(transform)
                .deferSecondaryIndexes(args.length > 4 && args[4].equals("defer") ? DeferIndexes.ALWAYS : DeferIndexes.AUTO)
                .listener(new LoadListener() {
                    @Override
                    public void loadStarted(String jobId, int chunks, LoadMethod method) {
                        System.out.println("STARTED");
                        System.out.flush();
                    }

                    @Override
                    public void indexesStarted(String table) {
                        System.out.println("INDEXES " + table);
                        System.out.flush();
                    }

                    @Override
                    public void chunkLoaded(ChunkProgress p) {
                        System.out.println("LOADED " + p.chunkId());
                        System.out.flush();
                    }
                }).build().run();
        System.out.println("DONE " + r.chunksLoaded());
    }
}

package io.github.auroramigrate.benchmarks;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.TlsMode;
import io.github.auroramigrate.core.Compression;
import io.github.auroramigrate.core.load.ChunkSource;
import io.github.auroramigrate.core.copy.Copy;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.LoadSource;
import io.github.auroramigrate.core.load.SqlScript;
import io.github.auroramigrate.core.store.DumpStores;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Our tool as the benchmark runs it: a child JVM doing one dump, one load, or a one-step copy (core's {@code Copy}:
 * the load follows the dump through a bounded in-memory store),
 * through the public API only, printing {@code OURS rows=<n> heapPeakMb=<x> poolPeakMb=<y>} at the end.
 *
 * <pre>{@code
 * java -cp ... io.github.auroramigrate.benchmarks.OursMain dump --port 3306 --dir /tmp/d --threads 0 --compression ZSTD
 * java -cp ... io.github.auroramigrate.benchmarks.OursMain load --port 3307 --dir /tmp/d --threads 2 [--table big]
 * java -cp ... io.github.auroramigrate.benchmarks.OursMain copy --src-port 3306 --port 3307 --dir /tmp/d --threads 2 --compression NONE
 * }</pre>
 *
 * <p>heapPeakMb is the highest used heap sampled every 5 ms; poolPeakMb the sum of the heap pools' own peaks (an
 * upper bound: the pools peak at different times). A program, not thread-safe.
 */
public final class OursMain {
    private OursMain() {
    }

    public static void main(String[] args) throws Exception {
        String op = args[0];
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            var mem = ManagementFactory.getMemoryMXBean();
            while (true) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        // --store s3://bucket/prefix?... (the aws module, found by DumpStores.of) instead of --dir
        java.util.function.Supplier<io.github.auroramigrate.core.store.DumpStore> store = o.containsKey("store")
                ? () -> DumpStores.of(java.net.URI.create(o.get("store")))
                : () -> DumpStores.directory(Path.of(o.get("dir")));
        int threads = Integer.parseInt(o.getOrDefault("threads", "2"));
        String table = o.get("table");
        long rows;
        switch (op) {
            case "dump" -> rows = dump(endpoint(o.get("port")), store.get(), threads, o, table).rows();
            case "load" -> rows = load(endpoint(o.get("port")), store.get(), threads, table).rowsLoaded();
            case "copy" -> {
                rows = Copy.from(endpoint(o.get("src-port"))).to(endpoint(o.get("port"))).threads(threads)
                        .dump(d -> {
                            d.schemas(Dataset.SCHEMA);
                            if (table != null) {
                                d.tables(Dataset.SCHEMA + "." + table);
                            }
                        }).build().run().load().rowsLoaded();
            }
            default -> throw new IllegalArgumentException("unknown operation " + op);
        }
        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        long pools = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                pools += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf("OURS rows=%d heapPeakMb=%.1f poolPeakMb=%.1f maxHeapMb=%.0f%n", rows, peak.get() / 1048576.0,
                pools / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static Endpoint endpoint(String port) {
        // Plain connections, like the peers' (mydumper, myloader and the mariadb client do not use TLS here);
        // the library's default is TlsMode.PREFERRED, which costs ~5% CPU on loopback.
        return Endpoint.builder().host("127.0.0.1").port(Integer.parseInt(port)).user("root").password("")
                .tls(TlsMode.DISABLED).allowPublicKeyRetrieval(true).build();
    }

    private static DumpResult dump(Endpoint source, io.github.auroramigrate.core.store.DumpStore store, int threads,
            Map<String, String> o, String table) {
        Dump.Builder b = Dump.from(source).schemas(Dataset.SCHEMA).to(store).overwrite(true)
                .threads(threads).compression(Compression.valueOf(o.getOrDefault("compression", "ZSTD")));
        if (o.containsKey("chunk-mb")) {
            b.chunkSize(DataSize.ofMegabytes(Long.parseLong(o.get("chunk-mb"))));
        }
        if (table != null) {
            b.tables(Dataset.SCHEMA + "." + table);
        }
        return b.build().run();
    }

    private static LoadResult load(Endpoint target, io.github.auroramigrate.core.store.DumpStore store, int threads,
            String table) {
        LoadSource source = LoadSources.dump(store);
        if (table != null) {
            source = new OneTable(source, table);
        }
        return Load.into(target).from(source).threads(threads).build().run();
    }

    /** The schema, one table's DDL and its chunks, out of a whole dump. */
    private record OneTable(LoadSource all, String table) implements LoadSource {
        @Override
        public String jobId() {
            return (all.jobId() + "-" + table).substring(0, Math.min(64, all.jobId().length() + 1 + table.length()));
        }

        @Override
        public List<SqlScript> schemaScripts() {
            return all.schemaScripts().stream()
                    .filter(s -> !s.name().contains("/table/") || s.name().endsWith("/table/" + table + ".sql")).toList();
        }

        @Override
        public List<ChunkSource> chunks() {
            return all.chunks().stream().filter(c -> c.table().equals(table)).toList();
        }
    }
}

package io.github.auroramigrate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The server's own ceilings: {@code SELECT * INTO OUTFILE} of every table on the source, and server-side
 * {@code LOAD DATA INFILE} of those files on the target (after creating the tables), both over two connections,
 * largest table first. The target keeps {@code sql_log_bin} on, like every other load; the session sets
 * {@code unique_checks=0, foreign_key_checks=0} as the other loaders do.
 *
 * <pre>{@code
 * Map<String, Long> sizes = Ceiling.dump(source::rootConnection, source.secureFilePriv().resolve("ceil"), tables);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
final class Ceiling {
    private Ceiling() {
    }

    /** Writes {@code <dir>/<table>.tsv} for each table; {@code dir} must be inside the source's secure_file_priv. */
    static void dump(TableSums.Connector source, Path dir, List<String> tables) throws Exception {
        clear(dir);
        Files.createDirectories(dir);
        parallel(source, tables, (st, t) -> st.execute("SELECT * INTO OUTFILE '" + dir.resolve(t + ".tsv") + "' FROM `"
                + Dataset.SCHEMA + "`.`" + t + "`"));
    }

    /** Creates the schema and each table (from {@code ddl}) and loads {@code <dir>/<table>.tsv} into it. */
    static void load(TableSums.Connector target, Path dir, Map<String, String> ddl, List<String> tables) throws Exception {
        try (Connection c = target.open(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE `" + Dataset.SCHEMA + "` CHARACTER SET utf8mb4");
        }
        parallel(target, tables, (st, t) -> {
            st.execute(ddl.get(t));
            st.execute("LOAD DATA INFILE '" + dir.resolve(t + ".tsv") + "' INTO TABLE `" + Dataset.SCHEMA + "`.`" + t
                    + "` CHARACTER SET binary");
        });
    }

    /** Copies the ceiling's dump files into the target's secure_file_priv (not timed). */
    static void copy(Path from, Path to) throws IOException {
        clear(to);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    static void clear(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private interface TableWork {
        void run(Statement st, String table) throws Exception;
    }

    private static void parallel(TableSums.Connector server, List<String> tables, TableWork work) throws Exception {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(tables);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                fs.add(pool.submit(() -> {
                    try (Connection c = server.open(); Statement st = c.createStatement()) {
                        st.execute("SET unique_checks = 0, foreign_key_checks = 0");
                        st.execute("USE `" + Dataset.SCHEMA + "`");
                        for (String t = queue.poll(); t != null; t = queue.poll()) {
                            work.run(st, t);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

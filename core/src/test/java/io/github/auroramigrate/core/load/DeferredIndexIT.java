package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.copy.Copy;
import io.github.auroramigrate.core.copy.CopyResult;
import static io.github.auroramigrate.core.load.LoadFixtures.content;
import static io.github.auroramigrate.core.load.LoadFixtures.count;
import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deferred secondary indexes: the data goes into tables without them, they are added after; a loader killed (SIGKILL)
 * as the index build starts is re-run and finishes it: data equal, indexes present, journaled once.
 */
@ExtendWith(TestServersExtension.class)
class DeferredIndexIT {
    private static final String INDEXES = "SELECT GROUP_CONCAT(DISTINCT index_name ORDER BY index_name) FROM "
            + "information_schema.statistics WHERE table_schema = '%s' AND table_name = 't_pk'";

    private static Manifest source(TestServer source, String s, Path dir) throws Exception {
        LoadFixtures.createSourceTables(source, s, 3000);
        source.execute("ALTER TABLE " + q(s) + ".t_pk ADD KEY by_name (name), ADD UNIQUE KEY u_amount (amount, id)",
                "ANALYZE TABLE " + q(s) + ".t_pk, " + q(s) + ".t_nopk");
        return DumpLoadIT.dump(source, s, dir, DumpFormat.FLAT);
    }

    @Test
    void dataLoadsWithoutSecondaryIndexesWhichAreAddedAfter(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("defer");
        source(source, s, dir);
        List<String> seenWhileLoading = new CopyOnWriteArrayList<>();
        LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir)))
                .deferSecondaryIndexes(DeferIndexes.ALWAYS).listener(new LoadListener() {
                    @Override
                    public void chunkLoaded(ChunkProgress p) {
                        seenWhileLoading.add(target.queryString(String.format(INDEXES, s)).orElse(""));
                    }
                }).build().run();

        assertThat(r.chunksLoaded()).isGreaterThan(2);
        assertThat(seenWhileLoading).isNotEmpty().allMatch(x -> x.equals("PRIMARY") || x.isEmpty());
        assertThat(target.queryString(String.format(INDEXES, s))).hasValue("by_name,PRIMARY,u_amount");
        for (String t : List.of("t_pk", "t_nopk")) {
            assertThat(content(target, s, t)).as(t).isEqualTo(content(source, s, t));
        }
        assertThat(Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir)))
                .deferSecondaryIndexes(DeferIndexes.ALWAYS).build().run().nothingToDo()).isTrue();
    }

    @Test
    void aCopyFollowingItsDumpDefersIndexesAndBuildsThemOnceTheTableIsIn(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target) throws Exception {
        String s = source.createSchema("defer_copy");
        LoadFixtures.createSourceTables(source, s, 3000);
        source.execute("ALTER TABLE " + q(s) + ".t_pk ADD KEY by_name (name), ADD UNIQUE KEY u_amount (amount, id)",
                "ANALYZE TABLE " + q(s) + ".t_pk, " + q(s) + ".t_nopk");
        List<String> seenWhileLoading = new CopyOnWriteArrayList<>();
        List<String> indexEvents = new CopyOnWriteArrayList<>();
        CopyResult r = Copy.from(TestEndpoints.root(source)).to(TestEndpoints.of(target)).threads(2)
                .dump(d -> d.schemas(s).chunkSize(io.github.auroramigrate.core.DataSize.ofKilobytes(16)))
                .load(l -> l.deferSecondaryIndexes(DeferIndexes.ALWAYS).listener(new LoadListener() {
                    @Override
                    public void chunkLoaded(ChunkProgress p) {
                        if (p.table().endsWith(".t_pk")) {
                            seenWhileLoading.add(target.queryString(String.format(INDEXES, s)).orElse(""));
                        }
                    }

                    @Override
                    public void indexesAdded(String table, java.time.Duration took) {
                        indexEvents.add(table);
                    }
                })).build().run();

        assertThat(r.load().chunksLoaded()).isGreaterThan(4);
        assertThat(seenWhileLoading).as("t_pk chunks load into the table without its secondary indexes").isNotEmpty()
                .allMatch(x -> x.equals("PRIMARY"));
        assertThat(indexEvents).contains(s + ".t_pk");
        assertThat(target.queryString(String.format(INDEXES, s))).hasValue("by_name,PRIMARY,u_amount");
        for (String t : List.of("t_pk", "t_nopk")) {
            assertThat(content(target, s, t)).as(t).isEqualTo(content(source, s, t));
        }
    }

    @Test
    void aLoaderKilledDuringTheIndexBuildIsResumedToTheEnd(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("defer_kill");
        Manifest m = source(source, s, dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ChildLoader.class.getName(), target.host(), String.valueOf(target.port()), target.user(), dir.toString(),
                "defer").redirectErrorStream(true);
        pb.environment().put("CHILD_LOADER_PASSWORD", target.password());
        Process p = pb.start();
        StringBuilder log = new StringBuilder();
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.append(line).append('\n');
                if (line.startsWith("INDEXES ")) {
                    p.destroyForcibly();
                    killed = true;
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(killed).as(log.toString()).isTrue();
        assertThat(log.toString()).doesNotContain("DONE");
        String job = "dump-" + m.dumpId();

        LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir)))
                .deferSecondaryIndexes(DeferIndexes.ALWAYS).build().run();

        // a table's indexes are built as soon as its own chunks are in, so other chunks may still have been loading
        assertThat(r.chunksLoaded() + r.chunksSkipped()).isEqualTo((int) m.totals().chunks());
        assertThat(count(target, "SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE job_id = '" + "dump-" + m.dumpId()
                + "' AND chunk_id LIKE 'data/%'")).as("every chunk journaled once").isEqualTo(m.totals().chunks());
        assertThat(target.queryString(String.format(INDEXES, s))).hasValue("by_name,PRIMARY,u_amount");
        for (String t : List.of("t_pk", "t_nopk")) {
            assertThat(content(target, s, t)).as(t).isEqualTo(content(source, s, t));
        }
        assertThat(count(target, "SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE job_id = '" + job
                + "' AND chunk_id LIKE 'index:%'")).isEqualTo(1);

        // a crash after the ALTER but before its journal row: the next run finds the indexes and only records them
        target.execute("DELETE FROM aurora_migrate.load_progress WHERE job_id = '" + job + "' AND chunk_id LIKE 'index:%'");
        LoadResult again = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir)))
                .deferSecondaryIndexes(DeferIndexes.ALWAYS).build().run();
        assertThat(again.chunksLoaded()).isZero();
        assertThat(count(target, "SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE job_id = '" + job
                + "' AND chunk_id LIKE 'index:%'")).isEqualTo(1);
        assertThat(target.queryString(String.format(INDEXES, s))).hasValue("by_name,PRIMARY,u_amount");
    }
}

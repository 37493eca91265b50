package io.github.auroramigrate.core.load;

import static io.github.auroramigrate.core.load.LoadFixtures.content;
import static io.github.auroramigrate.core.load.LoadFixtures.count;
import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chunked loading from MySQL 5.7 flat files (written by the source's own SELECT INTO OUTFILE, as in the handbook's
 * CSV scenario) into MySQL 8.0, compared by row counts and checksums.
 */
@ExtendWith(TestServersExtension.class)
class LoadIT {
    private static final int ROWS = 3000;

    private record Setup(String sourceSchema, String targetSchema, List<FileChunk> pkChunks, List<FileChunk> nopkChunks) {
        List<ChunkSource> all() {
            List<ChunkSource> all = new ArrayList<>(pkChunks);
            all.addAll(nopkChunks);
            return all;
        }
    }

    private static Setup setup(TestServer source, TestServer target, String name) throws Exception {
        String s = source.createSchema(name);
        LoadFixtures.createSourceTables(source, s, ROWS);
        String t = target.createSchema(name);
        target.execute(String.format(LoadFixtures.TABLE_DDL, q(t)), String.format(LoadFixtures.NOPK_DDL, q(t)));
        List<FileChunk> pk = LoadFixtures.outfileChunks(source, s, "t_pk", t,
                List.of("id <= 1000", "id > 1000 AND id <= 2000", "id > 2000"));
        List<FileChunk> nopk = LoadFixtures.outfileChunks(source, s, "t_nopk", t, List.of("grp < 2", "grp >= 2"));
        return new Setup(s, t, pk, nopk);
    }

    private static void assertSameContent(TestServer source, TestServer target, Setup st) throws Exception {
        for (String table : List.of("t_pk", "t_nopk")) {
            assertThat(content(target, st.targetSchema(), table)).as(table)
                    .isEqualTo(content(source, st.sourceSchema(), table));
        }
    }

    @Test
    void loadsAllChunksInParallelAndARerunHasNothingToDo(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target) throws Exception {
        Setup st = setup(source, target, "load_all");
        List<ChunkProgress> events = new CopyOnWriteArrayList<>();
        LoadListener listener = new LoadListener() {
            @Override
            public void chunkLoaded(ChunkProgress p) {
                events.add(p);
                throw new IllegalStateException("a failing listener must not stop the load");
            }
        };
        Endpoint endpoint = TestEndpoints.of(target);
        LoadSource src = LoadSource.builder().jobId(st.targetSchema()).chunks(st.all()).build();

        LoadResult first = Load.into(endpoint).from(src).threads(2).listener(listener).build().run();

        assertThat(first.method()).isEqualTo(LoadMethod.LOAD_DATA_LOCAL);
        assertThat(first.chunksLoaded()).isEqualTo(5);
        assertThat(first.chunksSkipped()).isZero();
        assertThat(first.rowsLoaded()).isEqualTo(ROWS + ROWS / 2);
        assertThat(first.nothingToDo()).isFalse();
        assertThat(first.tables()).extracting(TableLoadResult::rows).containsExactly((long) ROWS, (long) ROWS / 2);
        assertThat(events).hasSize(5);
        assertThat(events).extracting(ChunkProgress::chunksDone).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertSameContent(source, target, st);
        assertThat(count(target, "SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE job_id = '" + st.targetSchema() + "'"))
                .isEqualTo(5);

        LoadResult again = Load.into(endpoint).from(src).threads(2).build().run();

        assertThat(again.nothingToDo()).isTrue();
        assertThat(again.chunksSkipped()).isEqualTo(5);
        assertThat(again.summary()).contains("nothing to do");
        assertSameContent(source, target, st);
    }

    @Test
    void loadsIntoMariaDbToo(@Server(ServerKind.MYSQL_57) TestServer source, @Server(ServerKind.MARIADB_114) TestServer target)
            throws Exception {
        Setup st = setup(source, target, "load_maria");
        LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSource.builder().jobId(st.targetSchema()).chunks(st.all())
                .build()).threads(2).build().run();
        assertThat(r.method()).isEqualTo(LoadMethod.LOAD_DATA_LOCAL);
        assertSameContent(source, target, st);
    }

    @Test
    void aPermanentlyFailingChunkLeavesOthersCommittedAndARerunCompletesWithoutDuplicates(
            @Server(ServerKind.MYSQL_57) TestServer source, @Server(ServerKind.MYSQL_80) TestServer target) throws Exception {
        Setup st = setup(source, target, "load_resume");
        FileChunk good = st.pkChunks().get(1);
        FileChunk bad = FileChunk.builder().id(good.id()).schema(good.schema()).table(good.table()).file(good.file())
                .crc32("00000000").build();
        List<ChunkSource> withBad = new ArrayList<>(st.all());
        withBad.set(1, bad);
        Endpoint endpoint = TestEndpoints.of(target);

        LoadException e = catchThrowableOfType(() -> Load.into(endpoint)
                .from(LoadSource.builder().jobId(st.targetSchema()).chunks(withBad).build()).threads(1).build().run(),
                LoadException.class);

        assertThat(e.code()).isEqualTo(DiagnosisCode.CORRUPT_FILE);
        assertThat(e.chunkId()).contains(good.id());
        assertThat(e.table()).contains(st.targetSchema() + ".t_pk");
        assertThat(count(target, "SELECT COUNT(*) FROM " + q(st.targetSchema()) + ".t_pk WHERE id > 1000 AND id <= 2000"))
                .as("no row of the corrupt chunk is committed").isZero();
        assertThat(count(target, "SELECT COUNT(*) FROM " + q(st.targetSchema()) + ".t_pk WHERE id <= 1000"))
                .as("the chunk before it is committed").isEqualTo(1000);
        assertThat(count(target, "SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE job_id = '" + st.targetSchema()
                + "' AND chunk_id = '" + good.id() + "'")).isZero();

        LoadResult resumed = Load.into(endpoint).from(LoadSource.builder().jobId(st.targetSchema()).chunks(st.all()).build())
                .threads(2).build().run();

        assertThat(resumed.chunksSkipped()).isEqualTo(1);
        assertThat(resumed.chunksLoaded()).isEqualTo(4);
        assertSameContent(source, target, st);
    }

    @Test
    void aTruncatedChunkIsRejectedBeforeAnyOfItsRowsCommit(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Setup st = setup(source, target, "load_trunc");
        FileChunk whole = st.pkChunks().get(0);
        byte[] bytes = Files.readAllBytes(whole.file());
        Path cut = Files.write(tmp.resolve("cut.tsv"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Endpoint endpoint = TestEndpoints.of(target);

        for (LoadMethod m : List.of(LoadMethod.LOAD_DATA_LOCAL, LoadMethod.INSERT)) {
            FileChunk verified = FileChunk.builder().id(whole.id()).schema(whole.schema()).table(whole.table()).file(cut)
                    .crc32(FileChunk.crc32Of(whole.file())).expectedBytes(bytes.length).build();
            // Without checksum or size: the row count (LOAD DATA) or the cut row (INSERT) gives it away.
            FileChunk unverified = FileChunk.builder().id(whole.id()).schema(whole.schema()).table(whole.table()).file(cut)
                    .expectedRows(whole.expectedRows().getAsLong()).build();
            for (FileChunk c : List.of(verified, unverified)) {
                LoadException e = catchThrowableOfType(() -> Load.into(endpoint)
                        .from(LoadSource.builder().jobId(st.targetSchema()).chunk(c).build()).method(m).build().run(),
                        LoadException.class);
                assertThat(e.code()).as("%s %s", m, c).isEqualTo(DiagnosisCode.CORRUPT_FILE);
                assertThat(count(target, "SELECT COUNT(*) FROM " + q(st.targetSchema()) + ".t_pk")).as("%s", m).isZero();
                assertThat(count(target, "SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE job_id = '"
                        + st.targetSchema() + "'")).isZero();
            }
        }
        // The intact file then loads normally (the evicted connections left nothing behind).
        LoadResult r = Load.into(endpoint).from(LoadSource.builder().jobId(st.targetSchema()).chunk(whole).build()).build().run();
        assertThat(r.rowsLoaded()).isEqualTo(1000);
    }

    @Test
    void aConnectionKilledMidChunkIsRolledBackAndRetried(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target) throws Exception {
        Setup st = setup(source, target, "load_kill");
        CountDownLatch streaming = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        FileChunk real = st.pkChunks().get(2);
        ChunkSource stalling = new ChunkSource() {
            private volatile boolean first = true;

            @Override
            public String id() {
                return real.id();
            }

            @Override
            public String schema() {
                return real.schema();
            }

            @Override
            public String table() {
                return real.table();
            }

            @Override
            public java.util.OptionalLong expectedRows() {
                return real.expectedRows();
            }

            @Override
            public InputStream open() throws IOException {
                InputStream in = real.open();
                if (!first) {
                    return in;
                }
                first = false;
                return new FilterInputStream(in) {
                    private int reads;

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        if (reads++ == 1) { // part of the chunk is on the server: now the test kills the session
                            streaming.countDown();
                            try {
                                killed.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return super.read(b, off, Math.min(len, 4096));
                    }
                };
            }
        };
        List<Diagnosis> retries = new CopyOnWriteArrayList<>();
        LoadListener listener = new LoadListener() {
            @Override
            public void chunkRetried(ChunkProgress p, Diagnosis cause) {
                retries.add(cause);
            }
        };
        List<ChunkSource> chunks = new ArrayList<>(st.all());
        chunks.set(2, stalling);
        Thread killer = new Thread(() -> {
            try {
                assertThat(streaming.await(60, TimeUnit.SECONDS)).isTrue();
                String id = target.queryString("SELECT id FROM information_schema.processlist WHERE info LIKE 'LOAD DATA%"
                        + "' AND db IS NULL").orElseThrow();
                target.execute("KILL " + id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                killed.countDown();
            }
        });
        killer.start();

        LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSource.builder().jobId(st.targetSchema()).chunks(chunks)
                .build()).threads(1).retryBackoff(java.time.Duration.ofMillis(50)).listener(listener).build().run();
        killer.join();

        assertThat(retries).extracting(Diagnosis::code).containsExactly(DiagnosisCode.SERVER_GONE_AWAY);
        assertThat(r.chunksLoaded()).isEqualTo(5);
        assertSameContent(source, target, st);
    }

    @Test
    void localInfileOffIsDiagnosedAndTheInsertFallbackLoadsTheSameContent(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target) throws Exception {
        Setup st = setup(source, target, "load_noinfile");
        Endpoint endpoint = TestEndpoints.of(target);
        LoadSource src = LoadSource.builder().jobId(st.targetSchema()).chunks(st.all()).build();
        target.execute("SET GLOBAL local_infile = 0");
        try {
            LoadException forced = catchThrowableOfType(
                    () -> Load.into(endpoint).from(src).method(LoadMethod.LOAD_DATA_LOCAL).build().run(), LoadException.class);
            assertThat(forced.code()).isEqualTo(DiagnosisCode.LOCAL_INFILE_DISABLED);

            LoadResult r = Load.into(endpoint).from(src).threads(2).build().run();

            assertThat(r.method()).isEqualTo(LoadMethod.INSERT);
            assertThat(r.warnings()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.LOCAL_INFILE_DISABLED);
            assertSameContent(source, target, st);
        } finally {
            target.execute("SET GLOBAL local_infile = 1");
        }
    }

    @Test
    void aLoadDataRejectedByTheServerIsNotRetried(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target) throws Exception {
        Setup st = setup(source, target, "load_missing");
        target.execute("DROP TABLE " + q(st.targetSchema()) + ".t_nopk");
        List<Diagnosis> retries = new CopyOnWriteArrayList<>();
        LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(target))
                .from(LoadSource.builder().jobId(st.targetSchema()).chunks(st.nopkChunks()).build())
                .listener(new LoadListener() {
                    @Override
                    public void chunkRetried(ChunkProgress p, Diagnosis cause) {
                        retries.add(cause);
                    }
                }).build().run(), LoadException.class);
        assertThat(e.code()).isEqualTo(DiagnosisCode.UNKNOWN_TABLE);
        assertThat(retries).isEmpty();
        try (Connection c = target.rootConnection()) {
            assertThat(LoadJournal.of(st.targetSchema()).loadedChunks(c)).isEmpty();
        }
    }
}

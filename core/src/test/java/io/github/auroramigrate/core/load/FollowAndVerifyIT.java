package io.github.auroramigrate.core.load;

import static io.github.auroramigrate.core.load.LoadFixtures.content;
import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpedChunk;
import io.github.auroramigrate.core.dump.DumpJob;
import io.github.auroramigrate.core.dump.DumpListener;
import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.DumpStatus;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.verify.Difference;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load following a dump that is still being written (the dump waits after its first chunk until the load has
 * committed it, so they provably overlap), a followed dump that FAILED or stalled, and verification of a load
 * against the dump's manifest ({@code verify(true)} and {@code Verify.manifest}) with one changed row found in
 * the right chunk.
 */
@ExtendWith(TestServersExtension.class)
class FollowAndVerifyIT {
    private static final List<String> TABLES = List.of("t_pk", "t_nopk");

    @Test
    void aLoadFollowsARunningDumpAndEndsEqual(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "follow-target") TestServer target, @TempDir Path dir)
            throws Exception {
        String s = source.createSchema("follow");
        LoadFixtures.createSourceTables(source, s, 3000);
        source.execute("ANALYZE TABLE " + q(s) + ".t_pk, " + q(s) + ".t_nopk");
        CountDownLatch firstLoaded = new CountDownLatch(1);
        AtomicBoolean dumpWaited = new AtomicBoolean();
        AtomicBoolean loadedWhileInProgress = new AtomicBoolean();
        DumpStore store = DumpStores.directory(dir);
        DumpJob job = Dump.from(TestEndpoints.root(source)).schemas(s).to(store).chunkSize(DataSize.ofKilobytes(32))
                .threads(1).listener(new DumpListener() {
                    @Override
                    public void onChunkWritten(TableRef table, DumpedChunk chunk) {
                        if (dumpWaited.compareAndSet(false, true)) {
                            try {
                                firstLoaded.await(60, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                }).build().start();
        try (job) {
            DumpLoadSource following = LoadSources.following(store, Duration.ofSeconds(30));
            assertThat(following.isFollowing()).isTrue();
            LoadResult r = Load.into(TestEndpoints.of(target)).from(following).threads(2).verify(true)
                    .listener(new LoadListener() {
                        @Override
                        public void chunkLoaded(ChunkProgress p) {
                            if (!job.isDone()) {
                                loadedWhileInProgress.set(true);
                            }
                            firstLoaded.countDown();
                        }
                    }).build().run();
            job.await();
            Manifest m = ManifestIO.read(store);

            assertThat(loadedWhileInProgress).as("a chunk was committed while the dump was running").isTrue();
            assertThat(r.chunksLoaded()).isEqualTo(DumpLoadIT.chunks(m)).isGreaterThan(4);
            for (String t : TABLES) {
                assertThat(content(target, s, t)).as(t).isEqualTo(content(source, s, t));
            }
            assertThat(r.verification()).hasValueSatisfying(v -> assertThat(v.ok()).as(v.summary()).isTrue());
            assertThat(r.verification().get().tables()).extracting(t -> t.actualRows()).containsExactly(3000L, 1500L);
        }

        // one changed row on the target: Verify.manifest names the table and the chunk that holds it
        target.execute("UPDATE " + q(s) + ".t_pk SET amount = 1 WHERE id = 2222");
        VerifyResult v = Verify.manifest(store).against(TestEndpoints.of(target)).build().run();
        assertThat(v.differences()).hasSize(1);
        Difference d = v.differences().get(0);
        assertThat(d.table()).isEqualTo("t_pk");
        TableEntry te = ManifestIO.read(store).table(s, "t_pk").orElseThrow();
        ChunkEntry c = te.chunks().get(d.chunk() - 1);
        assertThat(d.lower()).isEqualTo(c.lower());
        assertThat(c.lower() == null || Long.parseLong(c.lower().get(0)) < 2222).isTrue();
        assertThat(c.upper() == null || Long.parseLong(c.upper().get(0)) >= 2222).isTrue();
    }

    @Test
    void aFollowedDumpThatFailedOrStalledFailsTheLoad(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "follow-target") TestServer target, @TempDir Path dir)
            throws Exception {
        String s = source.createSchema("follow_bad");
        LoadFixtures.createSourceTables(source, s, 500);
        DumpStore store = DumpStores.directory(dir);
        Dump.from(TestEndpoints.root(source)).schemas(s).to(store).build().run();
        Manifest done = ManifestIO.read(store);

        store.put(Manifest.KEY, ManifestIO.toJson(with(done, DumpStatus.FAILED, done.updatedAt(), "disk full")));
        LoadException failed = catchThrowableOfType(() -> LoadSources.following(store), LoadException.class);
        assertThat(failed.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
        assertThat(failed.getMessage()).contains("disk full");

        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        store.put(Manifest.KEY, ManifestIO.toJson(with(done, DumpStatus.IN_PROGRESS, longAgo, null)));
        LoadException stalled = catchThrowableOfType(() -> Load.into(TestEndpoints.of(target))
                .from(LoadSources.following(store, Duration.ofSeconds(5))).build().run(), LoadException.class);
        assertThat(stalled.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
        assertThat(stalled.getMessage()).contains("stopped making progress");
        // what was listed was loaded before the stall was noticed
        assertThat(LoadFixtures.count(target, "SELECT COUNT(*) FROM " + q(s) + ".t_pk")).isEqualTo(500);
    }

    private static Manifest with(Manifest m, DumpStatus status, Instant updatedAt, String failure) {
        return new Manifest(m.format(), m.formatVersion(), m.dumpId(), status, m.startedAt(), updatedAt,
                m.heartbeatSeconds(), null, failure, m.tool(), m.source(), m.options(), m.session(), m.consistency(),
                m.coordinates(), m.schemas(), m.views(), m.users(), m.limits(), m.totals(), m.warnings());
    }
}

package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.TableRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.internal.manifest.DumpStatus;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dump in the background: a reader sees it in progress, close() cancels it, and the manifest says FAILED. */
class DumpJobIT {
    @TempDir
    Path dir;

    @Test
    void closeCancelsARunningDump() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_80, AuroraProfile.NONE, "source");
        String db = server.createSchema("job");
        server.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, pad VARCHAR(100))",
                "INSERT INTO `" + db + "`.t SELECT a.n * 100 + b.n, REPEAT('p', 100) FROM "
                        + "(SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6 "
                        + "UNION SELECT 7 UNION SELECT 8 UNION SELECT 9) a, (SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION "
                        + "SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6 UNION SELECT 7 UNION SELECT 8 UNION SELECT 9) b",
                "ANALYZE TABLE `" + db + "`.t");
        CountDownLatch firstChunk = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        DumpStore store = DumpStores.directory(dir);
        Dump dump = Dump.from(DumpTestSupport.endpoint(server)).schemas(db).to(store).threads(1)
                .chunkSize(DataSize.ofKilobytes(1)).listener(new DumpListener() {
                    @Override
                    public void onChunkWritten(TableRef table, DumpedChunk chunk) {
                        threads.add(Thread.currentThread().getName());
                        firstChunk.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).build();

        DumpJob job = dump.start();
        try {
            assertThat(firstChunk.await(60, TimeUnit.SECONDS)).isTrue();
            Manifest during = ManifestIO.read(store);
            assertThat(during.status()).isEqualTo(DumpStatus.IN_PROGRESS);
            assertThat(during.looksInterrupted(during.updatedAt().plusSeconds(1))).isFalse();
            assertThat(during.consistency()).isNotNull();
            assertThat(job.isDone()).isFalse();
            assertThat(job.progress().chunksDone()).isGreaterThanOrEqualTo(1);
            assertThat(job.await(Duration.ofMillis(10))).as("still running").isNull();
            job.close();
        } finally {
            release.countDown();
        }
        assertThat(job.isDone()).isTrue();
        assertThatThrownBy(job::await).isInstanceOfSatisfying(DumpException.class,
                e -> assertThat(e.code()).isEqualTo(DiagnosisCode.CANCELLED));
        Manifest after = ManifestIO.read(store);
        assertThat(after.status()).isEqualTo(DumpStatus.FAILED);
        assertThat(after.failure()).contains("CANCELLED");
        assertThat(threads).allSatisfy(n -> assertThat(n).matches("aurora-dump-\\d+-1"));
    }

    @Test
    void workersRunOnACallerSuppliedExecutor() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MARIADB_114, AuroraProfile.NONE, "source");
        String db = server.createSchema("exec");
        server.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, pad VARCHAR(100))",
                "INSERT INTO `" + db + "`.t SELECT seq, REPEAT('p', 100) FROM `" + db + "`.seq_1_to_500",
                "ANALYZE TABLE `" + db + "`.t");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2,
                r -> new Thread(r, "caller-pool"));
        try {
            DumpResult r = Dump.from(DumpTestSupport.endpoint(server)).schemas(db).to(DumpStores.directory(dir))
                    .threads(2).chunkSize(DataSize.ofKilobytes(4)).executor(pool).listener(new DumpListener() {
                        @Override
                        public void onChunkWritten(TableRef table, DumpedChunk chunk) {
                            threads.add(Thread.currentThread().getName());
                        }
                    }).build().run();
            assertThat(r.rows()).isEqualTo(500);
            assertThat(threads).containsExactly("caller-pool");
        } finally {
            pool.shutdownNow();
        }
        assertThat(pool.isShutdown()).isTrue();
    }
}

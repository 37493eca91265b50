package io.github.auroramigrate.aws.s3;

import static io.github.auroramigrate.aws.s3.S3TestServer.endpoint;
import static io.github.auroramigrate.aws.s3.S3TestServer.rootEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpJob;
import io.github.auroramigrate.core.dump.DumpListener;
import io.github.auroramigrate.core.dump.DumpedChunk;
import io.github.auroramigrate.core.load.ChunkProgress;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadListener;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import io.github.auroramigrate.testkit.fidelity.SchemaComparison;
import io.github.auroramigrate.testkit.fidelity.SchemaSnapshot;
import io.github.auroramigrate.testkit.fidelity.TortureSchema;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Client A dumps into S3 while client B loads from it (the handbook's two-client scenario, overlapped): the dump waits
 * after its first chunk until the load has committed one, so the load provably reads a dump still being written, by
 * polling the manifest in S3. The target ends equal to the source, rows and objects, by the oracle and by Verify.
 */
@ExtendWith(TestServersExtension.class)
class S3FollowIT {
    private static final String BUCKET = "aurora-migrate-follow";

    @Test
    void aLoadFollowsADumpStillBeingWrittenToS3(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) throws Exception {
        S3TestServer s3 = S3TestServer.shared(BUCKET);
        String s = "s3_follow";
        TortureSchema.create(source, s);
        target.execute("DROP DATABASE IF EXISTS " + s, "SET GLOBAL log_bin_trust_function_creators = 1");
        CountDownLatch firstLoaded = new CountDownLatch(1);
        AtomicBoolean dumpWaited = new AtomicBoolean();
        AtomicBoolean loadedWhileDumping = new AtomicBoolean();
        try (S3DumpStore store = s3.store(BUCKET).prefix("follow/" + s).build()) {
            DumpJob job = Dump.from(rootEndpoint(source)).schemas(s).to(store).chunkSize(DataSize.ofKilobytes(64))
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
            LoadResult r;
            try (job) {
                r = Load.into(endpoint(target)).from(LoadSources.following(store, Duration.ofSeconds(60))).threads(2)
                        .transform(Transforms.stripDefiners()).listener(new LoadListener() {
                            @Override
                            public void chunkLoaded(ChunkProgress p) {
                                if (!job.isDone()) {
                                    loadedWhileDumping.set(true);
                                }
                                firstLoaded.countDown();
                            }
                        }).build().run();
                job.await();
            }
            assertThat(loadedWhileDumping).as("a chunk was committed while the dump was still writing").isTrue();
            assertThat(r.chunksLoaded()).isGreaterThan(5);
        }
        SchemaComparison.builder().build().diff(SchemaSnapshot.of(source, s), SchemaSnapshot.of(target, s)).assertEqual();
        VerifyResult v = Verify.between(rootEndpoint(source), rootEndpoint(target)).schemas(s)
                .transform(Transforms.stripDefiners()).build().run();
        assertThat(v.ok()).as("%s", v.summary()).isTrue();
        assertThat(v.objectDifferences()).isEmpty();
    }
}

package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.replication.Dialect;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.cutover.CutOver;
import io.github.auroramigrate.replication.cutover.CutOverReport;
import io.github.auroramigrate.replication.cutover.Verification;
import io.github.auroramigrate.replication.preflight.SourcePreflight;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handbook's self-managed near-zero-downtime procedure end to end with the library's own dump and load: pre-flight,
 * dump (with coordinates) while the application writes, load into the Aurora-like target, replicate from the dump's
 * coordinates through the rds procedures, cut over, compare.
 */
@ExtendWith(TestServersExtension.class)
class DumpLoadReplicateIT {
    @Test
    void nearZeroDowntimeIntoAurora3(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer tgt,
            @TempDir Path dir) throws Exception {
        String db = src.createSchema("nzd");
        src.execute(Writer.ddl(db, 500));
        Endpoint source = Fixtures.rootEndpoint(src);
        Endpoint target = Fixtures.endpoint(tgt);
        ReplicationUser user = ReplicationUser.create(source, "repl", "Repl-pw-1", target);
        SourcePreflight.of(source).target(target).replicationUser(user)
                .plannedDuration(Duration.ofMinutes(30)).growthSample(Duration.ZERO).build().run().throwIfFailed();
        try (Writer writer = new Writer(src, db).start()) {
            DumpResult dump = Dump.from(source).schemas(db).to(DumpStores.directory(dir)).threads(2).build().run();
            assertThat(dump.binlogPosition()).isPresent();
            Load.into(target).from(LoadSources.dump(DumpStores.directory(dir))).threads(2).build().run();
            long opsAfterLoad = writer.ops();
            try (Replication repl = Replication.of(target).source(source, user)
                    .startAt(dump.binlogPosition().orElseThrow())
                    .heartbeat(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(100)).build()) {
                assertThat(repl.dialect()).isEqualTo(Dialect.RDS);
                repl.configure();
                repl.start();
                repl.awaitCaughtUp(Duration.ofSeconds(60));
                while (writer.ops() < opsAfterLoad + 100) {
                    Fixtures.sleep(20);
                }
                CutOverReport r = CutOver.of(repl)
                        .stopWrites(writer::stop).resumeWrites(writer::start)
                        .verifier(() -> {
                            Map<String, String> s = Fixtures.checksums(src, db);
                            Map<String, String> t = Fixtures.checksums(tgt, db);
                            return new Verification(s.equals(t), s + " vs " + t);
                        })
                        .switchApplications(() -> { })
                        .build().run();
                assertThat(r.succeeded()).isTrue();
            }
        }
        assertThat(Fixtures.checksums(tgt, db)).isEqualTo(Fixtures.checksums(src, db));
    }
}

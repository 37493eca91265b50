package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.preflight.SourcePreflight;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** MySQL replication from a GTID set: gtid_purged set on the target, then auto-positioning (private servers). */
class GtidStartIT {
    @Test
    void mysql80FromTheDumpsGtidSet() throws Exception {
        try (TestServer src = TestServers.startPrivate(ServerKind.MYSQL_80, AuroraProfile.NONE);
                TestServer tgt = TestServers.startPrivate(ServerKind.MYSQL_80, AuroraProfile.NONE)) {
            src.enableGtid();
            tgt.enableGtid();
            String db = src.createSchema("gtid");
            src.execute(Writer.ddl(db, 100));
            Endpoint source = Fixtures.rootEndpoint(src);
            Endpoint target = Fixtures.endpoint(tgt);
            ReplicationUser user = ReplicationUser.create(source, "repl", "Repl-pw-1", target);
            assertThat(SourcePreflight.of(source).gtid(true).plannedDuration(Duration.ofMinutes(30))
                    .growthSample(Duration.ZERO).build().run().failures()).isEmpty();
            try (Writer writer = new Writer(src, db).start()) {
                Fixtures.SnapshotPoint at = Fixtures.copy(src, target, db);
                GtidSet gtids = GtidSet.of(at.gtids());
                assertThat(gtids.flavor()).isEqualTo(GtidSet.Flavor.MYSQL);
                try (Replication repl = Replication.of(target).source(source, user).startAt(gtids)
                        .pollInterval(Duration.ofMillis(100)).build()) {
                    repl.configure();
                    assertThat(tgt.queryString("SELECT GTID_SUBSET('" + gtids.text() + "', @@GLOBAL.gtid_executed)"))
                            .contains("1");
                    repl.start();
                    long ops = writer.ops();
                    while (writer.ops() < ops + 100) {
                        Fixtures.sleep(20);
                    }
                    writer.stop();
                    repl.awaitCaughtUp(Duration.ofSeconds(60));
                    assertThat(repl.status().usesGtid()).isTrue();
                    assertThat(Fixtures.checksums(tgt, db)).isEqualTo(Fixtures.checksums(src, db));
                    String sourceExecuted = src.queryString("SELECT @@GLOBAL.gtid_executed").orElseThrow();
                    assertThat(tgt.queryString("SELECT GTID_SUBSET('" + sourceExecuted + "', @@GLOBAL.gtid_executed)"))
                            .contains("1");
                    repl.reset();
                }
            }
        }
    }
}

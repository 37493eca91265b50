package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.CatchUpProgress;
import io.github.auroramigrate.replication.Dialect;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationListener;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.cutover.CutOver;
import io.github.auroramigrate.replication.cutover.CutOverReport;
import io.github.auroramigrate.replication.cutover.CutOverStep;
import io.github.auroramigrate.replication.cutover.StepResult;
import io.github.auroramigrate.replication.cutover.Verification;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The near-zero-downtime migration on real servers: seed the source, copy it to the target at a consistent snapshot
 * with its binlog coordinates while a writer keeps changing the source, replicate from those coordinates, cut over,
 * and compare source and target (row counts and content checksums).
 */
@ExtendWith(TestServersExtension.class)
class MigrationWhileWritingIT {
    static final String REPL_PASSWORD = "Repl-It's-\\secret1";

    @Test
    void mysql80ToMysql80(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer target) throws Exception {
        migrate(source, target, Dialect.MYSQL_80, false);
    }

    @Test
    void mysql57ToMysql80(@Server(value = ServerKind.MYSQL_57, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer target) throws Exception {
        migrate(source, target, Dialect.MYSQL_80, false);
    }

    @Test
    void mariaDbToMariaDb(@Server(value = ServerKind.MARIADB_114, role = "source") TestServer source,
            @Server(value = ServerKind.MARIADB_114, role = "target") TestServer target) throws Exception {
        migrate(source, target, Dialect.MARIADB, false);
    }

    @Test
    void mariaDbToMariaDbFromGtid(@Server(value = ServerKind.MARIADB_114, role = "source") TestServer source,
            @Server(value = ServerKind.MARIADB_114, role = "target") TestServer target) throws Exception {
        migrate(source, target, Dialect.MARIADB, true);
    }

    @Test
    void mysql57IntoAurora2AsMasterUser(@Server(value = ServerKind.MYSQL_57, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer target) throws Exception {
        assertThat(target.user()).isNotEqualTo("root");
        migrate(source, target, Dialect.RDS, false);
    }

    @Test
    void mysql80IntoAurora3AsMasterUser(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) throws Exception {
        assertThat(target.user()).isNotEqualTo("root");
        migrate(source, target, Dialect.RDS, false);
    }

    static void migrate(TestServer src, TestServer tgt, Dialect expected, boolean gtid) throws Exception {
        String db = src.createSchema("mig");
        src.execute(Writer.ddl(db, 300));
        Endpoint source = Fixtures.rootEndpoint(src);
        Endpoint target = Fixtures.endpoint(tgt);
        ReplicationUser user = ReplicationUser.create(source, "repl", REPL_PASSWORD, target);
        List<CatchUpProgress> progress = new CopyOnWriteArrayList<>();
        AtomicBoolean switched = new AtomicBoolean();
        try (Writer writer = new Writer(src, db).start()) {
            Fixtures.SnapshotPoint at = Fixtures.copy(src, target, db);
            long opsAtSnapshot = writer.ops();
            Replication.Builder b = Replication.of(target).source(source, user).heartbeat(Duration.ofMillis(200))
                    .pollInterval(Duration.ofMillis(100)).name("it-" + db)
                    .listener(new ReplicationListener() {
                        @Override
                        public void catchUpProgress(CatchUpProgress p) {
                            progress.add(p);
                        }

                        @Override
                        public void caughtUp(CatchUpProgress p) {
                            progress.add(p);
                        }
                    });
            b = gtid ? b.startAt(GtidSet.of(at.gtids())) : b.startAt(at.position());
            try (Replication repl = b.build()) {
                assertThat(repl.dialect()).isEqualTo(expected);
                repl.configure();
                repl.start();
                CatchUpProgress first = repl.awaitCaughtUp(Duration.ofSeconds(90));
                assertThat(first.reached()).isTrue();
                assertThat(progress).isNotEmpty();
                assertThat(progress.get(progress.size() - 1).reached()).isTrue();
                assertThat(repl.status().usesGtid()).isEqualTo(gtid);
                // keep writing while replicating, then cut over
                long before = writer.ops();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (writer.ops() < before + 200 && System.nanoTime() < deadline) {
                    Fixtures.sleep(50);
                }
                assertThat(writer.ops()).isGreaterThan(opsAtSnapshot + 200);
                assertThat(repl.lag().heartbeat()).isPresent();

                CutOverReport report = CutOver.of(repl)
                        .stopWrites(writer::stop)
                        .resumeWrites(writer::start)
                        .verifier(() -> {
                            Map<String, String> s = Fixtures.checksums(src, db);
                            Map<String, String> t = Fixtures.checksums(tgt, db);
                            return new Verification(s.equals(t), "source " + s + " target " + t);
                        })
                        .switchApplications(() -> switched.set(true))
                        .catchUpTimeout(Duration.ofSeconds(60))
                        .build().run();

                assertThat(report.succeeded()).isTrue();
                assertThat(switched).isTrue();
                assertThat(report.steps()).extracting(StepResult::step).containsExactly(CutOverStep.STOP_WRITES,
                        CutOverStep.CATCH_UP, CutOverStep.VERIFY, CutOverStep.STOP_REPLICATION,
                        CutOverStep.SWITCH_APPLICATIONS);
                assertThat(report.steps()).allSatisfy(s -> {
                    assertThat(s.outcome()).isEqualTo(StepResult.Outcome.SUCCEEDED);
                    assertThat(s.duration()).isPositive();
                });
                assertThat(report.writeDowntime()).isPositive().isLessThan(report.total());
                assertThat(report.finalSourcePosition()).isPresent();
                assertThat(repl.status().configured()).as("replication reset").isFalse();
            }
            Map<String, String> s = Fixtures.checksums(src, db);
            assertThat(Fixtures.checksums(tgt, db)).isEqualTo(s);
            assertThat(s.get("items")).doesNotStartWith("300:");
            assertThat(Long.parseLong(s.get("events").split(":")[0])).isPositive();
        }
    }
}

package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.verify.Difference;
import io.github.auroramigrate.core.verify.TableVerification;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.cutover.CutOver;
import io.github.auroramigrate.replication.cutover.CutOverException;
import io.github.auroramigrate.replication.cutover.CutOverReport;
import io.github.auroramigrate.replication.cutover.CutOverStep;
import io.github.auroramigrate.replication.cutover.StepResult;
import io.github.auroramigrate.replication.cutover.Verification;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A cut-over that fails before the switch leaves the source taking writes and replication running. */
@ExtendWith(TestServersExtension.class)
class CutOverRollbackIT {

    static Replication start(TestServer src, TestServer tgt, String db) throws Exception {
        src.execute(Writer.ddl(db, 50));
        Endpoint source = Fixtures.rootEndpoint(src);
        Endpoint target = Fixtures.endpoint(tgt);
        ReplicationUser user = ReplicationUser.create(source, "repl", "Repl-pw-1", target);
        Fixtures.SnapshotPoint at = Fixtures.copy(src, target, db);
        Replication repl = Replication.of(target).source(source, user).startAt(at.position())
                .heartbeat(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(100)).build();
        repl.configure();
        repl.start();
        repl.awaitCaughtUp(Duration.ofSeconds(30));
        return repl;
    }

    @Test
    void readOnlyIsLiftedWhenVerificationFails(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        String db = src.createSchema("rb");
        AtomicBoolean switched = new AtomicBoolean();
        try (Replication repl = start(src, tgt, db)) {
            try {
                src.execute("CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED BY 'App-pw-1'",
                        "GRANT INSERT, SELECT ON `" + db + "`.* TO 'app'@'%'");
                CutOver cutOver = CutOver.of(repl).readOnlySource()
                        .verifier(() -> {
                            // writes are stopped here: an application account cannot write
                            assertThatThrownBy(() -> appInsert(src, db)).hasMessageContaining("read-only");
                            return new Verification(false, "items differ (simulated)");
                        })
                        .switchApplications(() -> switched.set(true)).build();
                CutOverException e = (CutOverException) org.assertj.core.api.Assertions.catchThrowable(cutOver::run);
                assertThat(e.code()).isEqualTo(DiagnosisCode.CUT_OVER_FAILED);
                CutOverReport r = e.report();
                assertThat(r.succeeded()).isFalse();
                assertThat(r.sourceTakesWrites()).isTrue();
                assertThat(r.steps()).extracting(StepResult::step).containsExactly(CutOverStep.STOP_WRITES,
                        CutOverStep.CATCH_UP, CutOverStep.VERIFY, CutOverStep.ROLLBACK);
                assertThat(r.step(CutOverStep.VERIFY).orElseThrow().outcome()).isEqualTo(StepResult.Outcome.FAILED);
                assertThat(r.step(CutOverStep.VERIFY).orElseThrow().detail()).contains("items differ");
                assertThat(r.step(CutOverStep.ROLLBACK).orElseThrow().outcome()).isEqualTo(StepResult.Outcome.SUCCEEDED);
                assertThat(switched).isFalse();
                assertThat(src.queryString("SELECT @@GLOBAL.read_only")).contains("0");
                appInsert(src, db); // the source takes writes again
                assertThat(repl.status().running()).as("replication still running").isTrue();
                repl.awaitCaughtUp(Duration.ofSeconds(30));
                assertThat(repl.lag().heartbeat()).as("heartbeat restarted").isPresent();
                assertThat(Fixtures.checksums(tgt, db)).isEqualTo(Fixtures.checksums(src, db));
            } finally {
                src.execute("SET GLOBAL read_only = OFF", "DROP USER IF EXISTS 'app'@'%'");
                repl.reset();
            }
        }
    }

    @Test
    void aVerifyThatFindsADifferenceStopsTheCutOverAndNamesIt(
            @Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        String db = src.createSchema("rv");
        String odd = "`" + db + "`.`odd ``tick`` \u00fc`"; // backticks, a space and a non-ASCII letter in the name
        AtomicBoolean switched = new AtomicBoolean();
        try (Replication repl = start(src, tgt, db)) {
            try {
                src.execute("CREATE TABLE " + odd + " (id INT PRIMARY KEY, v VARCHAR(20) NOT NULL) DEFAULT CHARSET=utf8mb4",
                        "INSERT INTO " + odd + " VALUES (1, 'a'), (2, 'b'), (3, 'c')");
                repl.awaitCaughtUp(Duration.ofSeconds(30));
                tgt.execute("UPDATE " + odd + " SET v = 'drift' WHERE id = 2"); // someone wrote to the replica
                Verify verify = Verify.between(repl.source().orElseThrow(), repl.target()).schemas(db).build();
                CutOverException e = failsAtVerifyAndRollsBack(CutOver.of(repl).readOnlySource().verify(verify)
                        .switchApplications(() -> switched.set(true)).build(), src, repl, switched);
                // the table is named as SQL would quote it
                assertThat(e.getMessage()).contains("ROWS_DIFFER `" + db + "`.`odd ``tick`` \u00fc`");
                CutOverReport r = e.report();
                assertThat(r.step(CutOverStep.VERIFY).orElseThrow().detail()).contains("`odd ``tick`` \u00fc`");
                VerifyResult found = r.verification().orElseThrow();
                assertThat(found.ok()).isFalse();
                assertThat(found.tables()).extracting(TableVerification::table)
                        .containsExactlyInAnyOrder("events", "items", "odd `tick` \u00fc");
                assertThat(found.differences()).singleElement().satisfies(d -> {
                    assertThat(d.table()).isEqualTo("odd `tick` \u00fc");
                    assertThat(d.kind()).isEqualTo(Difference.Kind.ROWS_DIFFER);
                    assertThat(d.rows()).isNotEmpty();
                });
            } finally {
                src.execute("SET GLOBAL read_only = OFF");
                repl.reset();
            }
        }
    }

    @Test
    void aVerifyThatComparesNoTablesStopsTheCutOver(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        String db = src.createSchema("rz");
        AtomicBoolean switched = new AtomicBoolean();
        try (Replication repl = start(src, tgt, db)) {
            try {
                // a typo in the schema name: an "all equal" over nothing must not let the cut-over proceed
                Verify typo = Verify.between(repl.source().orElseThrow(), repl.target()).schemas(db + "_typo").build();
                CutOverException e = failsAtVerifyAndRollsBack(CutOver.of(repl).readOnlySource().verify(typo)
                        .switchApplications(() -> switched.set(true)).build(), src, repl, switched);
                // today's Verify returns 0 tables (the cut-over refuses that); a Verify that refuses the selection
                // itself names the pattern
                assertThat(e.getMessage()).containsAnyOf("compared no tables", db + "_typo");
            } finally {
                src.execute("SET GLOBAL read_only = OFF");
                repl.reset();
            }
        }
    }

    @Test
    void aFailingStopHookResumesWrites(@Server(value = ServerKind.MARIADB_114, role = "source") TestServer src,
            @Server(value = ServerKind.MARIADB_114, role = "target") TestServer tgt) throws Exception {
        String db = src.createSchema("rb2");
        try (Replication repl = start(src, tgt, db); Writer writer = new Writer(src, db).start()) {
            try {
                AtomicBoolean resumed = new AtomicBoolean();
                CutOver cutOver = CutOver.of(repl)
                        .stopWrites(() -> {
                            writer.stop();
                            throw new IllegalStateException("load balancer did not drain");
                        })
                        .resumeWrites(() -> {
                            writer.start();
                            resumed.set(true);
                        })
                        .switchApplications(() -> { })
                        .catchUpTimeout(Duration.ofSeconds(30)).build();
                assertThatThrownBy(cutOver::run).isInstanceOfSatisfying(CutOverException.class, e -> {
                    assertThat(e.report().steps()).extracting(StepResult::step)
                            .containsExactly(CutOverStep.STOP_WRITES, CutOverStep.ROLLBACK);
                    assertThat(e.report().sourceTakesWrites()).isTrue();
                    assertThat(e.getMessage()).contains("load balancer did not drain");
                });
                assertThat(resumed).isTrue();
                long ops = writer.ops();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (writer.ops() <= ops + 20) {
                    assertThat(System.nanoTime()).as("writer did not resume").isLessThan(deadline);
                    Fixtures.sleep(20);
                }
                writer.stop();
                repl.awaitCaughtUp(Duration.ofSeconds(30));
                assertThat(Fixtures.checksums(tgt, db)).isEqualTo(Fixtures.checksums(src, db));
            } finally {
                writer.stop();
                repl.reset();
            }
        }
    }

    /** Runs a read_only cut-over that must stop at VERIFY: rolled back, not switched, replication running. */
    static CutOverException failsAtVerifyAndRollsBack(CutOver cutOver, TestServer src, Replication repl,
            AtomicBoolean switched) throws Exception {
        CutOverException e = (CutOverException) org.assertj.core.api.Assertions.catchThrowable(cutOver::run);
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(DiagnosisCode.CUT_OVER_FAILED);
        assertThat(e.getMessage()).contains("Cut-over failed at VERIFY", "The source takes writes again");
        CutOverReport r = e.report();
        assertThat(r.succeeded()).isFalse();
        assertThat(r.steps()).extracting(StepResult::step).containsExactly(CutOverStep.STOP_WRITES,
                CutOverStep.CATCH_UP, CutOverStep.VERIFY, CutOverStep.ROLLBACK);
        assertThat(r.step(CutOverStep.VERIFY).orElseThrow().outcome()).isEqualTo(StepResult.Outcome.FAILED);
        assertThat(r.step(CutOverStep.ROLLBACK).orElseThrow().outcome()).isEqualTo(StepResult.Outcome.SUCCEEDED);
        assertThat(r.sourceTakesWrites()).isTrue();
        assertThat(switched).isFalse();
        assertThat(src.queryString("SELECT @@GLOBAL.read_only")).contains("0");
        assertThat(repl.status().running()).as("replication still running").isTrue();
        return e;
    }

    static void appInsert(TestServer src, String db) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(src.jdbcUrl(), "app", "App-pw-1");
                java.sql.Statement st = c.createStatement()) {
            st.execute("INSERT INTO `" + db + "`.events (item_id, kind) VALUES (1, 'app')");
        }
    }
}

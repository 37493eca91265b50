package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.replication.Replication;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bound on the writes-stopped window and the before-switch hook: a verification that overruns the bound is cut
 * short and rolled back; a failing before-switch hook is undone with the rest; a successful one runs between stopping
 * replication and the switch.
 */
@ExtendWith(TestServersExtension.class)
class CutOverWindowIT {

    @Test
    void aVerificationThatOverrunsTheWindowIsCutShortAndRolledBack(
            @Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        String db = src.createSchema("win");
        AtomicBoolean switched = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch never = new CountDownLatch(1);
        try (Replication repl = CutOverRollbackIT.start(src, tgt, db)) {
            try {
                long t0 = System.nanoTime();
                CutOverException e = catchThrowableOfType(() -> CutOver.of(repl).readOnlySource()
                        .maxWriteDowntime(Duration.ofSeconds(2))
                        .verifier(() -> {
                            try {
                                never.await(); // a verification that would never end
                            } catch (InterruptedException ie) {
                                interrupted.set(true);
                                throw ie;
                            }
                            return new Verification(true, "unreachable");
                        })
                        .switchApplications(() -> switched.set(true)).build().run(), CutOverException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
                assertThat(e.getMessage()).contains("longer than maxWriteDowntime 2.0 s", "the verification");
                CutOverReport r = e.report();
                assertThat(r.steps()).extracting(StepResult::step).containsExactly(CutOverStep.STOP_WRITES,
                        CutOverStep.CATCH_UP, CutOverStep.VERIFY, CutOverStep.ROLLBACK);
                assertThat(r.sourceTakesWrites()).isTrue();
                assertThat(switched).isFalse();
                assertThat(src.queryString("SELECT @@GLOBAL.read_only")).contains("0");
                assertThat(repl.status().running()).isTrue();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!interrupted.get()) {
                    assertThat(System.nanoTime()).as("the cut-short verification was interrupted").isLessThan(deadline);
                    Fixtures.sleep(20);
                }
            } finally {
                src.execute("SET GLOBAL read_only = OFF");
                repl.reset();
            }
        }
    }

    @Test
    void aFailingBeforeSwitchHookIsUndoneAndReplicationRestarted(
            @Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        String db = src.createSchema("bsw");
        AtomicInteger undone = new AtomicInteger();
        AtomicBoolean switched = new AtomicBoolean();
        try (Replication repl = CutOverRollbackIT.start(src, tgt, db)) {
            try {
                CutOverException e = catchThrowableOfType(() -> CutOver.of(repl).readOnlySource().resetReplication(false)
                        .beforeSwitch(() -> {
                            throw new IllegalStateException("reverse channel refused");
                        }, undone::incrementAndGet)
                        .switchApplications(() -> switched.set(true)).build().run(), CutOverException.class);
                CutOverReport r = e.report();
                assertThat(r.steps()).extracting(StepResult::step).containsExactly(CutOverStep.STOP_WRITES,
                        CutOverStep.CATCH_UP, CutOverStep.VERIFY, CutOverStep.STOP_REPLICATION, CutOverStep.BEFORE_SWITCH,
                        CutOverStep.ROLLBACK);
                assertThat(r.step(CutOverStep.ROLLBACK).orElseThrow().detail()).contains("before-switch hook undone",
                        "replication restarted");
                assertThat(undone).hasValue(1);
                assertThat(switched).isFalse();
                assertThat(r.sourceTakesWrites()).isTrue();
                assertThat(src.queryString("SELECT @@GLOBAL.read_only")).contains("0");
                src.execute("INSERT INTO `" + db + "`.events (item_id, kind) VALUES (7, 'after')");
                repl.awaitCaughtUp(Duration.ofSeconds(30));
                assertThat(Fixtures.checksums(tgt, db)).isEqualTo(Fixtures.checksums(src, db));
            } finally {
                src.execute("SET GLOBAL read_only = OFF");
                repl.reset();
            }
        }
    }

    /**
     * A stop-writes hook that fails part way may have stopped some writers already: the report counts the writes as
     * stopped from the moment the hook began until the rollback resumed them, not zero.
     */
    @Test
    void aStopHookThatFailsPartWayCountsItsTimeAsWriteDowntime(
            @Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        String db = src.createSchema("halfstop");
        AtomicInteger resumed = new AtomicInteger();
        try (Replication repl = CutOverRollbackIT.start(src, tgt, db)) {
            try {
                CutOverException e = catchThrowableOfType(() -> CutOver.of(repl)
                        .stopWrites(() -> {
                            Thread.sleep(400); // half the application's writers paused, then the hook fails
                            throw new IllegalStateException("writer pool 2 did not answer");
                        })
                        .resumeWrites(resumed::incrementAndGet)
                        .switchApplications(() -> { }).build().run(), CutOverException.class);
                CutOverReport r = e.report();
                assertThat(resumed).as("the rollback resumed the writers").hasValue(1);
                assertThat(r.sourceTakesWrites()).isTrue();
                assertThat(r.writeDowntime()).as("writes may have been stopped from the hook's start")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
                assertThat(r.describe()).doesNotContain("writes stopped for 0");
            } finally {
                repl.reset();
            }
        }
    }

    @Test
    void theBeforeSwitchHookRunsAfterReplicationStoppedAndBeforeTheSwitch(
            @Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        String db = src.createSchema("bsok");
        StringBuilder order = new StringBuilder();
        try (Replication repl = CutOverRollbackIT.start(src, tgt, db)) {
            try {
                CutOverReport r = CutOver.of(repl).readOnlySource().maxWriteDowntime(Duration.ofSeconds(30))
                        .beforeSwitch(() -> order.append(repl.status().configured() ? "after-reset?" : "before-switch;"),
                                () -> order.append("undo;"))
                        .switchApplications(() -> order.append("switch;")).build().run();
                assertThat(order).hasToString("before-switch;switch;");
                assertThat(r.succeeded()).isTrue();
                assertThat(r.step(CutOverStep.BEFORE_SWITCH).orElseThrow().outcome()).isEqualTo(StepResult.Outcome.SUCCEEDED);
            } finally {
                src.execute("SET GLOBAL read_only = OFF");
                repl.reset();
            }
        }
    }
}

package io.github.auroramigrate.plan.it;

import static io.github.auroramigrate.plan.it.PlanFixtures.appRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.plan.Estimate;
import io.github.auroramigrate.plan.Guardrails;
import io.github.auroramigrate.plan.Plan;
import io.github.auroramigrate.plan.PlanException;
import io.github.auroramigrate.plan.PlanReport;
import io.github.auroramigrate.plan.PlanState;
import io.github.auroramigrate.plan.RollbackWindow;
import io.github.auroramigrate.plan.StepReport;
import io.github.auroramigrate.plan.StepState;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handbook's near-zero-downtime procedure as a plan, end to end, while the application writes: the torture schema
 * dumped, loaded, replicated, cut over behind the guardrails into an Aurora-like target; the rollback window's reverse
 * replication carries the target's writes to the old source; then either the window closes (and a rollback is
 * refused), or the plan is rolled back - the fallback returns the application to the old source with every write, and
 * the rest of the shadow checklist leaves the target as it was. Exact comparison (SchemaComparison and Verify) at each
 * point. MySQL 8.0 -> Aurora-like 3 and MySQL 5.7 -> Aurora-like 2.
 */
@ExtendWith(TestServersExtension.class)
class NearZeroDowntimeIT {

    static Plan.Builder plan(TestServer source, TestServer target, String db, App app, Path journal) {
        return Plan.from(PlanFixtures.root(source)).to(PlanFixtures.endpoint(target)).id("p-" + db).journal(journal)
                .schemas(db).transforms("stripDefiners")
                .dump(d -> d.threads(2).chunkSize(DataSize.ofKilobytes(32))).load(l -> l.threads(2))
                .replicationUser(replUser(db), "Repl-pw-1").heartbeat(Duration.ofMillis(200))
                .plannedDuration(Duration.ofMinutes(30)).catchUpTimeout(Duration.ofMinutes(2))
                .guardrails(Guardrails.defaults().guardWait(Duration.ofSeconds(30)).maxWriteDowntime(Duration.ofSeconds(30)))
                .stopWrites(app::pause).resumeWrites(app::resume)
                .switchToTarget(() -> app.use("target")).switchToSource(() -> app.use("source"))
                .rollbackWindow(RollbackWindow.of("back_" + Math.abs(db.hashCode() % 1000), "Back-pw-1"))
                .pollInterval(Duration.ofMillis(100));
    }

    static String replUser(String db) {
        return "repl_" + Math.abs(db.hashCode() % 1000);
    }

    @Test
    void mysql80ToAurora3WindowThenClose(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target,
            @TempDir Path tmp) throws Exception {
        migrateThenClose(source, target, tmp);
    }

    @Test
    void mysql57ToAurora2WindowThenFallback(@Server(value = ServerKind.MYSQL_57, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer target,
            @TempDir Path tmp) throws Exception {
        migrateThenFallBack(source, target, tmp);
    }

    @Test
    void mysql80ToAurora3WindowThenFallback(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target,
            @TempDir Path tmp) throws Exception {
        migrateThenFallBack(source, target, tmp);
    }

    /**
     * Suspended in process while it loads, then rehearsed (resumed to the open window and rolled all back, every
     * step and rollback timed), then the real run as the next attempt, closed.
     */
    @Test
    void suspendedThenRehearsedThenRun(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target,
            @TempDir Path tmp) throws Exception {
        PlanFixtures.prepareAuroraTarget(target);
        String db = PlanFixtures.tortureSource(source, "nzr");
        java.util.concurrent.atomic.AtomicReference<io.github.auroramigrate.plan.PlanExecution> running =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Plan> self = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> second = new java.util.concurrent.atomic.AtomicReference<>();
        try (App app = new App(source, target, db, tmp.resolve("app"))) {
            Plan plan = plan(source, target, db, app, tmp.resolve("journal"))
                    .listener(new io.github.auroramigrate.plan.PlanListener() {
                        @Override
                        public void stepStarted(String step) {
                            if (step.equals("load") && running.get() != null) {
                                // a second process (here: another run of the same plan) is refused while this one runs
                                second.set(org.assertj.core.api.Assertions.catchThrowable(() -> self.get().run()));
                                running.get().suspend();
                            }
                        }
                    }).build();
            self.set(plan);
            app.awaitWrites("source", 20, Duration.ofSeconds(30));
            PlanReport suspended;
            try (io.github.auroramigrate.plan.PlanExecution e = plan.start()) {
                running.set(e);
                suspended = e.await();
            }
            assertThat(suspended.state()).as(suspended.describe()).isEqualTo(PlanState.SUSPENDED);
            assertThat(second.get()).isInstanceOfSatisfying(PlanException.class,
                    e -> {
                        assertThat(e.code()).isEqualTo(DiagnosisCode.PLAN_LOCKED);
                        assertThat(e.getMessage()).contains("is being run by another process: connection ");
                    });
            assertThat(suspended.decisions()).extracting(d -> d.text()).anyMatch(t -> t.startsWith("suspended "));
            assertThat(suspended.step("dump").orElseThrow().state()).isEqualTo(StepState.DONE);
            assertThat(suspended.step("replicate").orElseThrow().state()).isEqualTo(StepState.PENDING);
            running.set(null);

            PlanReport rehearsal = plan.rehearse();
            assertThat(rehearsal.state()).as(rehearsal.describe()).isEqualTo(PlanState.ROLLED_BACK);
            assertThat(rehearsal.steps()).filteredOn(s -> !s.name().equals("close-rollback-window")).allSatisfy(s -> {
                assertThat(s.duration()).as(s.toString()).isPositive();
                assertThat(s.rollbackDuration()).as(s.toString()).isPositive();
            });
            assertThat(rehearsal.checklist()).contains("Checklist total", "shadow checklist (rollback) total");
            assertThat(rehearsal.estimate(DataSize.ofGigabytes(1)).toMarkdown()).contains("| load |", "with size", "**total**");
            assertThat(app.state()).startsWith("running source");

            PlanReport real = plan.run();
            assertThat(real.state()).isEqualTo(PlanState.WINDOW_OPEN);
            assertThat(real.attempt()).isEqualTo(2);
            assertThat(real.decisions()).extracting(d -> d.text()).anyMatch(t -> t.startsWith("attempt 2 begins"));
            PlanFixtures.assertWindowCarriesWrites(app, source, target, db, 20);
            assertThat(plan.closeRollbackWindow().state()).isEqualTo(PlanState.COMPLETED);
        } finally {
            PlanFixtures.resetReplication(source, target);
        }
    }

    /** Runs to the open window; checks the cut-over, the target's writes reaching the old source, and the report. */
    static PlanReport toWindow(Plan plan, TestServer source, TestServer target, String db, App app) throws Exception {
        app.awaitWrites("source", 20, Duration.ofSeconds(30));
        PlanReport r = plan.run();
        assertThat(r.state()).as(r.describe()).isEqualTo(PlanState.WINDOW_OPEN);
        assertThat(r.steps()).filteredOn(s -> !s.name().equals("close-rollback-window"))
                .allSatisfy(s -> assertThat(s.state()).as(s.toString()).isEqualTo(StepState.DONE));
        assertThat(r.step("close-rollback-window").orElseThrow().state()).isEqualTo(StepState.PENDING);
        assertThat(r.message()).contains("rollback window open");
        assertThat(r.decisions()).extracting(d -> d.text()).anyMatch(t -> t.startsWith("guardrails passed: replication "
                + "running; heartbeat lag")).anyMatch(t -> t.startsWith("writes stopped: no write transaction"))
                .anyMatch(t -> t.startsWith("rollback window opened"));
        assertThat(r.step("dump").orElseThrow().outputs()).containsKeys("binlogFile", "binlogPosition", "dumpId", "dataBytes");
        assertThat(r.step("cut-over").orElseThrow().outputs()).containsKeys("switchedAt", "reverseFrom", "writeDowntime");
        // the application writes to the target now; the old source gets every write through the window
        assertThat(PlanFixtures.replicates(target)).as("forward replication reset").isFalse();
        assertThat(PlanFixtures.replicates(source)).as("reverse replication on the old source").isTrue();
        PlanFixtures.assertWindowCarriesWrites(app, source, target, db, 50);
        String md = r.checklist();
        assertThat(md).contains("| 5 | dump |", "| 9 | cut-over |", "DONE", "### Decisions");
        Estimate e = r.estimate(DataSize.ofGigabytes(100));
        assertThat(e.factor()).isGreaterThan(1000);
        assertThat(e.lines()).filteredOn(Estimate.Line::scaled).extracting(Estimate.Line::step)
                .contains("dump", "load", "catch-up");
        assertThat(e.total()).isGreaterThan(r.steps().stream().map(StepReport::duration).reduce(Duration.ZERO, Duration::plus));
        assertThat(r.toJson()).contains("\"state\" : \"WINDOW_OPEN\"").doesNotContain("Repl-pw-1", "Back-pw-1");
        return r;
    }

    static void migrateThenClose(TestServer source, TestServer target, Path tmp) throws Exception {
        PlanFixtures.prepareAuroraTarget(target);
        String db = PlanFixtures.tortureSource(source, "nzd");
        try (App app = new App(source, target, db, tmp.resolve("app"))) {
            Plan plan = plan(source, target, db, app, tmp.resolve("journal")).build();
            toWindow(plan, source, target, db, app);
            // a run while the window is open changes nothing
            assertThat(plan.run().state()).isEqualTo(PlanState.WINDOW_OPEN);
            PlanReport done = plan.closeRollbackWindow();
            assertThat(done.state()).isEqualTo(PlanState.COMPLETED);
            assertThat(PlanFixtures.replicates(source)).as("reverse replication torn down").isFalse();
            assertThat(plan.status().state()).isEqualTo(PlanState.COMPLETED);
            PlanException e = catchThrowableOfType(plan::rollback, PlanException.class);
            assertThat(e.code()).isEqualTo(DiagnosisCode.ROLLBACK_NOT_POSSIBLE);
            assertThat(e.getMessage()).contains("closed");
            app.awaitWrites("target", 20, Duration.ofSeconds(30));
            assertThat(app.state()).isEqualTo("running target");
        } finally {
            PlanFixtures.resetReplication(source, target);
        }
    }

    static void migrateThenFallBack(TestServer source, TestServer target, Path tmp) throws Exception {
        PlanFixtures.prepareAuroraTarget(target);
        String db = PlanFixtures.tortureSource(source, "nzf");
        try (App app = new App(source, target, db, tmp.resolve("app"))) {
            Plan plan = plan(source, target, db, app, tmp.resolve("journal")).build();
            toWindow(plan, source, target, db, app);
            app.awaitWrites("target", 30, Duration.ofSeconds(30));
            PlanReport back = plan.rollback();
            assertThat(back.state()).as(back.describe()).isEqualTo(PlanState.ROLLED_BACK);
            assertThat(back.steps()).filteredOn(s -> !s.name().equals("close-rollback-window"))
                    .allSatisfy(s -> assertThat(s.state()).as(s.toString()).isEqualTo(StepState.ROLLED_BACK));
            assertThat(back.step("cut-over").orElseThrow().rollbackDetail()).contains("fell back");
            assertThat(back.decisions()).extracting(d -> d.text()).anyMatch(t -> t.startsWith("fallback: the old source "
                    + "caught up"));
            // the application is on the old source with every write the target took
            assertThat(app.state()).startsWith("running source");
            long onTarget = app.writesTo("target");
            assertThat(appRows(source, db, "target")).isEqualTo(onTarget);
            app.awaitWrites("source", 20, Duration.ofSeconds(30));
            // the shadow checklist's end state: no replication either way, the target's schema dropped, accounts gone
            assertThat(PlanFixtures.replicates(source)).isFalse();
            assertThat(PlanFixtures.replicates(target)).isFalse();
            assertThat(PlanFixtures.hasSchema(target, db)).isFalse();
            assertThat(source.queryString("SELECT COUNT(*) FROM mysql.user WHERE user = '" + replUser(db) + "'"))
                    .as("the plan's replication account dropped").contains("0");
            assertThat(plan.status().state()).isEqualTo(PlanState.ROLLED_BACK);
            // the checklist shows both timings
            assertThat(back.checklist()).contains("shadow checklist (rollback) total");
        } finally {
            PlanFixtures.resetReplication(source, target);
        }
    }
}

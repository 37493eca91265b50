package io.github.auroramigrate.plan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.plan.Guardrails;
import io.github.auroramigrate.plan.Plan;
import io.github.auroramigrate.plan.PlanException;
import io.github.auroramigrate.plan.PlanHook;
import io.github.auroramigrate.plan.PlanHooks;
import io.github.auroramigrate.plan.PlanReport;
import io.github.auroramigrate.plan.PlanState;
import io.github.auroramigrate.plan.PlanStep;
import io.github.auroramigrate.plan.StepState;
import io.github.auroramigrate.plan.Steps;
import io.github.auroramigrate.replication.SourceActivity;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each cut-over guardrail tripping, MySQL 8.0 -> Aurora-like 3 with the application writing: high heartbeat lag, a long
 * transaction and a DDL on the source refuse the cut-over before writes stop; a failing verification and an overrun
 * writes-stopped window stop it after, rolling back so the source takes writes again. Each time no write is lost: once
 * the cause is gone, a rerun of the same plan cuts over and the old source and the target end equal.
 */
@ExtendWith(TestServersExtension.class)
class GuardrailsIT {

    /** The near-zero-downtime steps with {@code beforeCutOver} run once just before the cut-over. */
    static Plan.Builder plan(TestServer source, TestServer target, String db, App app, Path tmp, PlanHook beforeCutOver,
            AtomicInteger pauses) {
        List<PlanStep> steps = new ArrayList<>(Steps.nearZeroDowntime());
        steps.add(steps.indexOf(Steps.cutOver()), Steps.hook("trouble", beforeCutOver, PlanHooks.none()));
        return NearZeroDowntimeIT.plan(source, target, db, app, tmp.resolve("journal")).steps(steps)
                .stopWrites(() -> {
                    pauses.incrementAndGet();
                    app.pause();
                });
    }

    static PlanException refused(Plan plan, App app, AtomicInteger pauses, String why) throws Exception {
        PlanException e = catchThrowableOfType(plan::run, PlanException.class);
        assertThat(e).as("the cut-over is refused: " + why).isNotNull();
        assertThat(e.code()).isEqualTo(DiagnosisCode.CUT_OVER_REFUSED);
        assertThat(e.getMessage()).contains(why);
        PlanReport r = e.report().orElseThrow();
        assertThat(r.state()).isEqualTo(PlanState.FAILED);
        assertThat(r.step("cut-over").orElseThrow().state()).isEqualTo(StepState.FAILED);
        assertThat(r.decisions()).extracting(d -> d.text()).anyMatch(t -> t.startsWith("cut-over REFUSED") && t.contains(why)
                && t.endsWith("(writes were never stopped)"));
        assertThat(pauses).as("writes were never stopped").hasValue(0);
        app.awaitWrites("source", 10, Duration.ofSeconds(30));
        return e;
    }

    /** Reruns the plan to the open window, checks the target equals the old source, and rolls it all back. */
    static void passesOnRerunThenRollsBack(Plan plan, TestServer source, TestServer target, String db, App app)
            throws Exception {
        PlanReport r = plan.run();
        assertThat(r.state()).as(r.describe()).isEqualTo(PlanState.WINDOW_OPEN);
        PlanFixtures.assertWindowCarriesWrites(app, source, target, db, 20);
        assertThat(plan.rollback().state()).isEqualTo(PlanState.ROLLED_BACK);
        assertThat(app.state()).startsWith("running source");
    }

    /** @return how far the newest heartbeat on the target is behind the newest on the source */
    static long heartbeatGapMillis(TestServer source, TestServer target) {
        String q = "SELECT UNIX_TIMESTAMP(MAX(written_at)) * 1000 FROM aurora_migrate.heartbeat";
        double s = Double.parseDouble(source.queryString(q).orElse("0"));
        double t = Double.parseDouble(target.queryString(q).orElse("0"));
        return (long) (s - t);
    }

    @Test
    void highHeartbeatLagRefusesTheCutOver(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target,
            @TempDir Path tmp) throws Exception {
        PlanFixtures.prepareAuroraTarget(target);
        String db = PlanFixtures.tortureSource(source, "glag");
        AtomicInteger pauses = new AtomicInteger();
        try (App app = new App(source, target, db, tmp.resolve("app")); Connection blocker = target.rootConnection();
                Statement st = blocker.createStatement()) {
            // the applier stays running but waits behind a table lock on the target: the heartbeat lag grows
            Plan plan = plan(source, target, db, app, tmp, () -> {
                st.execute("LOCK TABLES `" + db + "`.app_orders WRITE");
                // a guardrail sees lag that has built up: wait until the target's heartbeat is 2 s behind the source's
                PlanFixtures.await(Duration.ofSeconds(30), "heartbeat lag on the target", () -> heartbeatGapMillis(source,
                        target) > 2000);
            }, pauses).guardrails(Guardrails.defaults().maxLag(Duration.ofMillis(800)).guardWait(Duration.ofSeconds(4))
                    .maxWriteDowntime(Duration.ofSeconds(30)))
                    .build();
            app.awaitWrites("source", 20, Duration.ofSeconds(30));
            refused(plan, app, pauses, "is not under 800 ms");
            st.execute("UNLOCK TABLES");
            passesOnRerunThenRollsBack(plan, source, target, db, app);
        } finally {
            PlanFixtures.resetReplication(source, target);
        }
    }

    @Test
    void aLongTransactionOrDdlOnTheSourceRefusesTheCutOver(
            @Server(value = ServerKind.MYSQL_80, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target,
            @TempDir Path tmp) throws Exception {
        PlanFixtures.prepareAuroraTarget(target);
        String db = PlanFixtures.tortureSource(source, "gtrx");
        AtomicInteger pauses = new AtomicInteger();
        try (App app = new App(source, target, db, tmp.resolve("app")); Connection trx = source.rootConnection();
                Connection reader = source.rootConnection(); Connection ddl = source.rootConnection()) {
            Guardrails g = Guardrails.defaults().maxTransactionAge(Duration.ofSeconds(1)).guardWait(Duration.ofSeconds(4))
                    .maxWriteDowntime(Duration.ofSeconds(30));
            Plan plan = plan(source, target, db, app, tmp, () -> {
                trx.setAutoCommit(false);
                try (Statement st = trx.createStatement()) {
                    st.executeUpdate("UPDATE `" + db + "`.side SET note = 'held' WHERE id = 1");
                }
                // a guardrail sees a transaction that is old already
                PlanFixtures.await(Duration.ofSeconds(30), "a write transaction older than 1 s", () ->
                        !SourceActivity.read(PlanFixtures.root(source)).writingLongerThan(Duration.ofSeconds(1)).isEmpty());
            }, pauses).guardrails(g).build();
            app.awaitWrites("source", 20, Duration.ofSeconds(30));
            refused(plan, app, pauses, "long transaction on the source");
            trx.rollback();
            // a DDL waiting for the metadata lock a read transaction holds
            reader.setAutoCommit(false);
            try (Statement st = reader.createStatement()) {
                st.executeQuery("SELECT COUNT(*) FROM `" + db + "`.side").close();
            }
            CompletableFuture<Void> alter = CompletableFuture.runAsync(() -> {
                try (Statement st = ddl.createStatement()) {
                    st.execute("ALTER TABLE `" + db + "`.side COMMENT 'changed during the migration'");
                } catch (Exception x) {
                    throw new IllegalStateException(x);
                }
            });
            refused(plan, app, pauses, "DDL in flight on the source");
            reader.commit();
            alter.get();
            passesOnRerunThenRollsBack(plan, source, target, db, app);
        } finally {
            PlanFixtures.resetReplication(source, target);
        }
    }

    @Test
    void aFailingVerificationStopsTheCutOverAndWritesResumeOnTheSource(
            @Server(value = ServerKind.MYSQL_80, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target,
            @TempDir Path tmp) throws Exception {
        PlanFixtures.prepareAuroraTarget(target);
        String db = PlanFixtures.tortureSource(source, "gver");
        AtomicInteger pauses = new AtomicInteger();
        String original = source.queryString("SELECT note FROM `" + db + "`.side WHERE id = 7").orElseThrow();
        try (App app = new App(source, target, db, tmp.resolve("app"))) {
            // someone wrote to the replica
            Plan plan = plan(source, target, db, app, tmp, () -> target.execute("UPDATE `" + db
                    + "`.side SET note = 'drift' WHERE id = 7"), pauses).build();
            app.awaitWrites("source", 20, Duration.ofSeconds(30));
            PlanException e = catchThrowableOfType(plan::run, PlanException.class);
            assertThat(e.code()).isEqualTo(DiagnosisCode.CUT_OVER_FAILED);
            assertThat(e.getMessage()).contains("Cut-over failed at VERIFY", "side", "The source takes writes again");
            assertThat(e.report().orElseThrow().decisions()).extracting(d -> d.text())
                    .anyMatch(t -> t.startsWith("cut-over VERIFY FAILED")).anyMatch(t -> t.startsWith("cut-over ROLLBACK SUCCEEDED"));
            assertThat(pauses).hasValue(1);
            assertThat(app.state()).startsWith("running source");
            app.awaitWrites("source", 20, Duration.ofSeconds(30));
            assertThat(PlanFixtures.replicates(target)).as("replication restarted").isTrue();
            assertThat(PlanFixtures.replicates(source)).as("no reverse channel left").isFalse();
            // the cause fixed, the same plan cuts over
            target.execute("UPDATE `" + db + "`.side SET note = '" + original.replace("'", "''") + "' WHERE id = 7");
            passesOnRerunThenRollsBack(plan, source, target, db, app);
        } finally {
            PlanFixtures.resetReplication(source, target);
        }
    }

    @Test
    void anOverrunWindowAbortsAndRollsBack(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target,
            @TempDir Path tmp) throws Exception {
        PlanFixtures.prepareAuroraTarget(target);
        String db = PlanFixtures.tortureSource(source, "gwin");
        AtomicInteger pauses = new AtomicInteger();
        try (App app = new App(source, target, db, tmp.resolve("app"))) {
            Plan.Builder b = plan(source, target, db, app, tmp, PlanHooks.none(), pauses);
            Plan tight = b.guardrails(Guardrails.defaults().maxWriteDowntime(Duration.ofMillis(300))).build();
            app.awaitWrites("source", 20, Duration.ofSeconds(30));
            PlanException e = catchThrowableOfType(tight::run, PlanException.class);
            assertThat(e.code()).isEqualTo(DiagnosisCode.CUT_OVER_FAILED);
            assertThat(e.getMessage()).contains("longer than maxWriteDowntime 300 ms", "The source takes writes again");
            assertThat(pauses).hasValue(1);
            assertThat(app.state()).startsWith("running source");
            app.awaitWrites("source", 20, Duration.ofSeconds(30));
            assertThat(PlanFixtures.replicates(source)).as("the reverse channel was not left behind").isFalse();
            // the operator allows a longer window: the failed cut-over step may change, and is redone
            Plan wider = b.guardrails(Guardrails.defaults().maxWriteDowntime(Duration.ofSeconds(30))).build();
            passesOnRerunThenRollsBack(wider, source, target, db, app);
        } finally {
            PlanFixtures.resetReplication(source, target);
        }
    }
}

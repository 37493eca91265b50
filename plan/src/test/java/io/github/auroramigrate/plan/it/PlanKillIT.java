package io.github.auroramigrate.plan.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.plan.Plan;
import io.github.auroramigrate.plan.PlanReport;
import io.github.auroramigrate.plan.PlanState;
import io.github.auroramigrate.plan.StepReport;
import io.github.auroramigrate.plan.StepState;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of a plan's JVM (a plan file with command hooks, as the CLI runs it) at a step boundary or at a random moment
 * inside a long step, then a rerun in a new JVM: it must reach the open rollback window with the target equal to the
 * old source (SchemaComparison and Verify), the target's writes reaching the old source, and nothing done twice - each
 * load chunk journaled once, the dump taken again only when it had not completed, replication never configured twice.
 * Then the rollback, itself killed half-way in every other round and resumed, must return the application to the old
 * source with every write. Rounds: system property {@code plan.kill.rounds} (3 by default; {@code scripts/faults.sh}
 * runs 40: every step boundary and 20 random moments).
 */
@ExtendWith(TestServersExtension.class)
class PlanKillIT {
    private static final Logger LOG = LoggerFactory.getLogger(PlanKillIT.class);
    static final List<String> STEPS = List.of("probe", "precheck", "replication-user", "preflight", "dump", "load",
            "replicate", "catch-up", "cut-over");
    static final List<String> LONG_STEPS = List.of("dump", "load", "catch-up", "cut-over");

    /** A kill point: a boundary ({@code step:started|finished}), or {@code delay} ms after a step started. */
    record KillPoint(String boundary, String step, long delayMillis) {
        @Override
        public String toString() {
            return boundary != null ? "at " + boundary : delayMillis + " ms into " + step;
        }
    }

    static List<KillPoint> killPoints(int rounds, Random random) {
        List<KillPoint> boundaries = new ArrayList<>();
        for (String s : STEPS) {
            boundaries.add(new KillPoint(s + ":started", null, 0));
            boundaries.add(new KillPoint(s + ":finished", null, 0));
        }
        Collections.shuffle(boundaries, random);
        List<KillPoint> out = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0 && !boundaries.isEmpty()) {
                out.add(boundaries.remove(0));
            } else {
                String step = LONG_STEPS.get(random.nextInt(LONG_STEPS.size()));
                out.add(new KillPoint(null, step, step.equals("cut-over") ? random.nextInt(2500) : random.nextInt(1500)));
            }
        }
        return out;
    }

    static String planFile(TestServer source, TestServer target, String db, Path appDir, Path hook) {
        return String.join("\n",
                "id: kill-" + db.replace('_', '-'),
                "source: {host: " + source.host() + ", port: " + source.port() + ", user: " + source.rootUser()
                        + ", password: '" + source.rootPassword() + "', allowPublicKeyRetrieval: true}",
                "target: {host: " + target.host() + ", port: " + target.port() + ", user: " + target.user()
                        + ", password: '${file:target.pw}', allowPublicKeyRetrieval: true}",
                "schemas: [" + db + "]",
                "transforms: [stripDefiners]",
                "dump: {threads: 2, chunkSize: 16KiB}",
                "load: {threads: 2}",
                "replication: {user: rk" + Math.abs(db.hashCode() % 10000) + ", password: 'Repl-pw-1', heartbeat: 200ms,"
                        + " catchUpTimeout: 2m, plannedDuration: 30m}",
                "guardrails: {guardWait: 30s, maxWriteDowntime: 30s}",
                "rollbackWindow: {user: bk" + Math.abs(db.hashCode() % 10000) + ", password: 'Back-pw-1'}",
                "hooks:",
                "  stopWrites: {command: [" + hook + ", " + appDir + ", pause]}",
                "  resumeWrites: {command: [" + hook + ", " + appDir + ", resume]}",
                "  switchToTarget: {command: [" + hook + ", " + appDir + ", use, target]}",
                "  switchToSource: {command: [" + hook + ", " + appDir + ", use, source]}",
                "pollInterval: 100ms",
                "");
    }

    @Test
    void aPlanKilledAnywhereResumesToTheSameEnd(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target,
            @TempDir Path tmp) throws Exception {
        PlanFixtures.prepareAuroraTarget(target);
        long seed = Long.getLong("kill.seed", System.nanoTime());
        Random random = new Random(seed);
        int rounds = Integer.getInteger("plan.kill.rounds", 3);
        List<KillPoint> points = killPoints(rounds, random);
        LOG.info("plan kill rounds: {} (seed {}): {}", rounds, seed, points);
        for (int round = 0; round < rounds; round++) {
            KillPoint kill = points.get(round);
            String db = PlanFixtures.tortureSource(source, "pk");
            Path dir = Files.createDirectories(tmp.resolve("round" + round));
            try (App app = new App(source, target, db, dir.resolve("app"))) {
                Path file = dir.resolve("plan.yaml");
                Files.writeString(dir.resolve("target.pw"), target.password());
                Files.writeString(file, planFile(source, target, db, app.dir(), App.hookScript(dir)));
                app.awaitWrites("source", 20, Duration.ofSeconds(30));
                String killed = runChild(file, "run", kill, target);
                LOG.info("round {} ({}): {}", round, kill, killed);
                String end = runChild(file, "run", null, target);
                assertThat(end).as("round %d (%s)", round, kill).isEqualTo("DONE WINDOW_OPEN");
                Plan plan = Plan.fromFile(file).build();
                PlanReport r = plan.status();
                assertResumedOnce(r, target, round + " (" + kill + ")");
                PlanFixtures.assertWindowCarriesWrites(app, source, target, db, 30);
                // the rollback (fallback first), killed half-way in every other round, resumed
                if (round % 2 == 1) {
                    String k = runChild(file, "rollback", new KillPoint(null, "rollback", 300 + random.nextInt(2500)), target);
                    LOG.info("round {}: rollback {}", round, k);
                }
                assertThat(runChild(file, "rollback", null, target)).as("round %d", round).isEqualTo("DONE ROLLED_BACK");
                assertThat(app.state()).startsWith("running source");
                long onTarget = app.writesTo("target");
                assertThat(PlanFixtures.appRows(source, db, "target")).as("every write the target took").isEqualTo(onTarget);
                assertThat(PlanFixtures.hasSchema(target, db)).isFalse();
                assertThat(PlanFixtures.replicates(source)).isFalse();
                assertThat(PlanFixtures.replicates(target)).isFalse();
            } finally {
                PlanFixtures.resetReplication(source, target);
            }
        }
    }

    /** Nothing done twice: one journal entry per chunk, no second configuration of replication, steps done once. */
    static void assertResumedOnce(PlanReport r, TestServer target, String round) {
        assertThat(r.state()).isEqualTo(PlanState.WINDOW_OPEN);
        for (String s : STEPS) {
            StepReport step = r.step(s).orElseThrow();
            assertThat(step.state()).as("round %s: %s", round, step).isEqualTo(StepState.DONE);
            assertThat(step.attempts()).as("round %s: %s", round, step).isBetween(1, 2);
        }
        String job = r.step("load").orElseThrow().output("jobId").orElseThrow();
        String counts = target.queryString("SELECT CONCAT(COUNT(*), '/', COUNT(DISTINCT chunk_id)) FROM "
                + "aurora_migrate.load_progress WHERE job_id = '" + job + "'").orElseThrow();
        String[] n = counts.split("/");
        assertThat(n[0]).as("round %s: each chunk journaled once", round).isEqualTo(n[1]);
        assertThat(Long.parseLong(n[0])).isPositive();
        long configured = r.decisions().stream().filter(d -> d.step().equals("replicate")
                && d.text().contains("adopted, not configured again")).count();
        StepReport replicate = r.step("replicate").orElseThrow();
        assertThat(configured).as("round %s: an interrupted replicate step adopts what it configured", round)
                .isLessThanOrEqualTo(replicate.attempts() - 1L);
    }

    /**
     * Runs the child; kills it (SIGKILL) at the kill point, or lets it finish.
     *
     * @return its last line: DONE/FAILED..., or "killed ..." with where
     */
    static String runChild(Path file, String command, KillPoint kill, TestServer target) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                ChildPlan.class.getName(), file.toString(), command));
        if (kill != null && kill.boundary() != null) {
            cmd.add(kill.boundary());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        StringBuilder log = new StringBuilder();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            long stepStarted = 0;
            while ((line = out.readLine()) != null) {
                log.append(line).append('\n');
                if (line.startsWith("DONE ") || line.startsWith("FAILED ")) {
                    last = line;
                }
                if (kill == null) {
                    continue;
                }
                if (line.startsWith("BOUNDARY ")) {
                    p.destroyForcibly();
                    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    return "killed " + line;
                }
                if (kill.step() != null && stepStarted == 0 && (line.equals("STEP " + kill.step() + ":started")
                        || kill.step().equals("rollback") && line.equals("STARTED"))) {
                    stepStarted = System.nanoTime();
                    Thread killer = new Thread(() -> {
                        try {
                            if (!p.waitFor(kill.delayMillis(), TimeUnit.MILLISECONDS)) {
                                p.destroyForcibly();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    killer.setDaemon(true);
                    killer.start();
                }
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
            p.waitFor(30, TimeUnit.SECONDS);
        }
        if (kill != null && last == null) {
            return "killed " + kill;
        }
        assertThat(last).as(log.toString()).isNotNull();
        if (last.startsWith("FAILED")) {
            LOG.warn("child output:\n{}", log);
        }
        return last;
    }
}

package io.github.auroramigrate.plan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.plan.Plan;
import io.github.auroramigrate.plan.PlanException;
import io.github.auroramigrate.plan.PlanHooks;
import io.github.auroramigrate.plan.PlanReport;
import io.github.auroramigrate.plan.PlanState;
import io.github.auroramigrate.plan.PlanStep;
import io.github.auroramigrate.plan.StepReport;
import io.github.auroramigrate.plan.StepState;
import io.github.auroramigrate.plan.Steps;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shadow checklist from every point of the checklist, MySQL 8.0 -> Aurora-like 3 with the application writing:
 * the plan runs up to and including step k (in every other round a failing step follows it, so the rollback starts from
 * a FAILED plan), then rolls back. Each time it ends in the documented state: the application on the source and
 * writing, no replication either way, the target's schema dropped, the plan's accounts dropped, the dump kept, every
 * step that ran ROLLED_BACK with its rollback timed.
 */
@ExtendWith(TestServersExtension.class)
class RollbackFromEachStepIT {

    @Test
    void everyStepRollsBackToTheDocumentedState(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target,
            @TempDir Path tmp) throws Exception {
        PlanFixtures.prepareAuroraTarget(target);
        List<PlanStep> all = Steps.nearZeroDowntime();
        for (int k = 0; k < all.size() - 1; k++) {
            String db = PlanFixtures.tortureSource(source, "rb");
            Path dir = Files.createDirectories(tmp.resolve("k" + k));
            List<PlanStep> steps = new ArrayList<>(all.subList(0, k + 1));
            boolean failAfter = k % 2 == 1;
            if (failAfter) {
                steps.add(Steps.hook("fails", () -> {
                    throw new IllegalStateException("a step that fails");
                }, PlanHooks.none()));
            }
            String last = all.get(k).name();
            try (App app = new App(source, target, db, dir.resolve("app"))) {
                Plan plan = NearZeroDowntimeIT.plan(source, target, db, app, dir.resolve("journal")).steps(steps).build();
                app.awaitWrites("source", 10, Duration.ofSeconds(30));
                if (failAfter) {
                    PlanException e = catchThrowableOfType(plan::run, PlanException.class);
                    assertThat(e.code()).as("k=%d", k).isEqualTo(DiagnosisCode.HOOK_FAILED);
                    assertThat(plan.status().state()).isEqualTo(PlanState.FAILED);
                } else {
                    assertThat(plan.run().state()).as("k=%d", k).isEqualTo(PlanState.COMPLETED);
                }
                if (last.equals("cut-over")) {
                    PlanFixtures.assertWindowCarriesWrites(app, source, target, db, 20);
                }
                PlanReport back = plan.rollback();
                assertThat(back.state()).as("k=%d (%s)", k, last).isEqualTo(PlanState.ROLLED_BACK);
                for (StepReport s : back.steps()) {
                    assertThat(s.state()).as("k=%d: %s", k, s).isEqualTo(StepState.ROLLED_BACK);
                    assertThat(s.rollbackDetail()).as("k=%d: %s", k, s).isNotEmpty();
                }
                // the documented end state
                app.awaitWrites("source", 10, Duration.ofSeconds(30));
                assertThat(app.state()).startsWith("running source");
                assertThat(PlanFixtures.appRows(source, db, "target")).as("k=%d: every write the target took", k)
                        .isEqualTo(app.writesTo("target"));
                assertThat(PlanFixtures.replicates(source)).as("k=%d", k).isFalse();
                assertThat(PlanFixtures.replicates(target)).as("k=%d", k).isFalse();
                assertThat(PlanFixtures.hasSchema(target, db)).as("k=%d: target schema dropped", k).isFalse();
                assertThat(source.queryString("SELECT COUNT(*) FROM mysql.user WHERE user = '"
                        + NearZeroDowntimeIT.replUser(db) + "'")).as("k=%d", k).contains("0");
                assertThat(Files.exists(dir.resolve("journal/dump/manifest.json"))).as("k=%d: the dump is kept", k)
                        .isEqualTo(k >= all.indexOf(Steps.dump()));
                // the next attempt of the same plan starts from the beginning
                assertThat(plan.status().attempt()).isEqualTo(1);
            } finally {
                PlanFixtures.resetReplication(source, target);
            }
        }
    }
}

package io.github.auroramigrate.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.plan.PlanException;
import io.github.auroramigrate.plan.PlanHooks;
import io.github.auroramigrate.plan.PlanListener;
import io.github.auroramigrate.plan.PlanReport;
import io.github.auroramigrate.plan.PlanState;
import io.github.auroramigrate.plan.PlanStep;
import io.github.auroramigrate.plan.StepState;
import io.github.auroramigrate.plan.Steps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal: every change on disk before the call returns (read back by a second journal object, as a new process
 * would), steps that ran may not change, pending ones may, a foreign or newer journal is refused, the suspension marker.
 */
class JournalTest {
    static final PlanListener QUIET = new PlanListener() { };

    static List<PlanStep> steps(String third) {
        return List.of(Steps.hook("a", PlanHooks.none(), PlanHooks.none()), Steps.hook("b", PlanHooks.none(),
                PlanHooks.none()), Steps.hook(third, PlanHooks.none(), PlanHooks.none()));
    }

    @Test
    void everyChangeIsDurableAndReadBack(@TempDir Path dir) throws Exception {
        JournalStore store = JournalStore.directory(dir);
        Journal j = Journal.open(store, "p1", steps("c"), QUIET);
        j.state(PlanState.RUNNING);
        j.stepStarted("a");
        j.record("a", "binlogPosition", "binlog.000002:155");
        j.stepEnded("a", StepState.DONE, 1_500_000_000L, "ok");
        j.stepStarted("b");
        j.decision("b", "guardrail passed");
        // a second process reads what the first was told is durable
        PlanReport r = Journal.report(Journal.peek(store).orElseThrow(), java.time.Duration.ZERO, "");
        assertThat(r.state()).isEqualTo(PlanState.RUNNING);
        assertThat(r.step("a").orElseThrow().state()).isEqualTo(StepState.DONE);
        assertThat(r.step("a").orElseThrow().duration()).hasMillis(1500);
        assertThat(r.step("a").orElseThrow().output("binlogPosition")).contains("binlog.000002:155");
        assertThat(r.step("b").orElseThrow().state()).isEqualTo(StepState.RUNNING);
        assertThat(r.step("b").orElseThrow().attempts()).isEqualTo(1);
        assertThat(r.decisions()).singleElement().satisfies(d -> assertThat(d.text()).isEqualTo("guardrail passed"));
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("journal.json");
        String json = Files.readString(dir.resolve("journal.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"format\" : \"aurora-migrate-plan-journal\"", "\"version\" : 1");
    }

    @Test
    void stepsThatRanCannotChangeButPendingOnesCan(@TempDir Path dir) {
        JournalStore store = JournalStore.directory(dir);
        Journal j = Journal.open(store, "p2", steps("c"), QUIET);
        j.stepStarted("a");
        j.stepEnded("a", StepState.DONE, 1, "");
        // the pending third step is renamed, a fourth is added: fine
        Journal again = Journal.open(store, "p2", List.of(steps("c2").get(0), steps("c2").get(1), steps("c2").get(2),
                Steps.hook("d", PlanHooks.none(), PlanHooks.none())), QUIET);
        assertThat(again.stepNames()).containsExactly("a", "b", "c2", "d");
        // the step that ran is replaced: refused
        assertThatThrownBy(() -> Journal.open(store, "p2", List.of(Steps.hook("x", PlanHooks.none(), PlanHooks.none())),
                QUIET)).isInstanceOfSatisfying(PlanException.class, e -> {
                    assertThat(e.code()).isEqualTo(DiagnosisCode.PLAN_CHANGED);
                    assertThat(e.getMessage()).contains("was 'a'");
                });
        // another plan's journal: refused
        assertThatThrownBy(() -> Journal.open(store, "other", steps("c"), QUIET))
                .isInstanceOfSatisfying(PlanException.class, e -> assertThat(e.code()).isEqualTo(DiagnosisCode.PLAN_JOURNAL));
    }

    @Test
    void aNewerOrBrokenJournalIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("journal.json"), "{\"format\":\"aurora-migrate-plan-journal\",\"version\":99,\"planId\":\"p\"}");
        assertThatThrownBy(() -> Journal.open(JournalStore.directory(dir), "p", steps("c"), QUIET))
                .hasMessageContaining("version 99");
        Files.writeString(dir.resolve("journal.json"), "{ not json");
        assertThatThrownBy(() -> Journal.open(JournalStore.directory(dir), "p", steps("c"), QUIET))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aSuspensionRequestIsAMarkerAnyProcessCanWrite(@TempDir Path dir) {
        JournalStore store = JournalStore.directory(dir);
        Journal j = Journal.open(store, "p3", steps("c"), QUIET);
        assertThat(j.suspendRequested()).isFalse();
        Journal.requestSuspend(JournalStore.directory(dir));
        assertThat(j.suspendRequested()).isTrue();
        j.clearSuspendRequest();
        assertThat(j.suspendRequested()).isFalse();
    }

    @Test
    void theNextAttemptKeepsTheLastOneInTheHistory(@TempDir Path dir) {
        JournalStore store = JournalStore.directory(dir);
        Journal j = Journal.open(store, "p4", steps("c"), QUIET);
        j.stepStarted("a");
        j.stepEnded("a", StepState.DONE, 5, "");
        j.state(PlanState.ROLLED_BACK);
        j.nextAttempt();
        JournalDoc doc = Journal.peek(store).orElseThrow();
        assertThat(doc.attempt).isEqualTo(2);
        assertThat(doc.history).singleElement().satisfies(a -> {
            assertThat(a.state).isEqualTo(PlanState.ROLLED_BACK);
            assertThat(a.steps.get(0).state).isEqualTo(StepState.DONE);
        });
        assertThat(doc.steps.get(0).state).isEqualTo(StepState.PENDING);
    }
}

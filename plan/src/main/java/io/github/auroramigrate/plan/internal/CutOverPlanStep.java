package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.plan.Guardrails;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.cutover.CutOver;
import io.github.auroramigrate.replication.cutover.CutOverException;
import io.github.auroramigrate.replication.cutover.CutOverListener;
import io.github.auroramigrate.replication.cutover.CutOverReport;
import io.github.auroramigrate.replication.cutover.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The plan's cut-over: guardrails (waited for, else refused with writes never stopped), then the replication module's
 * {@link CutOver} - stop writes (the hook, then "no write transaction still open"), final position and zero lag,
 * verification, stop replication, open the rollback window (reverse replication from the target's position, before
 * any write reaches the target), switch - all within the writes-stopped bound; then writes resume (on the target) and
 * forward replication is reset. Each phase is journaled: a run killed before the switch began is undone (writes
 * resume on the source, replication restarts, the reverse channel is reset) and redone; one killed after the switch
 * began goes forward. Its rollback is the fallback to the old source (see {@link Window}).
 *
 * <pre>{@code
 * PlanStep cut = new CutOverPlanStep(null);
 * }</pre>
 */
public final class CutOverPlanStep extends LibraryStep implements Gate {
    static final String STOPPING = "writesStoppedAt";
    static final String SWITCHING = "switchingAt";
    static final String SWITCHED = "switchedAt";

    /** @param s settings, or null */
    public CutOverPlanStep(PlanSettings s) {
        super("cut-over", "Cut over behind guardrails: replication healthy, heartbeat lag low, no long transaction or "
                + "DDL on the source; stop writes, catch up, verify, stop replication, open the rollback window "
                + "(reverse replication), switch the applications, resume writes on the target",
                "fall back: stop writes, let the old source catch up through reverse replication, verify, switch the "
                        + "applications back, resume writes on the source (or, if interrupted before the switch, resume "
                        + "writes on the source and restart replication)", s);
    }

    @Override
    public LibraryStep bind(PlanSettings s) {
        return new CutOverPlanStep(s);
    }

    @Override
    public Resumption resumption() {
        return Resumption.UNDO_THEN_REDO;
    }

    @Override
    protected String config(PlanSettings s) {
        Guardrails g = s.guardrails();
        return s.schemas() + "|" + g + "|" + (s.window() == null ? "no window" : "window");
    }

    @Override
    protected void run(RunContext ctx) throws Exception {
        PlanSettings s = settings();
        Map<String, String> out = ctx.outputs();
        if (out.containsKey(SWITCHING)) {
            ctx.decision("the cut-over was interrupted after the switch began: it goes forward (switch hook again, "
                    + "writes resume on the target)");
            Hooks.run(s.switchToTarget(), "switch-to-target");
            finish(ctx);
            return;
        }
        if (out.containsKey(STOPPING)) {
            ctx.decision("the cut-over was interrupted before the switch: undone (reverse replication reset, replication "
                    + "restarted, writes resumed on the source), then redone");
            undoPartial(ctx);
        }
        Replication forward = ctx.resources().forward();
        forward.startHeartbeat();
        Guardrails g = s.guardrails();
        Guards.before(ctx, forward, g);
        Duration quiet = g.guardWait().compareTo(g.maxWriteDowntime()) < 0 ? g.guardWait() : g.maxWriteDowntime();
        CutOver.Builder cut = CutOver.of(forward)
                .stopWrites(() -> {
                    ctx.record(STOPPING, Instant.now().toString());
                    Hooks.run(s.stopWrites(), "stop-writes");
                    Guards.writesStopped(ctx, ctx.source(), "source", quiet);
                })
                .resumeWrites(() -> Hooks.run(s.resumeWrites(), "resume-writes"))
                .catchUpTimeout(s.catchUpTimeout())
                .verify(ReplicationSteps.verify(s))
                .resetReplication(false)
                .maxWriteDowntime(g.maxWriteDowntime())
                .switchApplications(() -> {
                    ctx.record(SWITCHING, Instant.now().toString());
                    Hooks.run(s.switchToTarget(), "switch-to-target");
                })
                .listener(new CutOverListener() {
                    @Override
                    public void stepFinished(StepResult r) {
                        ctx.decision("cut-over " + r);
                    }
                });
        if (s.window() != null) {
            cut.beforeSwitch(() -> Window.open(ctx), () -> Window.close(ctx));
        }
        try {
            CutOverReport r = cut.build().run();
            ctx.record("writeDowntime", Human.duration(r.writeDowntime()));
            r.finalSourcePosition().ifPresent(p -> ctx.record("finalSourcePosition", p.toString()));
            r.verification().ifPresent(v -> ctx.record("verification", v.summary()));
        } catch (CutOverException e) {
            if (e.report().sourceTakesWrites()) {
                ctx.forget(STOPPING);
            }
            throw e;
        }
        finish(ctx);
    }

    /** After the switch: writes resume (on the target), forward replication is reset for good. */
    private void finish(RunContext ctx) throws InterruptedException {
        Hooks.run(settings().resumeWrites(), "resume-writes");
        Replication forward = ctx.resources().forward();
        forward.stopHeartbeat();
        if (forward.status().configured()) {
            forward.reset();
        }
        if (!ctx.outputs().containsKey(SWITCHED)) {
            ctx.record(SWITCHED, Instant.now().toString());
        }
        ctx.summary("applications on the target" + (settings().window() == null ? "" : "; rollback window open "
                + "(reverse replication from " + ctx.outputs().getOrDefault(Window.FROM, "?") + ")") + "; writes were stopped for "
                + ctx.outputs().getOrDefault("writeDowntime", "?"));
    }

    /** Undoes a cut-over interrupted before the switch: reverse channel reset, replication restarted, writes resumed. */
    private void undoPartial(RunContext ctx) throws InterruptedException {
        if (settings().window() != null) {
            Window.close(ctx);
        }
        Replication forward = ctx.resources().forward();
        ReplicaStatus st = forward.status();
        if (st.configured() && !st.running() && !st.failed()) {
            forward.start();
        } else if (!st.configured()) {
            throw new MigrationException(Diagnosis.of(DiagnosisCode.REPLICATION_NOT_CONFIGURED, "The interrupted "
                    + "cut-over left no replication on the target, so it cannot be redone; roll the plan back"));
        }
        Hooks.run(settings().resumeWrites(), "resume-writes");
        ctx.forget(STOPPING);
    }

    @Override
    protected void rollback(RunContext ctx) throws Exception {
        Map<String, String> out = ctx.outputs();
        if (out.containsKey(SWITCHING) || out.containsKey(SWITCHED)) {
            Window.fallback(ctx);
        } else if (out.containsKey(STOPPING)) {
            undoPartial(ctx);
            ctx.summary("the interrupted cut-over was undone: writes resumed on the source, replication restarted");
        } else {
            ctx.summary("the cut-over had not begun (or rolled itself back): nothing to undo");
        }
    }

    @Override
    public Optional<String> waitFor(RunContext ctx) {
        return Optional.empty();
    }

    @Override
    public Optional<String> rollbackRefusal(RunContext ctx) {
        Map<String, String> out = ctx.outputs();
        if (settings().window() == null && (out.containsKey(SWITCHING) || out.containsKey(SWITCHED))) {
            return Optional.of("The plan cut over without a rollback window: the old source has not received the "
                    + "target's writes since, so switching back would lose them");
        }
        return Optional.empty();
    }
}

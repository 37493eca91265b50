package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rollback window: reverse replication (the old source replicates from the target) opened at the cut-over before
 * any write reaches the target, the fallback through it, and its close - the plan's last step, a {@link Gate} the plan
 * waits at until the window has been open as long as configured or is closed on request. After it closed, a rollback
 * is refused (it would lose the target's writes).
 *
 * <pre>{@code
 * Window.open(ctx);        // in the cut-over, after replication stopped, before the switch
 * Window.fallback(ctx);    // the cut-over step's rollback
 * }</pre>
 */
public final class Window extends LibraryStep implements Gate {
    static final String FROM = "reverseFrom";
    static final String VERIFIED = "fallbackVerifiedAt";
    static final String FELL_BACK = "fellBackAt";

    /** @param s settings, or null */
    public Window(PlanSettings s) {
        super("close-rollback-window", "Close the rollback window when it has been open long enough (or on request): "
                + "stop and reset reverse replication", "not possible: once closed, the old source misses the target's "
                + "writes", s);
    }

    @Override
    public LibraryStep bind(PlanSettings s) {
        return new Window(s);
    }

    @Override
    protected String config(PlanSettings s) {
        return s.window() == null ? "no window" : s.window().user() + "|" + s.window().keepOpenFor();
    }

    /** Opens the window: reverse replication from the target's current position. */
    static void open(RunContext ctx) {
        Replication probe = ctx.resources().reverse();
        BinlogPosition from = probe.sourcePosition();
        ctx.record(FROM, from.toString());
        Replication reverse = ctx.resources().reverseBuilder().startAt(from).build();
        ctx.resources().reverse(reverse);
        if (reverse.status().configured()) {
            reverse.reset();
        }
        reverse.configure();
        reverse.start();
        ctx.decision("rollback window opened: the old source replicates from the target from " + from);
    }

    /** Stops and resets reverse replication (idempotent). */
    static void close(RunContext ctx) {
        Replication reverse = ctx.resources().reverse();
        reverse.stopHeartbeat();
        if (reverse.status().configured()) {
            reverse.reset();
        }
    }

    /** The fallback: the applications back on the old source, with every write the target took. */
    static void fallback(RunContext ctx) throws Exception {
        PlanSettings s = ctx.settings();
        var out = ctx.outputs();
        if (!out.containsKey(FELL_BACK)) {
            Replication reverse = ctx.resources().reverse();
            if (!out.containsKey(VERIFIED)) {
                ReplicaStatus st = reverse.status();
                if (!st.configured()) {
                    throw new MigrationException(Diagnosis.of(DiagnosisCode.ROLLBACK_NOT_POSSIBLE, "Reverse replication "
                            + "is not configured on the old source, so it may lack the target's writes"));
                }
                Hooks.run(s.stopWrites(), "stop-writes");
                Guards.writesStopped(ctx, ctx.target(), "target", s.guardrails().maxWriteDowntime());
                long t0 = System.nanoTime();
                reverse.awaitCaughtUp(s.catchUpTimeout());
                VerifyResult v = ReplicationSteps.verify(s).run();
                if (!v.ok()) {
                    Hooks.run(s.resumeWrites(), "resume-writes");
                    throw new MigrationException(Diagnosis.of(DiagnosisCode.CUT_OVER_FAILED, "The fallback stopped: the "
                            + "old source does not match the target (" + v.summary() + "); the applications stay on the "
                            + "target and take writes again"));
                }
                ctx.record(VERIFIED, Instant.now().toString());
                ctx.decision("fallback: the old source caught up in " + Human.duration(Duration.ofNanos(System.nanoTime()
                        - t0)) + " and matches the target (" + v.summary() + ")");
            }
            close(ctx);
            ctx.record(FELL_BACK, Instant.now().toString());
        }
        Hooks.run(s.switchToSource(), "switch-to-source");
        Hooks.run(s.resumeWrites(), "resume-writes");
        ctx.summary("fell back: the applications use the old source again, with every write the target took");
    }

    @Override
    public Optional<String> waitFor(RunContext ctx) {
        PlanSettings s = settings();
        if (s.window() == null || ctx.windowCloseApproved()) {
            return Optional.empty();
        }
        Optional<String> opened = ctx.output("cut-over", CutOverPlanStep.SWITCHED);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Instant since = Instant.parse(opened.get());
        if (!s.window().keepOpenFor().isZero() && !Instant.now().isBefore(since.plus(s.window().keepOpenFor()))) {
            ctx.decision("the rollback window has been open " + Human.duration(s.window().keepOpenFor()) + ": it closes");
            return Optional.empty();
        }
        String reverse;
        try {
            ReplicaStatus st = ctx.resources().reverse().status();
            reverse = st.running() ? "reverse replication running, applied up to " + st.executed().map(Object::toString)
                    .orElse("?") : "reverse replication NOT running: " + st;
        } catch (MigrationException e) {
            reverse = "reverse replication status unreadable: " + e.diagnosis().message();
        }
        return Optional.of("rollback window open since " + since + (s.window().keepOpenFor().isZero() ? ""
                : " until " + since.plus(s.window().keepOpenFor())) + " (" + reverse + "); close it with "
                + "closeRollbackWindow(), or fall back with rollback()");
    }

    @Override
    public Optional<String> rollbackRefusal(RunContext ctx) {
        return Optional.of("The rollback window of plan '" + ctx.planId() + "' is closed (or closing): the old source no "
                + "longer receives the target's writes, so switching back would lose them");
    }

    @Override
    protected void run(RunContext ctx) {
        if (settings().window() == null) {
            ctx.summary("no rollback window");
            return;
        }
        close(ctx);
        ctx.record("closedAt", Instant.now().toString());
        ctx.summary("rollback window closed: reverse replication stopped and reset");
    }

    @Override
    protected void rollback(RunContext ctx) {
        throw new MigrationException(Diagnosis.of(DiagnosisCode.ROLLBACK_NOT_POSSIBLE, rollbackRefusal(ctx).orElseThrow()));
    }
}

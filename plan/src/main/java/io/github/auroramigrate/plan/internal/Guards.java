package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.plan.Guardrails;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.SourceActivity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cut-over guardrails of a plan: before writes stop, replication healthy, heartbeat lag under the bound, no long
 * write transaction and no DDL on the source - waited for, then refused; after writes stop, no write transaction
 * still open on the source. Every verdict is recorded as a decision. Stateless.
 *
 * <pre>{@code
 * Guards.before(ctx, forward, guardrails);   // returns when they pass, throws CUT_OVER_REFUSED when they do not
 * }</pre>
 */
public final class Guards {
    private Guards() {
    }

    /**
     * Waits until every guardrail passes.
     *
     * @throws MigrationException CUT_OVER_REFUSED after {@link Guardrails#guardWait()}, naming what did not pass
     */
    public static void before(RunContext ctx, Replication forward, Guardrails g) throws InterruptedException {
        List<String> last = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        long t0 = System.nanoTime();
        boolean ok = Suspendable.await(ctx, g.guardWait(), () -> {
            passed.clear();
            List<String> fails = evaluate(ctx.source(), forward, g, passed);
            if (!fails.isEmpty() && !fails.equals(last)) {
                ctx.decision("guardrails not passed yet, waiting (up to " + Human.duration(g.guardWait()) + "): "
                        + String.join("; ", fails));
            }
            last.clear();
            last.addAll(fails);
            return fails.isEmpty();
        });
        if (!ok) {
            String why = String.join("; ", last);
            ctx.decision("cut-over REFUSED after waiting " + Human.duration(Duration.ofNanos(System.nanoTime() - t0))
                    + ": " + why + " (writes were never stopped)");
            throw new MigrationException(Diagnosis.of(DiagnosisCode.CUT_OVER_REFUSED, "The cut-over did not start: " + why));
        }
        ctx.decision("guardrails passed: " + String.join("; ", passed));
    }

    /** @return what does not pass, empty when all do; what passes is added to {@code passed} */
    static List<String> evaluate(Endpoint source, Replication forward, Guardrails g, List<String> passed) {
        List<String> fails = new ArrayList<>();
        ReplicaStatus s = forward.status();
        if (s.running() && !s.failed()) {
            passed.add("replication running");
        } else {
            fails.add("replication is not healthy (" + (s.failed() ? s.lastSqlErrno() != 0 ? s.lastSqlError()
                    : s.lastIoError() : "I/O " + s.ioThread() + ", SQL " + s.sqlThread()) + ")");
        }
        Optional<Duration> lag = forward.lag().heartbeat();
        if (lag.isEmpty()) {
            fails.add("no heartbeat lag reading yet");
        } else if (lag.get().compareTo(g.maxLag()) >= 0) {
            fails.add("heartbeat lag " + Human.duration(lag.get()) + " is not under " + Human.duration(g.maxLag()));
        } else {
            passed.add("heartbeat lag " + Human.duration(lag.get()) + " < " + Human.duration(g.maxLag()));
        }
        SourceActivity a = SourceActivity.read(source);
        List<SourceActivity.OpenTransaction> old = a.writingLongerThan(g.maxTransactionAge());
        if (old.isEmpty()) {
            passed.add("no write transaction open longer than " + Human.duration(g.maxTransactionAge()));
        } else {
            fails.add("long transaction on the source: " + old.get(0) + (old.size() > 1 ? " (and " + (old.size() - 1)
                    + " more)" : ""));
        }
        if (a.ddl().isEmpty()) {
            passed.add("no DDL in flight");
        } else {
            fails.add("DDL in flight on the source: " + a.ddl().get(0));
        }
        return fails;
    }

    /**
     * After the stop-writes hook: waits until no write transaction is open on the source.
     *
     * @throws MigrationException CUT_OVER_FAILED when one stays open for {@code timeout} (the cut-over rolls back)
     */
    public static void writesStopped(RunContext ctx, Endpoint source, String side, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            SourceActivity a = SourceActivity.read(source);
            if (a.writing().isEmpty() && a.ddl().isEmpty()) {
                ctx.decision("writes stopped: no write transaction or DDL open on the " + side);
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                String why = a.writing().isEmpty() ? a.ddl().get(0).toString() : a.writing().get(0).toString();
                ctx.decision("writes did NOT stop within " + Human.duration(timeout) + ": " + why);
                throw new MigrationException(Diagnosis.of(DiagnosisCode.CUT_OVER_FAILED, "Writes did not stop on the "
                        + side + " after the stop-writes hook: " + why)
                        .withAdvice("Make the stop-writes hook pause every writer (batch jobs too) and wait for their "
                                + "last transaction."));
            }
            Thread.sleep(Math.max(20, ctx.settings().pollInterval().toMillis()));
        }
    }
}

package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.diagnose.MigrationException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Long work a suspension may stop half-way: it runs on a thread of its own while the step's thread watches for a
 * suspension request; when one comes the worker is interrupted (a dump or load cancels on interrupt, and a load's
 * journal keeps what it committed) and the step stops with the suspension. Also a poll loop for waits.
 *
 * <pre>{@code
 * LoadResult r = Suspendable.call(ctx, "load", () -> load.run());
 * Suspendable.await(ctx, Duration.ofMinutes(5), () -> lagIsLow());
 * }</pre>
 */
public final class Suspendable {
    private Suspendable() {
    }

    /**
     * Runs {@code work} until it ends or a suspension is asked for.
     *
     * @throws io.github.auroramigrate.plan.PlanException CANCELLED (a suspension) when one was asked for
     * @throws Exception                                 what the work threw
     */
    public static <T> T call(RunContext ctx, String what, Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, "aurora-plan-" + ctx.planId() + "-" + what);
        t.setDaemon(true);
        t.start();
        long poll = Math.max(50, ctx.settings().pollInterval().toMillis());
        try {
            while (true) {
                try {
                    return task.get(poll, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (ctx.suspendRequested()) {
                        t.interrupt();
                        try {
                            task.get();
                        } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
                            // the work ended because of the interrupt
                        }
                        throw RunContext.suspended(ctx.planId(), ctx.stepName());
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /**
     * Polls {@code condition} every poll interval until it holds, a suspension is asked for, or {@code timeout} passes.
     *
     * @return whether it held
     * @throws io.github.auroramigrate.plan.PlanException CANCELLED when a suspension was asked for
     */
    public static boolean await(RunContext ctx, Duration timeout, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.get()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            ctx.checkpoint();
            Thread.sleep(Math.max(20, ctx.settings().pollInterval().toMillis()));
        }
    }

    /** @return whether {@code e} is a suspension */
    public static boolean isSuspension(Throwable e) {
        return e instanceof MigrationException me
                && me.code() == io.github.auroramigrate.core.diagnose.DiagnosisCode.CANCELLED;
    }
}

package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.plan.PlanException;
import io.github.auroramigrate.plan.PlanExecution;
import io.github.auroramigrate.plan.PlanReport;
import io.github.auroramigrate.plan.PlanStep;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A plan running on a thread of its own ({@code Plan.start()}). Thread-safe.
 *
 * <pre>{@code
 * try (PlanExecution e = Execution.start(settings, steps)) { e.suspend(); e.await(); }
 * }</pre>
 */
public final class Execution implements PlanExecution {
    private final AtomicBoolean suspend = new AtomicBoolean();
    private final CompletableFuture<PlanReport> result = new CompletableFuture<>();

    private Execution() {
    }

    /** @return the running plan */
    public static Execution start(PlanSettings settings, List<PlanStep> steps) {
        Execution e = new Execution();
        Thread t = new Thread(() -> {
            try {
                e.result.complete(new Runner(settings, steps, e.suspend).run(false));
            } catch (Throwable x) {
                e.result.completeExceptionally(x);
            }
        }, "aurora-plan-" + settings.id());
        t.setDaemon(true);
        t.start();
        return e;
    }

    @Override
    public void suspend() {
        suspend.set(true);
    }

    @Override
    public PlanReport await() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the plan", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    @Override
    public Optional<PlanReport> await(Duration timeout) {
        try {
            return Optional.of(result.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the plan", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof PlanException p) {
            return p;
        }
        if (t instanceof MigrationException m) {
            return new PlanException(m.diagnosis(), null, m);
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    @Override
    public void close() {
        suspend();
        try {
            await();
        } catch (RuntimeException e) {
            // the failure was the caller's to see through await(); closing only stops the plan
        }
    }
}

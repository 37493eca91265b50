package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.internal.text.Human;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The writes-stopped window of one cut-over and its bound: how long is left, and work cut short at the bound. With no
 * bound every call just runs its work. Not thread-safe: one per cut-over run.
 *
 * <pre>{@code
 * WriteWindow w = new WriteWindow(System.nanoTime(), Duration.ofSeconds(30));
 * w.bounded(Duration.ofMinutes(5), "the catch-up", t -> repl.awaitPosition(pos, t));
 * w.check("stopping replication");
 * }</pre>
 */
public final class WriteWindow {
    private final long stoppedAt;
    private final Duration max;

    /**
     * @param stoppedAtNanos {@link System#nanoTime()} when writes stopped
     * @param max            the bound, or null for none
     */
    public WriteWindow(long stoppedAtNanos, Duration max) {
        this.stoppedAt = stoppedAtNanos;
        this.max = max;
    }

    /** @return how long writes have been stopped */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - stoppedAt);
    }

    private Duration remaining() {
        return max.minus(elapsed());
    }

    /**
     * @throws MigrationException CUT_OVER_FAILED when writes have been stopped longer than the bound
     */
    public void check(String during) {
        if (max != null && remaining().isNegative()) {
            throw exceeded(during);
        }
    }

    private MigrationException exceeded(String during) {
        return new MigrationException(Diagnosis.of(DiagnosisCode.CUT_OVER_FAILED, "Writes have been stopped for "
                + Human.duration(elapsed()) + ", longer than maxWriteDowntime " + Human.duration(max) + " allows ("
                + during + " did not finish in time)")
                .withAdvice("The cut-over rolls back so the source takes writes again; run it when replication lag is "
                        + "lower, or allow a longer window."));
    }

    /**
     * Runs {@code action} with {@code timeout}, or with what is left of the window when that is shorter; a timeout
     * caused by the window is reported as the window's.
     */
    public <T> T bounded(Duration timeout, String what, Function<Duration, T> action) {
        if (max == null) {
            return action.apply(timeout);
        }
        check(what);
        Duration left = remaining();
        if (timeout.compareTo(left) <= 0) {
            T out = action.apply(timeout);
            check(what);
            return out;
        }
        try {
            T out = action.apply(left);
            check(what);
            return out;
        } catch (MigrationException e) {
            if (e.code() == DiagnosisCode.REPLICATION_CATCH_UP_TIMEOUT) {
                throw exceeded(what);
            }
            throw e;
        }
    }

    /** Runs {@code action} on a helper thread and gives up (interrupting it) when the window ends. */
    public <T> T call(String what, Callable<T> action) throws Exception {
        if (max == null) {
            return action.call();
        }
        check(what);
        FutureTask<T> task = new FutureTask<>(action);
        Thread t = new Thread(task, "aurora-cutover-bounded");
        t.setDaemon(true);
        t.start();
        try {
            T out = task.get(Math.max(1, remaining().toMillis()), TimeUnit.MILLISECONDS);
            check(what);
            return out;
        } catch (TimeoutException e) {
            task.cancel(true);
            throw exceeded(what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}

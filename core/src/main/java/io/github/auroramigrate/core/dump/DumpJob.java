package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A dump running in the background, from {@link Dump#start()}. {@link #close()} cancels it (and waits for it to
 * stop); {@link #await()} waits for the result.
 *
 * <pre>{@code
 * try (DumpJob job = dump.start()) {
 *     while (!job.isDone()) { System.out.println(job.progress()); Thread.sleep(5000); }
 *     DumpResult r = job.await();
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class DumpJob implements AutoCloseable {
    private final DumpRun run;
    private final CompletableFuture<DumpResult> result = new CompletableFuture<>();
    private final Thread thread;

    DumpJob(DumpRun run) {
        this.run = run;
        this.thread = new Thread(() -> {
            try {
                result.complete(run.run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "aurora-" + run.job() + "-coordinator");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** @return a snapshot of the progress so far */
    public DumpProgress progress() {
        return run.progress();
    }

    /** @return whether the dump has completed, failed or been cancelled */
    public boolean isDone() {
        return result.isDone();
    }

    /**
     * Waits for the dump to end.
     *
     * @return the result
     * @throws DumpException when the dump failed or was cancelled (code {@link DiagnosisCode#CANCELLED}); when the
     *                       waiting thread is interrupted, the dump is cancelled
     */
    public DumpResult await() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new DumpException(Diagnosis.of(DiagnosisCode.CANCELLED, "interrupted while waiting for the dump"), e,
                    null, 0);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /**
     * Waits at most {@code timeout} for the dump to end.
     *
     * @return the result, or null when it is still running
     */
    public DumpResult await(Duration timeout) {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new DumpException(Diagnosis.of(DiagnosisCode.CANCELLED, "interrupted while waiting for the dump"), e,
                    null, 0);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static RuntimeException unwrap(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(t);
    }

    /** Cancels the dump if it is still running and waits for its threads to let go. Idempotent. */
    @Override
    public void close() {
        if (!result.isDone()) {
            run.cancel();
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "DumpJob{" + run + ", " + (isDone() ? "done" : "running") + "}";
    }
}

package io.github.auroramigrate.core.load;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How far a load is into a SQL file another tool wrote ({@link LoadSources#sqlFile}), handed to
 * {@link LoadListener#scriptProgress}: bytes of the file as stored (compressed bytes for a {@code .gz}, as {@code pv}
 * counts them), statements run and rows changed so far. Immutable.
 *
 * <pre>{@code
 * public void scriptProgress(ScriptProgress p) {
 *     System.out.printf("%s: %.0f%%, %d statements%n", p.script(), 100 * p.fraction().orElse(0), p.statements());
 * }
 * }</pre>
 *
 * @param jobId      the load job
 * @param script     the file's name
 * @param bytesRead  bytes of the file read so far (as stored)
 * @param bytesTotal the file's size as stored, or -1 when unknown
 * @param statements statements of the file read and run (or skipped as run by an earlier run) so far, {@code SET} and
 *                   {@code USE} included
 * @param rows       rows the file's data statements changed so far in this run
 * @param elapsed    time since the file was opened
 * @param finished   whether this is the last report for the file (it was read to its end)
 */
public record ScriptProgress(String jobId, String script, long bytesRead, long bytesTotal, long statements, long rows,
        Duration elapsed, boolean finished) {
    /** Validates non-null parts. */
    public ScriptProgress {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** @return the share of the file read, 0 to 1, when its size is known */
    public OptionalDouble fraction() {
        return bytesTotal <= 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1.0, (double) bytesRead / bytesTotal));
    }
}

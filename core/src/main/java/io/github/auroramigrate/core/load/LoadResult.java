package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.github.auroramigrate.core.verify.VerifyResult;

/**
 * The outcome of a {@link Load}: per table rows and timings, chunks loaded versus skipped (already in the journal
 * from an earlier run), statements executed, and warnings such as a LOCAL_INFILE_DISABLED fallback.
 *
 * <pre>{@code
 * LoadResult r = load.run();
 * if (r.nothingToDo()) { log.info("already complete"); }
 * }</pre>
 *
 * @param jobId              the load job
 * @param method             how data was sent (never AUTO)
 * @param tables             per table results, in first-chunk order
 * @param chunksLoaded       chunks committed by this run
 * @param chunksSkipped      chunks found committed by an earlier run
 * @param rowsLoaded         rows loaded by this run
 * @param statementsExecuted DDL statements executed by this run
 * @param statementsSkipped  DDL statements found executed by an earlier run
 * @param elapsed            wall-clock time of the run
 * @param warnings           things the user should know that did not stop the load
 * @param verifyResult       the comparison with the dump's manifest when asked for ({@code Load.Builder.verify}), else null
 */
public record LoadResult(String jobId, LoadMethod method, List<TableLoadResult> tables, int chunksLoaded, int chunksSkipped,
        long rowsLoaded, int statementsExecuted, int statementsSkipped, Duration elapsed, List<Diagnosis> warnings,
        VerifyResult verifyResult) {
    /** Validates and copies. */
    public LoadResult {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(elapsed, "elapsed");
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
    }

    /** A result without verification. */
    public LoadResult(String jobId, LoadMethod method, List<TableLoadResult> tables, int chunksLoaded, int chunksSkipped,
            long rowsLoaded, int statementsExecuted, int statementsSkipped, Duration elapsed, List<Diagnosis> warnings) {
        this(jobId, method, tables, chunksLoaded, chunksSkipped, rowsLoaded, statementsExecuted, statementsSkipped, elapsed,
                warnings, null);
    }

    /** @return the comparison of the target with the dump's manifest, when the load was asked to verify */
    public Optional<VerifyResult> verification() {
        return Optional.ofNullable(verifyResult);
    }

    /** @return true when everything was already done by earlier runs: this run loaded and executed nothing */
    public boolean nothingToDo() {
        return chunksLoaded == 0 && statementsExecuted == 0;
    }

    /** @return one line for logs */
    public String summary() {
        if (nothingToDo()) {
            return "load " + jobId + ": nothing to do (" + chunksSkipped + " chunks and " + statementsSkipped
                    + " statements already done by an earlier run)";
        }
        if (chunksLoaded == 0 && chunksSkipped == 0 && tables.isEmpty()) { // a SQL file: its rows came by statements
            return "load " + jobId + ": " + String.format(java.util.Locale.ROOT, "%,d", rowsLoaded) + " rows by "
                    + statementsExecuted + " statements (" + statementsSkipped + " skipped as already run) in "
                    + Human.duration(elapsed) + ", " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")
                    + (verifyResult == null ? "" : "; " + verifyResult.summary());
        }
        return "load " + jobId + ": " + rowsLoaded + " rows in " + chunksLoaded + " chunks (" + chunksSkipped
                + " skipped as already loaded), " + statementsExecuted + " statements, " + tables.size() + " tables, "
                + method + ", " + Human.duration(elapsed) + (verifyResult == null ? "" : "; " + verifyResult.summary());
    }

    /** @return {@link #summary()} */
    @Override
    public String toString() {
        return summary();
    }
}

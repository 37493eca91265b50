package io.github.auroramigrate.cli;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;

/**
 * The exit status of the {@code aurora-migrate} command, for scripts and schedulers: one code per thing a caller does
 * next. Stable: a code keeps its number and meaning across versions. {@code aurora-migrate help exit-codes} prints this
 * table.
 *
 * <pre>{@code
 * aurora-migrate migrate ... ; case $? in 0) ;; 4) sleep 60; exec "$0" ;; *) page-someone ;; esac
 * }</pre>
 */
public enum ExitCode {
    /** Everything asked for was done (and verified, where verification was part of it). */
    OK(0, "done; where the command verifies, source and target were equal"),
    /** The work failed and running it again will not help until the cause is fixed; the diagnosis says what to do. */
    FAILED(1, "failed; a rerun will not help until the cause is fixed (the diagnosis printed says what to do)"),
    /** The command line or an input was not valid: nothing was changed. */
    BAD_INPUT(2, "bad input: unknown option, invalid value, missing file, a pattern that matches nothing, a password on"
            + " the command line; nothing was changed"),
    /** Verification found differences between source and target (rows or objects). */
    VERIFY_FAILED(3, "verification found differences between source and target (the report lists them)"),
    /** A failure a rerun may get past (lost connection, deadlock, lock wait, catch-up timeout); reruns resume. */
    RETRYABLE(4, "failed on something a rerun may get past (lost connection, deadlock, lock wait timeout, catch-up"
            + " timeout); rerun the same command: a load resumes and skips what it committed"),
    /** The compatibility pre-check or the source pre-flight found what would break: nothing was moved. */
    PRECHECK_FAILED(5, "the pre-check or the source pre-flight found something that would break on the target;"
            + " nothing was moved"),
    /** The cut-over failed and was rolled back: the applications write to the source again. */
    CUT_OVER_ROLLED_BACK(6, "the cut-over failed and was rolled back: applications write to the source again,"
            + " replication still runs"),
    /** The cut-over failed and so did its rollback: a person must look now. */
    CUT_OVER_INCOMPLETE(7, "the cut-over failed and so did its rollback: writes may be stopped on both sides;"
            + " a person must act now (the report says which step failed)"),
    /** Interrupted (Ctrl-C or SIGTERM): what was committed stays committed, a rerun resumes. */
    INTERRUPTED(130, "interrupted (Ctrl-C, SIGTERM); what was committed stays committed and a rerun resumes");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** @return the process exit status */
    public int code() {
        return code;
    }

    /** @return what the code means, for people */
    public String meaning() {
        return meaning;
    }

    /**
     * @return the exit code for a library failure: bad input for invalid input and missing files, interrupted for a
     *         cancellation, retryable when the diagnosis says a retry may succeed, else failed
     */
    public static ExitCode of(MigrationException e) {
        DiagnosisCode c = e.code();
        if (c == DiagnosisCode.INVALID_INPUT || c == DiagnosisCode.FILE_NOT_FOUND || c == DiagnosisCode.FILE_NOT_READABLE) {
            return BAD_INPUT;
        }
        if (c == DiagnosisCode.CANCELLED) {
            return INTERRUPTED;
        }
        return e.diagnosis().isRetryable() ? RETRYABLE : FAILED;
    }
}

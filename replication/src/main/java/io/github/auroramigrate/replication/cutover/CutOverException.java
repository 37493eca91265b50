package io.github.auroramigrate.replication.cutover;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.replication.ReplicationException;

/**
 * A cut-over failed ({@code CUT_OVER_FAILED}); {@link #report()} tells which step, why, and whether the source takes
 * writes again.
 *
 * <pre>{@code
 * try { cutOver.run(); }
 * catch (CutOverException e) { log.error("{}", e.report().describe()); }
 * }</pre>
 */
public class CutOverException extends ReplicationException {
    private static final long serialVersionUID = 1L;

    private final transient CutOverReport report;

    /**
     * @param diagnosis what went wrong
     * @param report    the steps run
     * @param cause     the failure of the step, or null
     */
    public CutOverException(Diagnosis diagnosis, CutOverReport report, Throwable cause) {
        super(diagnosis, cause);
        this.report = report;
    }

    /** @return the report of the failed cut-over */
    public CutOverReport report() {
        return report;
    }
}

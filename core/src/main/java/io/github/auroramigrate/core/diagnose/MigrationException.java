package io.github.auroramigrate.core.diagnose;

import java.util.Objects;

/**
 * Root of every exception the library throws. Unchecked, and always carries a {@link Diagnosis}: what
 * happened, where, what to do, and whether a retry can help. The driver, I/O or SDK exception that caused it
 * stays attached as the cause.
 *
 * <pre>{@code
 * catch (MigrationException e) {
 *     if (e.diagnosis().isRetryable()) { retry(); } else { throw e; }
 * }
 * }</pre>
 */
public class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Diagnosis diagnosis;

    /**
     * @param diagnosis what went wrong; its rendering becomes the message
     * @param cause     the underlying exception, or null
     */
    public MigrationException(Diagnosis diagnosis, Throwable cause) {
        super(Objects.requireNonNull(diagnosis, "diagnosis").render(), cause);
        this.diagnosis = diagnosis;
    }

    /** @param diagnosis what went wrong */
    public MigrationException(Diagnosis diagnosis) {
        this(diagnosis, null);
    }

    /** @return the diagnosis; never null */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /** @return the diagnosis code, shorthand for {@code diagnosis().code()} */
    public DiagnosisCode code() {
        return diagnosis.code();
    }
}

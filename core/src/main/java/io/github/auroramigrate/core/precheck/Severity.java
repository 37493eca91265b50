package io.github.auroramigrate.core.precheck;

/**
 * How bad a compatibility finding is.
 *
 * <pre>{@code
 * report.findings(Severity.ERROR)
 * }</pre>
 */
public enum Severity {
    /** The migration will fail at this point unless fixed. */
    ERROR,
    /** The migration will run but something will behave differently or fail later. */
    WARNING,
    /** Worth knowing; nothing breaks. */
    INFO
}

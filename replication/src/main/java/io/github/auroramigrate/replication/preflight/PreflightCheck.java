package io.github.auroramigrate.replication.preflight;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import java.util.Objects;
import java.util.Optional;

/**
 * One pre-flight check and its outcome.
 *
 * <pre>{@code
 * for (PreflightCheck c : report.checks()) { log.info("{}: {}", c.name(), c.passed() ? "ok" : c.failure().get().render()); }
 * }</pre>
 *
 * @param name    what was checked, e.g. {@code binlog_format}
 * @param passed  whether it passed
 * @param detail  what was found, e.g. {@code binlog_format=ROW}
 * @param failure the diagnosis with its fix, when it failed
 */
public record PreflightCheck(String name, boolean passed, String detail, Optional<Diagnosis> failure) {
    /** Validates: a failed check carries a diagnosis, a passed one none. */
    public PreflightCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(failure, "failure");
        if (passed == failure.isPresent()) {
            throw new IllegalArgumentException("a failed check needs a diagnosis, a passed one has none");
        }
    }

    static PreflightCheck ok(String name, String detail) {
        return new PreflightCheck(name, true, detail, Optional.empty());
    }

    static PreflightCheck fail(String name, String detail, Diagnosis d) {
        return new PreflightCheck(name, false, detail, Optional.of(d));
    }
}

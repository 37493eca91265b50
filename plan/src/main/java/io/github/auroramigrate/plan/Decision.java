package io.github.auroramigrate.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a plan decided, recorded in its journal and shown in its report: a guardrail's verdict, a step resumed
 * or redone after an interruption, a suspension honoured, a window closed.
 *
 * <pre>{@code
 * report.decisions().forEach(d -> log.info("{}", d));   // 2026-05-01T10:00:03Z cut-over: guardrail heartbeat lag ...
 * }</pre>
 *
 * @param at   when
 * @param step the step it concerns, or {@code plan}
 * @param text what was decided and why
 */
public record Decision(Instant at, String step, String text) {
    /** Validates. */
    public Decision {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return at + " " + step + ": " + text;
    }
}

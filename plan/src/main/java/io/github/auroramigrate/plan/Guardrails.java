package io.github.auroramigrate.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * What a plan's cut-over insists on, beyond the cut-over's own checks. Before writes stop: replication running without
 * error, heartbeat lag (the library's own heartbeat, not Seconds_Behind_Master) under {@link #maxLag}, no write
 * transaction open on the source longer than {@link #maxTransactionAge}, no DDL running or waiting on the source; the
 * cut-over waits up to {@link #guardWait} for all of them, then refuses (CUT_OVER_REFUSED) with writes never stopped.
 * After writes stop: no write transaction still open on the source (the pause hook really paused every writer); then
 * the cut-over's verification must pass; and if writes stay stopped longer than {@link #maxWriteDowntime} the
 * cut-over aborts and rolls back. Every verdict is a {@link Decision} in the report.
 *
 * <pre>{@code
 * Guardrails g = Guardrails.defaults().maxLag(Duration.ofMillis(500)).maxWriteDowntime(Duration.ofSeconds(30));
 * }</pre>
 *
 * @param maxLag            the highest heartbeat lag at which writes may stop; default 2 s
 * @param maxTransactionAge the oldest a write transaction on the source may be; default 30 s
 * @param guardWait         how long to wait for the guardrails to pass before refusing; default 5 min
 * @param maxWriteDowntime  the longest writes may stay stopped before the switch; default 60 s
 */
public record Guardrails(Duration maxLag, Duration maxTransactionAge, Duration guardWait, Duration maxWriteDowntime) {
    /** Validates: every bound positive. */
    public Guardrails {
        positive(maxLag, "maxLag");
        positive(maxTransactionAge, "maxTransactionAge");
        positive(guardWait, "guardWait");
        positive(maxWriteDowntime, "maxWriteDowntime");
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /** @return lag 2 s, transactions 30 s, wait 5 min, writes stopped at most 60 s */
    public static Guardrails defaults() {
        return new Guardrails(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(60));
    }

    /** @return a copy with another lag bound */
    public Guardrails maxLag(Duration d) {
        return new Guardrails(d, maxTransactionAge, guardWait, maxWriteDowntime);
    }

    /** @return a copy with another transaction age bound */
    public Guardrails maxTransactionAge(Duration d) {
        return new Guardrails(maxLag, d, guardWait, maxWriteDowntime);
    }

    /** @return a copy with another wait */
    public Guardrails guardWait(Duration d) {
        return new Guardrails(maxLag, maxTransactionAge, d, maxWriteDowntime);
    }

    /** @return a copy with another writes-stopped bound */
    public Guardrails maxWriteDowntime(Duration d) {
        return new Guardrails(maxLag, maxTransactionAge, guardWait, d);
    }
}

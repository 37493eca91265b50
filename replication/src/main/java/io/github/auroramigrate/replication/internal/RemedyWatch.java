package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.ReplicationException;
import java.time.Duration;
import java.util.function.Function;

/**
 * Watches the replica after a remedy until its effect shows: polls the status and asks a judge whether the failure
 * is behind the replica. "Resumed" must be seen twice in a row, so a thread that starts and fails at once is not
 * taken for a running one. Stateless.
 */
final class RemedyWatch {
    /** What one status reading says about the remedy. */
    enum State {
        /** Nothing decided yet. */
        PENDING,
        /** Past the failure, and replication runs. */
        RESUMED,
        /** Past the failure, but replication stopped again. */
        STOPPED_AGAIN,
        /** The same failure at the same place: the remedy had no effect. */
        NOT_PAST
    }

    /**
     * @param state  the decision (PENDING when the time ran out undecided)
     * @param status the last status read
     * @param waited how long the watch took
     */
    record Result(State state, ReplicaStatus status, Duration waited) {
    }

    private RemedyWatch() {
    }

    static Result await(ReplicaChannel ch, Function<ReplicaStatus, State> judge, Duration timeout, Duration poll) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int resumed = 0;
        while (true) {
            ReplicaStatus s = ch.status();
            State state = judge.apply(s);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (state == State.STOPPED_AGAIN || state == State.NOT_PAST) {
                return new Result(state, s, waited);
            }
            resumed = state == State.RESUMED ? resumed + 1 : 0;
            if (resumed >= 2) {
                return new Result(State.RESUMED, s, waited);
            }
            if (System.nanoTime() > deadline) {
                return new Result(state, s, waited);
            }
            try {
                Thread.sleep(Math.max(10, poll.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.CANCELLED,
                        "Interrupted while checking the effect of a remedy on " + ch.target()), e);
            }
        }
    }
}

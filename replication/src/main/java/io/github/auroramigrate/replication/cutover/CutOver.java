package io.github.auroramigrate.replication.cutover;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.CatchUpProgress;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ThreadState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cut-over, after the handbook's near-zero-downtime procedure: (1) stop writes on the source through a hook (or
 * {@code read_only=ON} where the user may set it), (2) read the source's final position and wait until the target
 * has applied it with no lag, (3) optionally verify source against target, (4) stop and reset replication, (5)
 * switch the applications through a hook. Each step is timed. A failure before step 5 rolls back: writes resume on
 * the source (resume hook, or read_only restored) and replication keeps running if it was not yet reset.
 *
 * <pre>{@code
 * CutOverReport r = CutOver.builder()
 *     .replication(repl)
 *     .stopWrites(() -> app.pauseWriters())
 *     .resumeWrites(() -> app.resumeWriters())
 *     .verifier(() -> new Verification(checksumsEqual(), "orders"))
 *     .switchApplications(() -> config.pointAt(target))
 *     .catchUpTimeout(Duration.ofMinutes(5))
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>If the switch hook itself fails, nothing is undone: applications may already use the target, so writes stay
 * stopped on the source and the report says so. Immutable; {@link #run()} is meant to be called once.
 */
public final class CutOver {
    private static final Logger LOG = LoggerFactory.getLogger(CutOver.class);

    private final Replication repl;
    private final CutOverHook stopWrites;
    private final CutOverHook resumeWrites;
    private final boolean readOnlySource;
    private final Duration catchUpTimeout;
    private final Verifier verifier;
    private final boolean resetReplication;
    private final CutOverHook switchApplications;
    private final CutOverListener listener;

    private CutOver(Builder b) {
        this.repl = b.replication;
        this.stopWrites = b.stopWrites;
        this.resumeWrites = b.resumeWrites;
        this.readOnlySource = b.readOnlySource;
        this.catchUpTimeout = b.catchUpTimeout;
        this.verifier = b.verifier;
        this.resetReplication = b.resetReplication;
        this.switchApplications = b.switchApplications;
        this.listener = b.listener;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the five steps.
     *
     * @return the report of a successful cut-over
     * @throws CutOverException CUT_OVER_FAILED, with the report (which step failed, what was undone)
     */
    public CutOverReport run() {
        Run r = new Run();
        LOG.info("{}: cut-over begins", repl.name());
        // 1. stop writes
        r.step(CutOverStep.STOP_WRITES, () -> {
            repl.stopHeartbeat();
            if (readOnlySource) {
                r.previousReadOnly = setReadOnly(true);
                return "source read_only=ON (was " + (r.previousReadOnly ? "ON" : "OFF") + ")";
            }
            stopWrites.run();
            return "writes stopped by the hook";
        });
        if (!r.failed) {
            r.writesStoppedAt = System.nanoTime();
        }
        // 2. final position, zero lag
        r.step(CutOverStep.CATCH_UP, () -> {
            BinlogPosition last = repl.sourcePosition();
            r.finalPosition = last;
            CatchUpProgress p = repl.awaitPosition(last, catchUpTimeout);
            ReplicaStatus s = repl.status();
            if (s.secondsBehindSource().map(d -> !d.isZero()).orElse(false)) {
                throw new MigrationException(Diagnosis.of(DiagnosisCode.REPLICATION_CATCH_UP_TIMEOUT,
                        "Target reached " + last + " but reports Seconds_Behind_Master " + s.secondsBehindSource().get()));
            }
            return "target applied the source's final position " + last + " after " + p.elapsed();
        });
        // 3. verify
        if (verifier == null) {
            r.skip(CutOverStep.VERIFY, "no verifier");
        } else {
            r.step(CutOverStep.VERIFY, () -> {
                Verification v = verifier.verify();
                if (!v.matches()) {
                    throw new MigrationException(Diagnosis.of(DiagnosisCode.CUT_OVER_FAILED,
                            "Verification found differences: " + v.summary()));
                }
                return v.summary();
            });
        }
        // 4. stop (and reset) replication
        r.step(CutOverStep.STOP_REPLICATION, () -> {
            repl.stop();
            ReplicaStatus s = repl.status();
            if (r.finalPosition != null && s.executed().map(e -> !e.isAtOrAfter(r.finalPosition)).orElse(true)) {
                throw new MigrationException(Diagnosis.of(DiagnosisCode.CUT_OVER_FAILED,
                        "After stopping, the target is at " + s.executed().orElse(null) + ", before " + r.finalPosition));
            }
            if (resetReplication) {
                repl.reset();
                r.replicationReset = true;
                return "replication stopped at " + s.executed().orElseThrow() + " and reset";
            }
            return "replication stopped at " + s.executed().orElseThrow();
        });
        // 5. switch
        r.step(CutOverStep.SWITCH_APPLICATIONS, () -> {
            switchApplications.run();
            return "applications switched to the target";
        });
        return r.finish();
    }

    private boolean setReadOnly(boolean on) throws SQLException {
        Endpoint source = repl.source().orElseThrow(() -> new IllegalStateException("readOnlySource needs a source"));
        try (Connection c = source.connect(); Statement st = c.createStatement()) {
            boolean before;
            try (ResultSet rs = st.executeQuery("SELECT @@GLOBAL.read_only")) {
                rs.next();
                before = rs.getInt(1) == 1;
            }
            st.execute("SET GLOBAL read_only = " + (on ? "ON" : "OFF"));
            LOG.info("{}: source {} read_only={}", repl.name(), source.describe(), on ? "ON" : "OFF");
            return before;
        }
    }

    private interface Action {
        String run() throws Exception;
    }

    /** The state of one run. */
    private final class Run {
        final long started = System.nanoTime();
        final List<StepResult> steps = new ArrayList<>();
        boolean failed;
        Diagnosis failure;
        Throwable cause;
        CutOverStep failedStep;
        BinlogPosition finalPosition;
        boolean previousReadOnly;
        boolean replicationReset;
        long writesStoppedAt;
        boolean sourceTakesWrites = true;

        void step(CutOverStep step, Action action) {
            if (failed) {
                return;
            }
            notifyStart(step);
            long t0 = System.nanoTime();
            try {
                String detail = action.run();
                add(new StepResult(step, StepResult.Outcome.SUCCEEDED, since(t0), detail));
                if (step == CutOverStep.STOP_WRITES) {
                    sourceTakesWrites = false;
                }
            } catch (Exception e) {
                failed = true;
                failedStep = step;
                cause = e;
                failure = e instanceof MigrationException me ? me.diagnosis() : ErrorCatalog.diagnose(e, null);
                add(new StepResult(step, StepResult.Outcome.FAILED, since(t0), failure.render()));
                if (step == CutOverStep.STOP_WRITES) {
                    sourceTakesWrites = false; // unknown how far the hook got: undo it too
                }
            }
        }

        void skip(CutOverStep step, String why) {
            if (!failed) {
                notifyStart(step);
                add(new StepResult(step, StepResult.Outcome.SKIPPED, Duration.ZERO, why));
            }
        }

        private void add(StepResult r) {
            steps.add(r);
            LOG.info("{}: cut-over {} {} in {}: {}", repl.name(), r.step(), r.outcome(), r.duration(), r.detail());
            if (listener != null) {
                try {
                    listener.stepFinished(r);
                } catch (RuntimeException e) {
                    LOG.warn("{}: cut-over listener threw; continuing", repl.name(), e);
                }
            }
        }

        private void notifyStart(CutOverStep step) {
            if (listener != null) {
                try {
                    listener.stepStarted(step);
                } catch (RuntimeException e) {
                    LOG.warn("{}: cut-over listener threw; continuing", repl.name(), e);
                }
            }
        }

        CutOverReport finish() {
            if (failed && failedStep != CutOverStep.SWITCH_APPLICATIONS) {
                rollback();
            }
            long end = System.nanoTime();
            Duration downtime = writesStoppedAt == 0 ? Duration.ZERO : Duration.ofNanos(end - writesStoppedAt);
            CutOverReport report = new CutOverReport(steps, !failed, Optional.ofNullable(finalPosition),
                    Optional.ofNullable(failure), failed && sourceTakesWrites, Duration.ofNanos(end - started), downtime);
            LOG.info("{}: {}", repl.name(), report.describe());
            if (failed) {
                String state = failedStep == CutOverStep.SWITCH_APPLICATIONS
                        ? "The switch failed after replication was stopped: writes stay stopped on the source; finish or "
                                + "revert the switch by hand."
                        : sourceTakesWrites ? "The source takes writes again." : "Rollback failed: check the source!";
                throw new CutOverException(new Diagnosis(DiagnosisCode.CUT_OVER_FAILED, failure.vendorCode(),
                        failure.sqlState(), "Cut-over failed at " + failedStep + ": " + failure.message() + " " + state,
                        failure.endpoint(), null, DiagnosisCode.CUT_OVER_FAILED.remedy() + " " + failure.remedy()),
                        report, cause);
            }
            return report;
        }

        private void rollback() {
            notifyStart(CutOverStep.ROLLBACK);
            long t0 = System.nanoTime();
            List<String> done = new ArrayList<>();
            boolean ok = true;
            try {
                if (!replicationReset) {
                    ReplicaStatus s = repl.status();
                    if (s.configured() && !s.failed() && s.ioThread() == ThreadState.STOPPED
                            && s.sqlThread() == ThreadState.STOPPED) {
                        repl.start();
                        done.add("replication restarted");
                    }
                } else {
                    done.add("replication was already reset: re-create it before trying again");
                }
            } catch (RuntimeException e) {
                ok = false;
                done.add("replication restart failed: " + e.getMessage());
            }
            try {
                if (readOnlySource) {
                    if (!previousReadOnly) {
                        setReadOnly(false);
                    }
                    done.add("source read_only restored to " + (previousReadOnly ? "ON" : "OFF"));
                } else if (resumeWrites != null) {
                    resumeWrites.run();
                    done.add("writes resumed by the hook");
                } else {
                    done.add("no resumeWrites hook: resume writes on the source yourself");
                }
                sourceTakesWrites = readOnlySource || resumeWrites != null;
            } catch (Exception e) {
                ok = false;
                sourceTakesWrites = false;
                done.add("resuming writes FAILED: " + e.getMessage());
            }
            try {
                repl.startHeartbeat();
            } catch (RuntimeException e) {
                done.add("heartbeat not restarted: " + e.getMessage());
            }
            add(new StepResult(CutOverStep.ROLLBACK, ok ? StepResult.Outcome.SUCCEEDED : StepResult.Outcome.FAILED,
                    since(t0), String.join("; ", done)));
        }
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Builds a {@link CutOver}. Not thread-safe; {@link #build()} validates everything at once. */
    public static final class Builder {
        private Replication replication;
        private CutOverHook stopWrites;
        private CutOverHook resumeWrites;
        private boolean readOnlySource;
        private Duration catchUpTimeout = Duration.ofMinutes(5);
        private Verifier verifier;
        private boolean resetReplication = true;
        private CutOverHook switchApplications;
        private CutOverListener listener;

        private Builder() {
        }

        /** The running replication to cut over. Required. */
        public Builder replication(Replication replication) {
            this.replication = replication;
            return this;
        }

        /** Hook that stops every write to the source and returns when they have stopped. Required unless {@link #readOnlySource()}. */
        public Builder stopWrites(CutOverHook hook) {
            this.stopWrites = hook;
            return this;
        }

        /** Hook that undoes {@link #stopWrites} after a failure before the switch. Default none (you resume writes). */
        public Builder resumeWrites(CutOverHook hook) {
            this.resumeWrites = hook;
            return this;
        }

        /**
         * Stop writes by {@code SET GLOBAL read_only=ON} on the source (needs SUPER / SYSTEM_VARIABLES_ADMIN, so not on
         * RDS; accounts with SUPER still write). Restored on rollback. Not combinable with {@link #stopWrites}.
         */
        public Builder readOnlySource() {
            this.readOnlySource = true;
            return this;
        }

        /** How long step 2 may wait for the target. Default 5 minutes. */
        public Builder catchUpTimeout(Duration timeout) {
            this.catchUpTimeout = timeout;
            return this;
        }

        /** Compares source and target in step 3. Default none (step skipped). */
        public Builder verifier(Verifier verifier) {
            this.verifier = verifier;
            return this;
        }

        /** Whether step 4 also resets (forgets) the replication configuration. Default true. */
        public Builder resetReplication(boolean reset) {
            this.resetReplication = reset;
            return this;
        }

        /** Hook that points the applications at the target. Required. */
        public Builder switchApplications(CutOverHook hook) {
            this.switchApplications = hook;
            return this;
        }

        /** Step listener. Default none. */
        public Builder listener(CutOverListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * @throws NullPointerException     for a missing replication, switch hook, or write-stopping method
         * @throws IllegalArgumentException for both a stop hook and readOnlySource, a bad timeout, or a
         *                                  replication without a source
         */
        public CutOver build() {
            Objects.requireNonNull(replication, "replication");
            Objects.requireNonNull(switchApplications, "switchApplications");
            Objects.requireNonNull(catchUpTimeout, "catchUpTimeout");
            if (readOnlySource && stopWrites != null) {
                throw new IllegalArgumentException("stopWrites(hook) and readOnlySource() are exclusive");
            }
            if (!readOnlySource) {
                Objects.requireNonNull(stopWrites, "stopWrites (or readOnlySource())");
            }
            if (catchUpTimeout.isNegative() || catchUpTimeout.isZero()) {
                throw new IllegalArgumentException("catchUpTimeout must be positive");
            }
            if (replication.source().isEmpty()) {
                throw new IllegalArgumentException("the replication needs a source endpoint for the final position");
            }
            return new CutOver(this);
        }
    }
}

package io.github.auroramigrate.replication.cutover;

import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.replication.CatchUpProgress;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ThreadState;
import io.github.auroramigrate.replication.internal.CutOverChecks;
import io.github.auroramigrate.replication.internal.CutOverSteps;
import io.github.auroramigrate.replication.internal.WriteWindow;
import java.sql.SQLException;
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
 * CutOverReport r = CutOver.of(repl)
 *     .stopWrites(() -> app.pauseWriters())
 *     .resumeWrites(() -> app.resumeWriters())
 *     .verify(Verify.between(source, target).schemas("shop").build())
 *     .switchApplications(() -> app.useDatabase(target))
 *     .catchUpTimeout(Duration.ofMinutes(5))
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>Step 3 runs a core {@link Verify} ({@link Builder#verify(Verify)}): a difference in rows or definitions, or a
 * comparison of zero tables (a schema name that matches nothing), fails the cut-over, with the differences in the
 * diagnosis and the whole {@link VerifyResult} in {@link CutOverReport#verification()}. A check of your own plugs in
 * as a {@link Verifier} ({@link Builder#verifier(Verifier)}) instead.
 *
 * <p>Two options bound and extend the writes-stopped window: {@link Builder#maxWriteDowntime(Duration)} aborts and
 * rolls back when writes have been stopped longer than the bound (catch-up and verification are cut short, and the
 * bound is checked after every step before the switch), and {@link Builder#beforeSwitch(CutOverHook, CutOverHook)}
 * runs a hook after replication stopped and before the switch - a migration plan starts reverse replication there -
 * whose undo runs on rollback.
 *
 * <p>If the switch hook itself fails, nothing is undone: applications may already use the target, so writes stay
 * stopped on the source and the report says so. Immutable; {@link #run()} is meant to be called once.
 *
 * <p>Why ~425 lines: the steps and their rollback read best in order in one method, and the {@link Builder}
 * documents every option's default; step bookkeeping is in {@code CutOverSteps}, the time bound in
 * {@code WriteWindow}.
 */
public final class CutOver {
    private static final Logger LOG = LoggerFactory.getLogger(CutOver.class);

    private final Replication repl;
    private final CutOverHook stopWrites;
    private final CutOverHook resumeWrites;
    private final boolean readOnlySource;
    private final Duration catchUpTimeout;
    private final Verify verify;
    private final Verifier verifier;
    private final boolean resetReplication;
    private final CutOverHook switchApplications;
    private final CutOverListener listener;
    private final Duration maxWriteDowntime;
    private final CutOverHook beforeSwitch;
    private final CutOverHook undoBeforeSwitch;

    private CutOver(Builder b) {
        this.repl = b.replication;
        this.stopWrites = b.stopWrites;
        this.resumeWrites = b.resumeWrites;
        this.readOnlySource = b.readOnlySource;
        this.catchUpTimeout = b.catchUpTimeout;
        this.verify = b.verify;
        this.verifier = b.verifier;
        this.resetReplication = b.resetReplication;
        this.switchApplications = b.switchApplications;
        this.listener = b.listener;
        this.maxWriteDowntime = b.maxWriteDowntime;
        this.beforeSwitch = b.beforeSwitch;
        this.undoBeforeSwitch = b.undoBeforeSwitch;
    }

    /**
     * Starts building the cut-over of {@code replication}, which must have been built with a source (for the final
     * position).
     *
     * @param replication the running replication to cut over
     * @throws NullPointerException for a null replication
     */
    public static Builder of(Replication replication) {
        return new Builder(Objects.requireNonNull(replication, "replication"));
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
        long stopping = System.nanoTime();
        r.steps.step(CutOverStep.STOP_WRITES, () -> {
            repl.stopHeartbeat();
            if (readOnlySource) {
                r.previousReadOnly = setReadOnly(true);
                return "source read_only=ON (was " + (r.previousReadOnly ? "ON" : "OFF") + ")";
            }
            stopWrites.run();
            return "writes stopped by the hook";
        });
        r.sourceTakesWrites = false; // after a failure too: unknown how far the hook got, so it is undone
        if (!r.steps.failed()) {
            r.writesStoppedAt = System.nanoTime();
            r.window = new WriteWindow(r.writesStoppedAt, maxWriteDowntime);
        } else {
            r.writesStoppedAt = stopping; // some writers may have stopped as soon as the hook began
        }
        // 2. final position, zero lag
        r.steps.step(CutOverStep.CATCH_UP, () -> {
            BinlogPosition last = repl.sourcePosition();
            r.finalPosition = last;
            CatchUpProgress p = r.window.bounded(catchUpTimeout, "the catch-up", t -> repl.awaitPosition(last, t));
            ReplicaStatus s = repl.status();
            if (s.secondsBehindSource().map(d -> !d.isZero()).orElse(false)) {
                throw new MigrationException(Diagnosis.of(DiagnosisCode.REPLICATION_CATCH_UP_TIMEOUT,
                        "Target reached " + last + " but reports Seconds_Behind_Master " + s.secondsBehindSource().get()));
            }
            return "target applied the source's final position " + last + " after " + Human.duration(p.elapsed());
        });
        // 3. verify
        if (verify != null) {
            r.steps.step(CutOverStep.VERIFY, () -> {
                r.verification = r.window.call("the verification", verify::run);
                return CutOverChecks.verdict(r.verification);
            });
        } else if (verifier != null) {
            r.steps.step(CutOverStep.VERIFY, () -> CutOverChecks.verdict(r.window.call("the verification",
                    verifier::verify)));
        } else {
            r.steps.skip(CutOverStep.VERIFY, "no verifier");
        }
        // 4. stop (and reset) replication
        r.steps.step(CutOverStep.STOP_REPLICATION, () -> {
            repl.stop();
            ReplicaStatus s = repl.status();
            if (r.finalPosition != null && s.executed().map(e -> !e.isAtOrAfter(r.finalPosition)).orElse(true)) {
                throw new MigrationException(Diagnosis.of(DiagnosisCode.CUT_OVER_FAILED,
                        "After stopping, the target is at " + s.executed().orElse(null) + ", before " + r.finalPosition));
            }
            r.window.check("stopping replication");
            if (resetReplication) {
                repl.reset();
                r.replicationReset = true;
                return "replication stopped at " + s.executed().orElseThrow() + " and reset";
            }
            return "replication stopped at " + s.executed().orElseThrow();
        });
        // 4b. before the switch (e.g. reverse replication for a rollback window)
        if (beforeSwitch != null) {
            r.steps.step(CutOverStep.BEFORE_SWITCH, () -> {
                r.beforeSwitchStarted = true;
                beforeSwitch.run();
                r.window.check("the before-switch hook");
                return "before-switch hook done";
            });
        }
        // 5. switch
        r.steps.step(CutOverStep.SWITCH_APPLICATIONS, () -> {
            switchApplications.run();
            return "applications switched to the target";
        });
        return r.finish();
    }

    private boolean setReadOnly(boolean on) throws SQLException {
        Endpoint source = repl.source().orElseThrow(() -> new IllegalStateException("readOnlySource needs a source"));
        return CutOverChecks.setReadOnly(source, on, repl.name());
    }

    /** The state of one run. */
    private final class Run {
        final long started = System.nanoTime();
        final CutOverSteps steps = new CutOverSteps(repl.name(), listener);
        BinlogPosition finalPosition;
        VerifyResult verification;
        boolean previousReadOnly;
        boolean replicationReset;
        long writesStoppedAt;
        boolean sourceTakesWrites = true;
        boolean beforeSwitchStarted;
        WriteWindow window = new WriteWindow(System.nanoTime(), null);

        CutOverReport finish() {
            boolean failed = steps.failed();
            CutOverStep failedStep = steps.failedStep();
            if (failed && failedStep != CutOverStep.SWITCH_APPLICATIONS) {
                rollback();
            }
            long end = System.nanoTime();
            Duration downtime = writesStoppedAt == 0 ? Duration.ZERO : Duration.ofNanos(end - writesStoppedAt);
            Diagnosis failure = steps.failure();
            CutOverReport report = new CutOverReport(steps.results(), !failed, Optional.ofNullable(finalPosition),
                    Optional.ofNullable(failure), failed && sourceTakesWrites, Duration.ofNanos(end - started), downtime,
                    Optional.ofNullable(verification));
            LOG.info("{}: {}", repl.name(), report.describe());
            if (failed) {
                String state = failedStep == CutOverStep.SWITCH_APPLICATIONS
                        ? "The switch failed after replication was stopped: writes stay stopped on the source; finish or "
                                + "revert the switch by hand."
                        : sourceTakesWrites ? "The source takes writes again." : "Rollback failed: check the source!";
                throw new CutOverException(new Diagnosis(DiagnosisCode.CUT_OVER_FAILED, failure.vendorCode(),
                        failure.sqlState(), "Cut-over failed at " + failedStep + ": " + failure.message() + " " + state,
                        failure.endpoint(), null, DiagnosisCode.CUT_OVER_FAILED.remedy() + " " + failure.remedy()),
                        report, steps.cause());
            }
            return report;
        }

        private void rollback() {
            steps.started(CutOverStep.ROLLBACK);
            long t0 = System.nanoTime();
            List<String> done = new ArrayList<>();
            boolean ok = true;
            if (beforeSwitchStarted && undoBeforeSwitch != null) {
                try {
                    undoBeforeSwitch.run();
                    done.add("before-switch hook undone");
                } catch (Exception e) {
                    ok = false;
                    done.add("undoing the before-switch hook FAILED: " + e.getMessage());
                }
            }
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
            steps.finished(new StepResult(CutOverStep.ROLLBACK, ok ? StepResult.Outcome.SUCCEEDED
                    : StepResult.Outcome.FAILED, CutOverSteps.since(t0), String.join("; ", done)));
        }
    }

    /** Builds a {@link CutOver}. Not thread-safe; {@link #build()} validates everything at once. */
    public static final class Builder {
        private final Replication replication;
        private CutOverHook stopWrites;
        private CutOverHook resumeWrites;
        private boolean readOnlySource;
        private Duration catchUpTimeout = Duration.ofMinutes(5);
        private Verify verify;
        private Verifier verifier;
        private boolean resetReplication = true;
        private CutOverHook switchApplications;
        private CutOverListener listener;
        private Duration maxWriteDowntime;
        private CutOverHook beforeSwitch;
        private CutOverHook undoBeforeSwitch;

        private Builder(Replication replication) {
            this.replication = replication;
        }

        /**
         * Hook that stops every write to the source and returns when they have stopped. No default: required unless
         * {@link #readOnlySource()}.
         */
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
         * RDS; accounts with SUPER still write). Restored on rollback. Default off. Not combinable with
         * {@link #stopWrites}.
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

        /**
         * Compares source and target in step 3 with the library's verification, e.g.
         * {@code Verify.between(source, target).schemas("shop").build()}: the cut-over stops (and writes resume on
         * the source) when it finds any difference, compares zero tables, or fails. Default none (step skipped). Not
         * combinable with {@link #verifier(Verifier)}.
         */
        public Builder verify(Verify verify) {
            this.verify = verify;
            return this;
        }

        /**
         * Compares source and target in step 3 with a check of your own; {@code matches() == false} or an exception
         * stops the cut-over. Default none (step skipped). Not combinable with {@link #verify(Verify)}.
         */
        public Builder verifier(Verifier verifier) {
            this.verifier = verifier;
            return this;
        }

        /** Whether step 4 also resets (forgets) the replication configuration. Default true. */
        public Builder resetReplication(boolean reset) {
            this.resetReplication = reset;
            return this;
        }

        /** Hook that points the applications at the target. No default: required. */
        public Builder switchApplications(CutOverHook hook) {
            this.switchApplications = hook;
            return this;
        }

        /**
         * The longest writes may stay stopped before the switch: the catch-up and the verification are cut short at
         * the bound, and it is checked after every step; past it the cut-over fails and rolls back (writes resume on
         * the source). Default none (each step's own timeout applies). Must be positive.
         */
        public Builder maxWriteDowntime(Duration bound) {
            this.maxWriteDowntime = bound;
            return this;
        }

        /**
         * A hook run after replication stopped and before the switch, e.g. starting reverse replication from the
         * target back to the source; {@code undo} runs if the cut-over fails before the switch (also when the hook
         * itself failed half-way, so it must cope with a partial hook). Default none.
         */
        public Builder beforeSwitch(CutOverHook hook, CutOverHook undo) {
            this.beforeSwitch = Objects.requireNonNull(hook, "hook");
            this.undoBeforeSwitch = Objects.requireNonNull(undo, "undo");
            return this;
        }

        /** Step listener. Default none. */
        public Builder listener(CutOverListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * @throws NullPointerException     for a missing switch hook or write-stopping method
         * @throws IllegalArgumentException for both a stop hook and readOnlySource, both verify and verifier, a bad
         *                                  timeout, or a replication without a source
         */
        public CutOver build() {
            Objects.requireNonNull(switchApplications, "switchApplications");
            Objects.requireNonNull(catchUpTimeout, "catchUpTimeout");
            if (readOnlySource && stopWrites != null) {
                throw new IllegalArgumentException("stopWrites(hook) and readOnlySource() are exclusive");
            }
            if (verify != null && verifier != null) {
                throw new IllegalArgumentException("verify(Verify) and verifier(Verifier) are exclusive");
            }
            if (!readOnlySource) {
                Objects.requireNonNull(stopWrites, "stopWrites (or readOnlySource())");
            }
            if (catchUpTimeout.isNegative() || catchUpTimeout.isZero()) {
                throw new IllegalArgumentException("catchUpTimeout must be positive");
            }
            if (maxWriteDowntime != null && (maxWriteDowntime.isNegative() || maxWriteDowntime.isZero())) {
                throw new IllegalArgumentException("maxWriteDowntime must be positive");
            }
            if (replication.source().isEmpty()) {
                throw new IllegalArgumentException("the replication needs a source endpoint for the final position");
            }
            return new CutOver(this);
        }
    }
}

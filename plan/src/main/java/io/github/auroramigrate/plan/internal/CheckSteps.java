package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.core.precheck.CompatibilityCheck;
import io.github.auroramigrate.core.precheck.CompatibilityReport;
import io.github.auroramigrate.core.precheck.Finding;
import io.github.auroramigrate.core.precheck.Severity;
import io.github.auroramigrate.core.precheck.TargetProfile;
import io.github.auroramigrate.core.probe.ServerInfo;
import io.github.auroramigrate.core.probe.ServerProbe;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.preflight.PreflightReport;
import io.github.auroramigrate.replication.preflight.SourcePreflight;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The read-only steps before anything moves: probe both servers, the compatibility pre-check, and the pre-flight of
 * the binary logs (the source's for replication, the target's for the rollback window's reverse replication). Their
 * rollback does nothing; a rerun repeats them.
 *
 * <pre>{@code
 * PlanStep probe = new CheckSteps.Probe(null);
 * }</pre>
 */
public final class CheckSteps {
    private CheckSteps() {
    }

    /** Probe both servers. */
    public static final class Probe extends LibraryStep {
        /** @param s settings, or null */
        public Probe(PlanSettings s) {
            super("probe", "Probe source and target: flavour, version, privileges, binary log settings",
                    "nothing to undo (read only)", s);
        }

        @Override
        public LibraryStep bind(PlanSettings s) {
            return new Probe(s);
        }

        @Override
        protected String config(PlanSettings s) {
            return s.source().describe() + "|" + s.target().describe();
        }

        @Override
        protected void run(RunContext ctx) {
            ServerInfo source = ServerProbe.probe(ctx.source());
            ServerInfo target = ServerProbe.probe(ctx.target());
            ctx.record("source", source.summary());
            ctx.record("target", target.summary());
            ctx.summary("source " + source.summary() + "; target " + target.summary());
        }

        @Override
        protected void rollback(RunContext ctx) {
            ctx.summary("nothing to undo");
        }
    }

    /** The compatibility pre-check of the schemas against the target. */
    public static final class Precheck extends LibraryStep {
        /** @param s settings, or null */
        public Precheck(PlanSettings s) {
            super("precheck", "Compatibility pre-check of the schemas against the target: every finding recorded; stops "
                    + "when a finding's fixing transform is not among the plan's",
                    "nothing to undo (read only)", s);
        }

        @Override
        public LibraryStep bind(PlanSettings s) {
            return new Precheck(s);
        }

        @Override
        protected String config(PlanSettings s) {
            return s.schemas() + "|" + s.transformNames();
        }

        @Override
        protected void run(RunContext ctx) {
            CompatibilityReport r = CompatibilityCheck.of(ctx.source()).schemas(settings().schemas().toArray(String[]::new))
                    .target(TargetProfile.probe(ctx.target())).build().run();
            List<String> missing = new ArrayList<>();
            for (Finding f : r.findings(Severity.ERROR)) {
                String fix = f.fixingTransform().orElse(null);
                boolean known = !settings().transformNames().isEmpty();
                boolean applied = fix != null && settings().transformNames().stream().anyMatch(n -> fix.contains(n + "("));
                if (fix != null && known && !applied) {
                    missing.add(f.check() + ": " + f.message() + " - fixed by " + fix);
                }
                ctx.decision("pre-check ERROR " + f.check() + ": " + f.message() + (fix == null ? " - what to do: "
                        + f.advice() : " - fixed by " + fix + (applied ? ", which the load applies"
                                : known ? ", which the load does NOT apply" : "; the load's own transform must include it")));
            }
            for (Finding f : r.findings(Severity.WARNING)) {
                ctx.decision("pre-check warning " + f.check() + ": " + f.message());
            }
            ctx.record("errors", String.valueOf(r.findings(Severity.ERROR).size()));
            ctx.record("warnings", String.valueOf(r.findings(Severity.WARNING).size()));
            if (!missing.isEmpty()) {
                throw new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "The compatibility pre-check found "
                        + "what the plan's transforms do not fix: " + String.join("; ", missing))
                        .withAdvice("Add the transform to the plan's transforms, then run the plan again."));
            }
            ctx.summary(r.findings(Severity.ERROR).size() + " errors, " + r.findings(Severity.WARNING).size()
                    + " warnings (each a decision in the report)");
        }

        @Override
        protected void rollback(RunContext ctx) {
            ctx.summary("nothing to undo");
        }
    }

    /** The binary log pre-flight: the source for replication, the target for the rollback window. */
    public static final class Preflight extends LibraryStep {
        /** @param s settings, or null */
        public Preflight(PlanSettings s) {
            super("preflight", "Pre-flight of the binary logs: on, ROW, distinct server ids, kept long enough; the "
                    + "replication users' privileges (and the target's binary log for the rollback window)",
                    "nothing to undo (read only)", s);
        }

        @Override
        public LibraryStep bind(PlanSettings s) {
            return new Preflight(s);
        }

        @Override
        protected String config(PlanSettings s) {
            return s.replicationUser() + "|" + s.plannedDuration() + "|" + (s.window() == null ? "-" : s.window().user());
        }

        @Override
        protected void run(RunContext ctx) {
            PlanSettings s = settings();
            PreflightReport forward = SourcePreflight.of(ctx.source()).target(ctx.target())
                    .replicationUser(ReplicationUser.of(s.replicationUser(), s.replicationPassword()))
                    .plannedDuration(s.plannedDuration()).growthSample(Duration.ofSeconds(1)).build().run();
            ctx.record("sourceBinlogRetention", forward.retention().map(Human::duration).orElse("not purged by age"));
            forward.throwIfFailed();
            String reverse = "no rollback window";
            if (s.window() != null) {
                Duration keep = s.window().keepOpenFor().isZero() ? s.plannedDuration() : s.window().keepOpenFor();
                PreflightReport back = SourcePreflight.of(ctx.target()).target(ctx.source())
                        .replicationUser(ReplicationUser.of(s.window().user(), s.window().password()))
                        .plannedDuration(keep).growthSample(Duration.ZERO).build().run();
                ctx.record("targetBinlogRetention", back.retention().map(Human::duration).orElse("not purged by age"));
                back.throwIfFailed();
                reverse = "the target can feed the rollback window for " + Human.duration(keep);
            }
            ctx.summary(String.format(Locale.ROOT, "source binary logs kept %s; %s",
                    forward.retention().map(Human::duration).orElse("(never purged by age)"), reverse));
        }

        @Override
        protected void rollback(RunContext ctx) {
            ctx.summary("nothing to undo");
        }
    }
}

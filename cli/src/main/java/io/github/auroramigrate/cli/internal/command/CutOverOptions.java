package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.BadInput;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.Hook;
import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.cli.internal.Outcome;
import io.github.auroramigrate.cli.internal.event.Relay;
import io.github.auroramigrate.cli.internal.terminal.Human;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.cutover.CutOver;
import io.github.auroramigrate.replication.cutover.CutOverReport;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The cut-over's hooks and limits, and the cut-over step itself, shared by {@code migrate} and {@code cutover}.
 *
 * <pre>{@code
 * @Mixin CutOverOptions cut;   // CutOverReport r = cut.run(ctx, replication, source, target, schemas, transform);
 * }</pre>
 */
public final class CutOverOptions {
    @Option(names = "--stop-writes", paramLabel = "HOOK", description = "Stops the application's writes to the source and"
            + " returns when they have stopped: a shell command (exit 0) or an http(s) URL (POST, 2xx).")
    String stopWrites;

    @Option(names = "--resume-writes", paramLabel = "HOOK", description = "Resumes the application's writes to the source:"
            + " the rollback if the cut-over fails before the switch.")
    String resumeWrites;

    @Option(names = "--switch", paramLabel = "HOOK", description = "Points the applications at the target.")
    String switchApps;

    @Option(names = "--read-only-source", description = "Instead of --stop-writes: make the source read-only (needs SUPER or"
            + " SYSTEM_VARIABLES_ADMIN on the source).")
    boolean readOnlySource;

    @Option(names = "--hook-timeout", defaultValue = "60s", paramLabel = "DURATION", description = "How long a hook may run."
            + " Default: ${DEFAULT-VALUE}.")
    String hookTimeout;

    @Option(names = "--catch-up-timeout", defaultValue = "30m", paramLabel = "DURATION", description = "How long replication"
            + " may take to catch up. Default: ${DEFAULT-VALUE}.")
    String catchUpTimeout;

    @Option(names = "--no-verify", description = "Skip the verification within the cut-over (not recommended).")
    boolean noVerify;

    /** @throws BadInput unless exactly one way to stop writes is given */
    void validate() {
        if ((stopWrites == null) == !readOnlySource) {
            throw new BadInput("give --stop-writes HOOK (your application's pause) or --read-only-source, one of them");
        }
        Options.duration("--hook-timeout", hookTimeout);
    }

    /** @return the catch-up limit */
    Duration catchUp() {
        return Options.duration("--catch-up-timeout", catchUpTimeout);
    }

    /** Runs the cut-over as a step and emits {@code cutover.finished} and the verification's findings. */
    CutOverReport run(Context ctx, Replication replication, Endpoint src, Endpoint dst, List<String> schemas, Transform transform)
            throws Exception {
        Duration hooks = Options.duration("--hook-timeout", hookTimeout);
        CutOver.Builder cut = CutOver.of(replication).catchUpTimeout(catchUp()).listener(ctx.relay());
        if (readOnlySource) {
            cut.readOnlySource();
        } else {
            cut.stopWrites(Hook.of("stop-writes", stopWrites, hooks));
        }
        Hook resume = Hook.of("resume-writes", resumeWrites, hooks);
        if (resume != null) {
            cut.resumeWrites(resume);
        }
        Hook sw = Hook.of("switch", switchApps, hooks);
        if (sw != null) {
            cut.switchApplications(sw);
        }
        if (!noVerify) {
            Verify.Builder v = Verify.between(src, dst);
            if (!schemas.isEmpty()) {
                v.schemas(schemas.toArray(String[]::new));
            }
            cut.verify((transform == null ? v : v.transform(transform)).build());
        }
        CutOverReport report = ctx.step("cut-over", "cut-over", () -> cut.build().run(), r -> r.succeeded()
                ? Outcome.ok("writes stopped " + Human.seconds(r.writeDowntime().toNanos() / 1e9) + r.verification()
                        .map(v -> "; verify: " + v.summary().replaceFirst("^verify: ", "")).orElse(""))
                : Outcome.failed(r.failure().map(d -> d.code() + ": " + d.message()).orElse("failed")
                        + (r.sourceTakesWrites() ? "; rolled back: the source takes writes again" : "; ROLLBACK FAILED")));
        ctx.events().emit("cutover.finished", "succeeded", report.succeeded(), "seconds", Relay.seconds(report.total()),
                "writeDowntimeSeconds", Relay.seconds(report.writeDowntime()), "sourceTakesWrites", report.sourceTakesWrites(),
                "finalSourcePosition", report.finalSourcePosition().map(Object::toString).orElse(null),
                "failure", report.failure().map(d -> d.code().name()).orElse(null));
        report.verification().ifPresent(v -> Steps.report(ctx, v));
        return report;
    }

    /** Ends the run by the cut-over's outcome: 0, 3 (differences, rolled back), 6 (rolled back) or 7 (rollback failed). */
    static int end(Context ctx, CutOverReport r, String moved) {
        String downtime = "writes stopped " + Human.seconds(r.writeDowntime().toNanos() / 1e9);
        if (r.succeeded()) {
            return ctx.finish(ExitCode.OK, "SUCCEEDED", downtime + r.verification().map(v -> " · verified equal").orElse("")
                    + " · replication stopped; the applications use the target" + (moved == null ? "" : " · " + moved));
        }
        if (!r.sourceTakesWrites()) {
            return ctx.finish(ExitCode.CUT_OVER_INCOMPLETE, "CUT-OVER INCOMPLETE", "the rollback failed: writes may be"
                    + " stopped on both sides - act now");
        }
        boolean different = r.verification().map(v -> !v.ok()).orElse(false);
        return different ? ctx.finish(ExitCode.VERIFY_FAILED, "ROLLED BACK: DIFFERENT", "verification found differences;"
                + " the source takes writes again, replication still runs")
                : ctx.finish(ExitCode.CUT_OVER_ROLLED_BACK, "ROLLED BACK", "the cut-over failed; the source takes writes"
                + " again, replication still runs; fix the cause and run aurora-migrate cutover again");
    }
}

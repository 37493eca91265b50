package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.BadInput;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.EndpointSpec;
import io.github.auroramigrate.cli.internal.Hook;
import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.cli.internal.Outcome;
import io.github.auroramigrate.cli.internal.SourceOptions;
import io.github.auroramigrate.cli.internal.TargetOptions;
import io.github.auroramigrate.cli.internal.event.Relay;
import io.github.auroramigrate.cli.internal.terminal.Human;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.precheck.CompatibilityCheck;
import io.github.auroramigrate.core.precheck.CompatibilityReport;
import io.github.auroramigrate.core.precheck.Finding;
import io.github.auroramigrate.core.precheck.Severity;
import io.github.auroramigrate.core.precheck.TargetProfile;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.replication.CatchUpProgress;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.cutover.CutOver;
import io.github.auroramigrate.replication.cutover.CutOverReport;
import io.github.auroramigrate.replication.preflight.PreflightCheck;
import io.github.auroramigrate.replication.preflight.PreflightReport;
import io.github.auroramigrate.replication.preflight.SourcePreflight;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code aurora-migrate migrate}: the handbook's near-zero-downtime migration in one command. Probe both sides,
 * pre-check, source pre-flight, create the replication account, dump with coordinates, load (with the transforms the
 * pre-check asked for), replicate from the dump's coordinates until caught up, then cut over: stop writes, catch up,
 * verify, stop replication, switch, with a rollback that resumes writes on the source if anything fails before the
 * switch.
 *
 * <pre>{@code
 * aurora-migrate migrate --source root@10.0.0.5 --target admin@aurora --schemas shop --dump-to shop_dump \
 *     --transform strip-definers,force-innodb --stop-writes 'app-ctl pause' --resume-writes 'app-ctl resume' \
 *     --switch 'app-ctl point-at aurora' --report report/
 * }</pre>
 *
 * <p>Why ~300 lines: the whole procedure reads top to bottom in {@link #run}, a step per block, as the handbook lists it.
 */
@Command(name = "migrate", description = "Near-zero-downtime migration: pre-check, dump with coordinates, load, replicate"
        + " until caught up, verify and cut over through your hooks (rolled back if anything fails before the switch).")
public final class MigrateCommand extends RunCommand {
    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions target;

    @Mixin
    DumpOptions what;

    @Mixin
    LoadOptions how;

    @Option(names = "--dump-to", required = true, paramLabel = "STORE", description = "Where the dump goes: a directory or"
            + " s3://bucket/prefix. A rerun loads what is there and skips what was committed.")
    String dumpTo;

    @Option(names = "--threads", defaultValue = "2", description = "Dump and load connections. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--accept", split = ",", paramLabel = "CHECK", description = "Pre-check errors (by check name, e.g."
            + " ZERO_DATES) you have read and accept; any other error stops the migration (exit 5) before anything moves.")
    List<String> accepted = new ArrayList<>();

    @Option(names = "--replication-user", defaultValue = "aurora_migrate_repl", paramLabel = "NAME", description = "The"
            + " account the target replicates as; created on the source. Default: ${DEFAULT-VALUE}.")
    String replicationUser;

    @Option(names = "--replication-password-file", paramLabel = "FILE", description = "Its password: a file, else"
            + " AURORA_MIGRATE_REPLICATION_PASSWORD, else a random one (kept only in the target's replication settings).")
    java.nio.file.Path replicationPasswordFile;

    @Option(names = "--planned-duration", defaultValue = "24h", paramLabel = "DURATION", description = "How long the source"
            + " must keep its binary logs for this migration (the pre-flight checks retention). Default: ${DEFAULT-VALUE}.")
    String plannedDuration;

    @Option(names = "--heartbeat", defaultValue = "1s", paramLabel = "DURATION", description = "Interval of the heartbeat"
            + " that measures the true replication lag. Default: ${DEFAULT-VALUE}.")
    String heartbeat;

    @Option(names = "--catch-up-timeout", defaultValue = "30m", paramLabel = "DURATION", description = "How long replication"
            + " may take to catch up (and again within the cut-over). Default: ${DEFAULT-VALUE}.")
    String catchUpTimeout;

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

    @Option(names = "--no-verify", description = "Skip the verification within the cut-over (not recommended).")
    boolean noVerify;

    @Override
    protected int run(Context ctx) throws Exception {
        Endpoint src = source.endpoint(io());
        Endpoint dst = target.endpoint(io());
        Options.positive("--threads", threads);
        Duration planned = Options.duration("--planned-duration", plannedDuration);
        Duration beat = Options.duration("--heartbeat", heartbeat);
        Duration catchUp = Options.duration("--catch-up-timeout", catchUpTimeout);
        Duration hookLimit = Options.duration("--hook-timeout", hookTimeout);
        if ((stopWrites == null) == !readOnlySource) {
            throw new BadInput("give --stop-writes HOOK (your application's pause) or --read-only-source, one of them");
        }
        Transform transform = how.transform();

        // 1. what the servers are, and what would break
        Steps.probe(ctx, "source", src);
        Steps.probe(ctx, "target", dst);
        CompatibilityCheck.Builder check = CompatibilityCheck.of(src).target(TargetProfile.probe(dst));
        if (!what.schemas().isEmpty()) {
            check.schemas(what.schemas().toArray(String[]::new));
        }
        Set<String> fixes = Options.fixes(how.transforms);
        java.util.function.Function<Finding, String> handling = f -> f.fix() != null && fixes.contains(f.fix())
                ? "fixed by --transform (" + f.fix() + ")" : accepted.contains(f.check().name())
                ? "accepted with --accept " + f.check().name() : null;
        CompatibilityReport pre = Steps.precheck(ctx, () -> check.build().run(), handling);
        List<Finding> blocking = pre.findings(Severity.ERROR).stream().filter(f -> handling.apply(f) == null).toList();
        if (!blocking.isEmpty()) {
            for (Finding f : blocking) {
                ctx.warning("pre-check " + f.check() + " stops the migration: " + f.advice() + (f.fix() == null ? ""
                        : " (a load with --transform fixes it: " + f.fix() + ")") + "; or accept it with --accept " + f.check());
            }
            return ctx.finish(ExitCode.PRECHECK_FAILED, "STOPPED BY THE PRE-CHECK", blocking.size()
                    + " pre-check error(s) neither fixed by --transform nor accepted; nothing was moved");
        }

        // 2. the replication account, and whether the source can feed replication for as long as this takes
        String replPassword = EndpointSpec.password("replication", replicationPasswordFile, false, replicationUser, io());
        if (replPassword == null) {
            replPassword = randomPassword();
        }
        String pw = replPassword;
        ReplicationUser repl = ctx.step("replication-user", "replication account",
                () -> ReplicationUser.create(src, replicationUser, pw, dst), u -> Outcome.ok(u.account() + " on the source"));
        PreflightReport flight = ctx.step("pre-flight", "source pre-flight", () -> SourcePreflight.of(src).target(dst)
                .replicationUser(repl).plannedDuration(planned).build().run(), r -> preflightOutcome(ctx, r));
        if (!flight.passed()) {
            return ctx.finish(ExitCode.PRECHECK_FAILED, "STOPPED BY THE PRE-FLIGHT", "the source cannot feed replication: "
                    + flight.failures().get(0).message());
        }

        // 3. dump with coordinates, load
        try (DumpStore store = Options.store("--dump-to", dumpTo)) {
            DumpResult dump = Steps.dump(ctx, what.apply(Dump.from(src)).to(store).threads(threads));
            BinlogPosition at = dump.binlogPosition().orElseThrow(() -> new BadInput("the dump has no binlog coordinates:"
                    + " turn binary logging on on the source (log_bin) to replicate"));
            Steps.load(ctx, how.apply(Load.into(dst).from(LoadSources.dump(store)), threads));

            // 4. replicate from the dump's coordinates until caught up
            try (Replication replication = Replication.of(dst).source(src, repl).startAt(at).heartbeat(beat)
                    .listener(ctx.relay()).build()) {
                CatchUpProgress caught = ctx.step("replicate", "replicate", () -> {
                    replication.configure();
                    replication.start();
                    return replication.awaitCaughtUp(catchUp);
                }, p -> Outcome.ok("caught up from " + at + " (" + replication.dialect() + "), lag "
                        + lag(p)));
                ctx.relay().lag(caught.lag());

                // 5. cut over
                CutOver.Builder cut = CutOver.of(replication).catchUpTimeout(catchUp).listener(ctx.relay());
                if (readOnlySource) {
                    cut.readOnlySource();
                } else {
                    cut.stopWrites(Hook.of("stop-writes", stopWrites, hookLimit));
                }
                Hook resume = Hook.of("resume-writes", resumeWrites, hookLimit);
                if (resume != null) {
                    cut.resumeWrites(resume);
                }
                Hook sw = Hook.of("switch", switchApps, hookLimit);
                if (sw != null) {
                    cut.switchApplications(sw);
                }
                if (!noVerify) {
                    Verify.Builder v = Verify.between(src, dst);
                    if (!what.schemas().isEmpty()) {
                        v.schemas(what.schemas().toArray(String[]::new));
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
                return end(ctx, report, dump);
            }
        }
    }

    private static int end(Context ctx, CutOverReport r, DumpResult dump) {
        String downtime = "writes stopped " + Human.seconds(r.writeDowntime().toNanos() / 1e9);
        if (r.succeeded()) {
            return ctx.finish(ExitCode.OK, "SUCCEEDED", downtime + " · " + Human.count(dump.rows()) + " rows dumped"
                    + r.verification().map(v -> " · verified equal").orElse(""));
        }
        if (!r.sourceTakesWrites()) {
            return ctx.finish(ExitCode.CUT_OVER_INCOMPLETE, "CUT-OVER INCOMPLETE", "the rollback failed: writes may be"
                    + " stopped on both sides - act now");
        }
        boolean different = r.verification().map(v -> !v.ok()).orElse(false);
        return different ? ctx.finish(ExitCode.VERIFY_FAILED, "ROLLED BACK: DIFFERENT", "verification found differences;"
                + " the source takes writes again, replication still runs")
                : ctx.finish(ExitCode.CUT_OVER_ROLLED_BACK, "ROLLED BACK", "the cut-over failed; the source takes writes"
                + " again, replication still runs");
    }

    private static Outcome preflightOutcome(Context ctx, PreflightReport r) {
        for (PreflightCheck c : r.checks()) {
            if (!c.passed()) {
                ctx.warning(c.name() + ": " + c.failure().map(d -> d.message()).orElse(c.detail()));
            }
        }
        String s = r.checks().size() + " checks" + r.retention().map(d -> ", binlog retention " + Human.seconds(d.toSeconds())
                + " for a planned " + Human.seconds(r.plannedDuration().toSeconds())).orElse("");
        return r.passed() ? Outcome.ok(s) : Outcome.failed(s);
    }

    private static String lag(CatchUpProgress p) {
        return p.lag().heartbeat().or(() -> p.lag().secondsBehindSource()).map(d -> Human.seconds(d.toNanos() / 1e9)).orElse("unknown");
    }

    /** A password for the replication account that nobody needs to know: 24 letters and digits. */
    private static String randomPassword() {
        String abc = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder("Am1-");
        for (int i = 0; i < 24; i++) {
            sb.append(abc.charAt(r.nextInt(abc.length())));
        }
        return sb.toString();
    }
}

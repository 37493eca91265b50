package io.github.auroramigrate.cli.internal.command;

import io.github.auroramigrate.cli.ExitCode;
import io.github.auroramigrate.cli.internal.BadInput;
import io.github.auroramigrate.cli.internal.Context;
import io.github.auroramigrate.cli.internal.Options;
import io.github.auroramigrate.cli.internal.Outcome;
import io.github.auroramigrate.cli.internal.SourceOptions;
import io.github.auroramigrate.cli.internal.TargetOptions;
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
import io.github.auroramigrate.replication.CatchUpProgress;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.cutover.CutOverReport;
import io.github.auroramigrate.replication.preflight.PreflightCheck;
import io.github.auroramigrate.replication.preflight.PreflightReport;
import io.github.auroramigrate.replication.preflight.SourcePreflight;
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
        + " until caught up, verify and cut over through your hooks (rolled back if anything fails before the switch).",
        footer = {"", "Example:", "  aurora-migrate migrate --source root@10.0.0.5 --target admin@aurora --schemas shop --dump-to shop_dump --transform strip-definers,force-innodb --stop-writes 'app-ctl pause' --resume-writes 'app-ctl resume' --switch 'app-ctl use aurora' --report report/"})
public final class MigrateCommand extends RunCommand {
    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions target;

    @Mixin
    DumpOptions what;

    @Mixin
    LoadOptions how;

    @Mixin
    CutOverOptions cutOver;

    @Mixin
    ReplicationUserOptions replicationUser;

    @Option(names = "--dump-to", required = true, paramLabel = "STORE", description = "Where the dump goes: a directory or"
            + " s3://bucket/prefix. A rerun loads what is there and skips what was committed.")
    String dumpTo;

    @Option(names = "--threads", defaultValue = "2", description = "Dump and load connections. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--accept", split = ",", paramLabel = "CHECK", description = "Pre-check errors (by check name, e.g."
            + " ZERO_DATES) you have read and accept; any other error stops the migration (exit 5) before anything moves.")
    List<String> accepted = new ArrayList<>();

    @Option(names = "--planned-duration", defaultValue = "24h", paramLabel = "DURATION", description = "How long the source"
            + " must keep its binary logs for this migration (the pre-flight checks retention). Default: ${DEFAULT-VALUE}.")
    String plannedDuration;

    @Option(names = "--heartbeat", defaultValue = "1s", paramLabel = "DURATION", description = "Interval of the heartbeat"
            + " that measures the true replication lag. Default: ${DEFAULT-VALUE}.")
    String heartbeat;

    @Override
    protected int run(Context ctx) throws Exception {
        Endpoint src = source.endpoint(io());
        Endpoint dst = target.endpoint(io());
        Options.positive("--threads", threads);
        Duration planned = Options.duration("--planned-duration", plannedDuration);
        Duration beat = Options.duration("--heartbeat", heartbeat);
        Duration catchUp = cutOver.catchUp();
        cutOver.validate();
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
        ReplicationUser repl = ctx.step("replication-user", "replication account",
                () -> replicationUser.create(io(), src, dst), u -> Outcome.ok(u.account() + " on the source"));
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
                CutOverReport report = cutOver.run(ctx, replication, src, dst, what.schemas(), transform);
                return CutOverOptions.end(ctx, report, Human.count(dump.rows()) + " rows dumped · the dump stays in "
                        + store.describe() + " (delete it when you no longer need to reload)");
            }
        }
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
}
